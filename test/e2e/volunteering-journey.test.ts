// Journey in Chromium: a neighbour registers an association and the operator validates it; the demo organiser, who
// manages the (seeded, validated) tutoring association, writes a mission and submits it; the operator publishes it
// from the validation queue; a new volunteer searches missions near Dijon for tutoring, sees the approximate area only,
// applies with a message; the organiser accepts the application; the volunteer then sees the exact address, on the
// mission page and in "my participations", and the notification. Every page visited passes axe-core, on a 390-px
// phone, in French, with no page error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/server/core/clock.ts';
import { ensureDemoVolunteering } from '../../src/server/demo/seed-volunteering.ts';
import { expectAccessible } from '../support/browser.ts';
import { heading, type Journey, JOURNEY_TIMEOUT_MS, startJourney } from '../support/journey.ts';

const DAY = 86_400_000;

// A journey in a browser takes 15–25 s alone; on two busy cores it may take several times that.
describe('volunteering journey', { timeout: JOURNEY_TIMEOUT_MS }, () => {
  const clock = fixedClock(new Date());
  const missionDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date(clock.now().getTime() + 5 * DAY));
  let journey: Journey;
  beforeAll(async () => {
    journey = await startJourney({ clock, seeds: [ensureDemoVolunteering] });
  }, JOURNEY_TIMEOUT_MS);
  afterAll(() => journey?.close());

  it('goes from a registered association and a written mission to an accepted volunteer who sees the address', async () => {
    const { origin, t, signIn, signUp, errors } = journey;
    // A neighbour registers a reading association; it waits for the operator.
    const paul = await signUp('Paul', 'paul@example.org', '/benevolat/mon-organisation');
    await heading(paul, 'Mon organisation');
    const orgForm = paul.locator('form', { has: paul.getByLabel('Nom de l’organisation') });
    await orgForm.getByLabel('Nom de l’organisation').fill('Les Amis de la lecture');
    await orgForm.getByLabel('Type d’organisation').selectOption('association');
    await orgForm.getByLabel('Présentation').fill('Lectures partagées à la médiathèque et boîtes à livres dans le quartier.');
    await orgForm.getByLabel('Courriel de contact').fill('amis.lecture@example.org');
    await expectAccessible(paul, 'my organisation (registering)');
    await orgForm.getByRole('button', { name: 'Envoyer la demande' }).click();
    // The live region repeats the confirmation for screen readers: read the page's own text (once).
    await paul.locator('#main').getByText(/^Demande envoyée/).waitFor();
    await paul.getByRole('heading', { level: 2, name: 'Les Amis de la lecture' }).waitFor();

    // The demo organiser writes a mission for the tutoring association and submits it.
    const omar = await signIn('organiser', '/benevolat/mon-organisation');
    await heading(omar, 'Mon organisation');
    await omar.getByRole('heading', { level: 2, name: 'Coup de pouce scolaire des Grésilles (démo)' }).waitFor();
    await omar.getByRole('button', { name: 'Nouvelle mission' }).click();
    const missionForm = omar.locator('form', { has: omar.getByLabel('Titre de la mission') });
    await missionForm.getByLabel('Titre de la mission').fill('Atelier lecture du samedi');
    await missionForm.getByLabel('Description').fill('Lire des albums avec des enfants de 6 à 8 ans, par petits groupes, à la bibliothèque du quartier.');
    await missionForm.getByLabel('Date').fill(missionDay);
    await missionForm.getByLabel('Heure de début').fill('10:00');
    await missionForm.getByLabel('Heure de fin').fill('11:30');
    await missionForm.getByLabel('Commune').selectOption({ label: 'Dijon' });
    await missionForm.getByLabel('Adresse exacte').fill('Bibliothèque des Grésilles, 4 rue Jean-Baptiste Lallemand');
    await missionForm.getByLabel('Nombre de bénévoles recherchés').fill('0');
    await missionForm.getByLabel('Soutien scolaire').check();
    await missionForm.getByLabel('Enfants').check();
    await missionForm.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    // No places: refused in the form, named next to the field.
    await missionForm.getByText('Il faut au moins une place de bénévole.').first().waitFor();
    await missionForm.getByLabel('Nombre de bénévoles recherchés').fill('2');
    await expectAccessible(omar, 'new mission form');
    await missionForm.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await heading(omar, 'Atelier lecture du samedi');
    await omar.getByText('État : Brouillon').waitFor();
    await omar.getByRole('button', { name: 'Envoyer pour validation' }).click();
    await omar.getByText('État : En attente de validation').waitFor();
    await expectAccessible(omar, 'mission awaiting validation (manager)');
    const missionPath = new URL(omar.url()).pathname;

    // The operator validates the association and publishes the mission.
    const olivia = await signIn('city operator', '/benevolat/validation');
    await heading(olivia, 'Validation du bénévolat');
    await olivia.getByRole('button', { name: 'Afficher', exact: true }).click();
    await olivia.getByRole('heading', { level: 3, name: 'Les Amis de la lecture' }).waitFor();
    await expectAccessible(olivia, 'validation queue');
    await olivia.getByRole('article', { name: 'Les Amis de la lecture' }).getByRole('button', { name: 'Valider' }).click();
    await olivia.getByRole('heading', { level: 3, name: 'Les Amis de la lecture' }).waitFor({ state: 'detached' });
    await olivia.getByRole('article', { name: 'Atelier lecture du samedi' }).getByRole('button', { name: 'Publier' }).click();
    await olivia.getByRole('heading', { level: 3, name: 'Atelier lecture du samedi' }).waitFor({ state: 'detached' });
    await paul.reload();
    await paul.getByText('Validée').first().waitFor();

    // A volunteer searches near Dijon for tutoring, opens the mission: the area only, not the address.
    const zoe = await signUp('Zoé', 'zoe@example.org', '/benevolat');
    await heading(zoe, 'Bénévolat près de chez vous');
    await zoe.getByLabel('Autour de').selectOption({ label: 'Dijon' });
    await zoe.getByLabel('Distance maximale (km)').fill('5');
    await zoe.getByLabel('Compétence', { exact: true }).selectOption({ label: 'Soutien scolaire' });
    await zoe.getByRole('button', { name: 'Rechercher' }).click();
    await zoe.getByRole('link', { name: 'Atelier lecture du samedi' }).waitFor();
    await expectAccessible(zoe, 'mission search with results');
    await zoe.getByRole('link', { name: 'Atelier lecture du samedi' }).click();
    await heading(zoe, 'Atelier lecture du samedi');
    await zoe.getByText('Secteur de Dijon').waitFor();
    expect(await zoe.locator('main').textContent()).not.toContain('Lallemand');
    await zoe.getByLabel('Message à l’organisation').fill('Maman de deux enfants, je lis volontiers des albums le samedi matin.');
    await expectAccessible(zoe, 'mission page (apply)');
    await zoe.getByRole('button', { name: 'Je candidate' }).click();
    await zoe.getByRole('heading', { level: 2, name: 'Ma candidature : En attente de réponse' }).waitFor();

    // The organiser accepts the application from the mission page.
    await omar.goto(`${origin}${missionPath}`);
    await heading(omar, 'Atelier lecture du samedi');
    const application = omar.getByTestId('application').filter({ hasText: 'Zoé' });
    await application.getByText('Maman de deux enfants').waitFor();
    await expectAccessible(omar, 'mission page (manager, applications)');
    await application.getByRole('button', { name: 'Accepter' }).click();
    await application.getByText('Acceptée').waitFor();

    // The volunteer now sees the exact address, in her participations too, and was told.
    await zoe.reload();
    await zoe.getByRole('heading', { level: 2, name: 'Ma candidature : Acceptée' }).waitFor();
    await zoe.getByTestId('mission-address').getByText('Lallemand', { exact: false }).waitFor();
    await expectAccessible(zoe, 'mission page (accepted)');
    await zoe.goto(t('/benevolat/mes-participations'));
    await heading(zoe, 'Mes participations');
    await zoe.getByTestId('my-participation').filter({ hasText: 'Atelier lecture du samedi' }).getByText('Lallemand', { exact: false }).waitFor();
    await expectAccessible(zoe, 'my participations');
    await zoe.goto(`${origin}/notifications`);
    await zoe.getByText('Votre candidature pour « Atelier lecture du samedi » est acceptée', { exact: false }).waitFor();

    // The association's page shows its response figures and how they are computed.
    await zoe.goto(t('/benevolat'));
    await zoe.getByRole('link', { name: 'Coup de pouce scolaire des Grésilles (démo)' }).click();
    await heading(zoe, 'Coup de pouce scolaire des Grésilles (démo)');
    await zoe.getByTestId('response-rate').waitFor();
    await zoe.getByText('Comment est-ce calculé ?').click();
    await zoe.getByText('Le taux de réponse est la part des candidatures', { exact: false }).waitFor();
    await expectAccessible(zoe, 'organisation page');

    expect(errors).toEqual([]);
  });
});
