// Journey in Chromium: Alice describes her commute and offers a weekly ride; Bob asks for one, sees her
// explained match and proposes next Monday; Alice accepts. The server clock then jumps to that Monday
// noon so both can confirm the ride. Bob commits to the corridor's advised shift (pre-selected), sees its line on a
// map, records it and sees at once what it spared the others (the corridor's figures and his impact move), logs a bike trip, and both impact pages show non-zero figures with
// their sources. Bob then launches a territory commitment needing one signer, signs it and sees it succeed.
// Every page visited passes axe-core (no serious/critical issue) and no page error occurs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/server/core/clock.ts';
import { ensureDemoCorridors } from '../../src/server/demo/seed-corridors.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_SLUG } from '../../src/server/demo/seed-demo.ts';
import { expectAccessible } from '../support/browser.ts';
import { eventually, heading, type Journey, JOURNEY_TIMEOUT_MS, openMenu, startJourney } from '../support/journey.ts';

/** The first Monday strictly after the territory's today (Europe/Paris). */
function nextMonday(now: Date): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(now);
  const day = new Date(`${today}T12:00:00Z`);
  do day.setUTCDate(day.getUTCDate() + 1);
  while (day.getUTCDay() !== 1);
  return day.toISOString().slice(0, 10);
}

describe('mobility journey', { timeout: JOURNEY_TIMEOUT_MS }, () => {
  const clock = fixedClock(new Date());
  const monday = nextMonday(clock.now());
  let journey: Journey;
  beforeAll(async () => {
    journey = await startJourney({ clock, jobs: true, seeds: [ensureDemoCorridors] });
  }, JOURNEY_TIMEOUT_MS);
  afterAll(() => journey?.close());

  it('goes from a commute to a confirmed carpool, a recorded shift and visible impact', async () => {
    const { t, newPage, signUp, errors } = journey;
    // Alice describes her commute: home by commune (Talant), work by coordinates (Quetigny).
    const alice = await signUp('Alice', 'alice@example.org', '/mes-communautes');
    await openMenu(alice);
    await alice.getByText('Mobilité', { exact: true }).click();
    await alice.getByRole('link', { name: 'Mon trajet' }).click();
    await heading(alice, 'Mon trajet domicile-travail');
    const home = alice.getByRole('group', { name: 'Domicile' });
    await home.getByLabel('Commune', { exact: true }).selectOption({ label: 'Talant' });
    const work = alice.getByRole('group', { name: 'Travail' });
    await work.getByLabel('Des coordonnées').check();
    await work.getByLabel('Latitude').fill('47,321');
    await work.getByLabel('Longitude').fill('5,1123');
    await expectAccessible(alice, 'commute form');
    await alice.getByRole('button', { name: 'Enregistrer mon trajet' }).click();
    await alice.getByRole('heading', { name: 'Mon trajet enregistré' }).waitFor();
    await alice.locator('main').getByText('source : distance à vol d’oiseau').waitFor();
    expect(await alice.locator('.distance').textContent()).toMatch(/^\d+([,.]\d)?\skm$/);
    await expectAccessible(alice, 'commute saved');

    // She offers a weekly ride from home to work (the commute shortcut is preselected).
    await alice.goto(t('/covoiturage'));
    await heading(alice, 'Covoiturage');
    await eventually(() => alice.getByRole('group', { name: 'Départ' }).getByLabel('Comme le domicile de mon trajet').isChecked()).toBe(true);
    await alice.getByRole('button', { name: 'Publier mon offre' }).click();
    await alice.getByRole('heading', { name: /Je conduis · domicile → travail/ }).waitFor();
    await alice.locator('main').getByText('Aucun passager compatible pour l’instant.').waitFor();
    await expectAccessible(alice, 'carpool (offer)');

    // Bob asks for a seat from Talant to a meeting point near Alice's work, and sees her explained match.
    const bob = await signUp('Bob', 'bob@example.org', '/covoiturage');
    await heading(bob, 'Covoiturage');
    await bob.getByLabel('cherchez une place').check();
    await bob.getByRole('group', { name: 'Départ' }).getByLabel('Commune', { exact: true }).selectOption({ label: 'Talant' });
    const arrival = bob.getByRole('group', { name: 'Arrivée' });
    await arrival.getByLabel('Un point de rencontre public').check();
    await arrival.getByLabel('Nom du point de rencontre').fill('Arrêt Quetigny Centre');
    await arrival.getByLabel('Latitude').fill('47.3205');
    await arrival.getByLabel('Longitude').fill('5.11');
    await bob.getByLabel('Entre', { exact: true }).fill('07:40');
    await bob.getByLabel('et', { exact: true }).fill('08:10');
    await bob.getByRole('button', { name: 'Publier ma demande' }).click();
    const match = bob.locator('.match').filter({ hasText: 'Alice, conducteur·rice' });
    await match.waitFor();
    await eventually(() => match.locator('.explanation').textContent()).toMatch(/^Pourquoi\s:\sdétour\sde\s.*\skm\s.*\skg\séq\.\sCO₂\sévités/);
    await expectAccessible(bob, 'carpool (matches)');
    await match.getByLabel('Jour du trajet').fill(monday);
    await match.getByRole('button', { name: 'Proposer ce trajet' }).click();
    await bob.locator('main').getByText(/^Trajet proposé à Alice pour le lundi/).waitFor();
    await bob.locator('main').getByText('Proposé : Alice n’a pas encore répondu').waitFor();

    // Alice accepts and leaves a message.
    await alice.reload();
    const aliceRide = alice.locator('.ride').filter({ hasText: 'avec Bob' });
    await aliceRide.getByText('Proposé : en attente de votre réponse').waitFor();
    await expectAccessible(alice, 'carpool (ride to accept)');
    await aliceRide.getByRole('button', { name: 'Accepter' }).click();
    await aliceRide.getByText('Accepté', { exact: true }).waitFor();
    await aliceRide.getByRole('button', { name: 'Messages' }).click();
    await aliceRide.getByLabel('Votre message').fill('Rendez-vous à 7 h 40 devant la mairie.');
    await aliceRide.getByRole('button', { name: 'Envoyer' }).click();
    await aliceRide.getByText('Rendez-vous à 7 h 40 devant la mairie.').waitFor();
    await expectAccessible(alice, 'carpool (messages)');

    // A browser cannot wait for Monday: the server clock jumps to Monday noon, then both confirm.
    clock.set(new Date(`${monday}T11:00:00Z`));
    await bob.reload();
    const bobRide = bob.locator('.ride').filter({ hasText: 'avec Alice' });
    await bobRide.getByRole('button', { name: 'Le trajet a eu lieu' }).click();
    await bobRide.getByText('Merci : le trajet est confirmé et compté.').first().waitFor();
    await bobRide.getByText('Preuve de covoiturage : classe B (une confirmation)').first().waitFor();
    await alice.reload();
    await aliceRide.getByRole('button', { name: 'Le trajet a eu lieu' }).click();
    await aliceRide.getByText('Preuve de covoiturage : classe C (confirmé par les deux)').first().waitFor();
    // Others this week: a count, or « moins de 5 personnes » while the demo has fewer carpools than the small-group rule needs.
    await aliceRide.locator('.not-alone').waitFor();
    expect(await aliceRide.locator('.not-alone').textContent()).toMatch(/^(Vous n’êtes pas seul·e :\s\d+ autres? personnes?|Vous montrez l’exemple :\s(moins de 5 personnes|personne d’autre))/);
    await expectAccessible(alice, 'carpool (confirmed)');

    // Bob commits to leave a quarter of an hour earlier on a corridor, then says he did it today.
    await bob.goto(t('/axes'));
    await heading(bob, 'Axes routiers encombrés');
    await expectAccessible(bob, 'corridors');
    await bob.getByRole('link', { name: /^Rocade est/ }).click();
    await heading(bob, /^Rocade est/);
    const committed = bob.locator('section[aria-labelledby="period-am"] .share-committed');
    await eventually(() => committed.getAttribute('data-committed')).toBe('suppressed');
    await bob.locator('main').getByText(/% des conducteurs partant 15 minutes plus tôt suffiraient à résorber ce bouchon\./).first().waitFor();
    const savedBefore = await bob.getByTestId('saved-this-week').textContent();
    // The form starts from the queue model's best shift for someone it does not know (the peak): 08:00 → 07:30.
    await bob.getByTestId('best-shift').getByText(/^Votre meilleur décalage : partir à 07:30 au lieu de 08:00, 30 minutes plus tôt\./).waitFor();
    const chosen = (label: string) => bob.getByLabel(label).evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent);
    expect([await chosen('Mon créneau habituel'), await chosen('Mon nouveau créneau')]).toEqual(['08:00', '07:30']);
    // The corridor's line on a map, drawn once scrolled near, with its text alternative.
    const map = bob.getByTestId('corridor-map');
    await map.scrollIntoViewIfNeeded();
    await eventually(() => map.getAttribute('data-state')).toBe('ready');
    expect(await bob.getByTestId('corridor-map-caption').textContent()).toMatch(/^L’axe va de \S.* à \S.*, sur environ \d+(,\d)? km \(tracé approximatif\)\.$/);
    await expectAccessible(bob, 'corridor');
    await bob.getByRole('button', { name: 'Je m’engage' }).click();
    await eventually(() => committed.getAttribute('data-committed')).toBe('1');
    await bob.getByRole('button', { name: 'Je l’ai fait aujourd’hui' }).click();
    await bob.locator('main').getByText('Bravo, c’est noté pour aujourd’hui.').first().waitFor();
    // What it spared the others shows at once, positive, with its source; the week's figure moves with it.
    const spared = bob.getByTestId('shift-spared');
    await spared.waitFor();
    expect(Number(await spared.getAttribute('data-hours'))).toBeGreaterThan(0);
    expect(await spared.textContent()).toMatch(/^Selon le modèle de file d’attente, votre départ décalé épargne aujourd’hui \d+,\d+ h de bouchon aux autres conducteurs\.$/);
    await bob.locator('main').getByText(/^source : modèle de file d’attente de l’axe, calculé le /).waitFor();
    await eventually(() => bob.getByTestId('saved-this-week').textContent()).not.toBe(savedBefore);
    await expectAccessible(bob, 'corridor (committed and recorded)');

    // Bob logs a bike trip on Monday: figures, explanation lines and "not alone".
    await bob.getByRole('link', { name: 'Voir mon impact' }).click();
    await heading(bob, 'Mon impact');
    await eventually(async () => (await bob.locator('.figure').filter({ hasText: 'Retard épargné aux autres' }).locator('.figure-value').first().textContent()) ?? '').toMatch(/^0,[1-9]|^[1-9]/);
    await bob.locator('main').getByText('source : modèle de file d’attente des axes ; gain des personnes qui ont décalé exclu, jours négatifs compris').waitFor();
    await bob.getByLabel('Jour du trajet').fill(monday);
    await bob.getByLabel('Distance en km').fill('6');
    // Without a commute profile nothing says what the trip replaced: he says it was a car trip.
    await bob.getByLabel('Au lieu de').selectOption({ label: 'Voiture seul·e' });
    await expectAccessible(bob, 'my impact (form)');
    await bob.getByRole('button', { name: 'Enregistrer ce trajet' }).click();
    const result = bob.locator('.switch-result');
    await result.getByText(/^Vélo, lundi/).waitFor();
    await result.getByText('Comparé à : Voiture seul·e, comme vous l’avez indiqué.').waitFor();
    await result.getByText(/^CO2e évité : 6 km/).waitFor();
    await eventually(async () => (await bob.locator('[data-figure="co2"]').textContent()) ?? '').toMatch(/^[1-9]/);
    await bob.locator('main').getByText('source : facteurs ADEME Base Carbone, version 1').waitFor();
    await bob.locator('main').getByText('Comment est-ce calculé ?', { exact: true }).click();
    await bob.locator('main').getByText('Facteurs utilisés (version 1)').waitFor();
    await expectAccessible(bob, 'my impact (figures and method)');

    // The territory's page shows everyone's figures, their sources and the participation ranking.
    await bob.getByRole('link', { name: 'Voir l’impact du territoire' }).click();
    await heading(bob, 'Impact du territoire : Dijon Métropole');
    // The journey's territory holds only a handful of people: its totals are figures once five people act, « moins de 5 personnes » before.
    const co2 = bob.locator('[data-figure="co2"]');
    const fewerThanFive = bob.locator('main').getByText('moins de 5 personnes').first();
    await co2.or(fewerThanFive).first().waitFor();
    if ((await co2.count()) > 0) {
      expect(await co2.textContent()).toMatch(/^[1-9]/);
      expect(await bob.locator('[data-figure="gestures"]').textContent()).toMatch(/^[1-9]/);
      await bob.locator('main').getByText('source : facteurs ADEME Base Carbone, version 1').waitFor();
    } else {
      expect(await bob.locator('[data-figure="gestures"]').count()).toBe(0);
    }
    await bob.getByRole('table', { name: /^Taux de participation/ }).waitFor();
    await expectAccessible(bob, 'territory impact');

    // A community page loads its impact panel (and its live stream) lazily.
    await bob.goto(`${t('/communautes')}?q=${encodeURIComponent('Démo')}`);
    await bob.getByRole('link', { name: 'Voisins — Démo' }).click();
    await heading(bob, 'Voisins — Démo');
    await bob.getByRole('heading', { name: 'Impact de la communauté' }).waitFor();
    await expectAccessible(bob, 'community page with impact panel');

    // The operator finds the review queue in the mobility menu (residents do not).
    expect(await bob.locator('.nav-sublist').getByRole('link', { name: 'Vérifications' }).count()).toBe(0);
    const olivia = await newPage('operator', { locale: 'fr-FR' });
    await olivia.goto(`${t('/connexion')}?retour=${encodeURIComponent(`/t/${DEMO_SLUG}/axes`)}`);
    await olivia.getByLabel('Adresse e-mail').fill(DEMO_ACCOUNTS.find((a) => a.roles.includes('operator'))!.email);
    await olivia.getByLabel('Mot de passe', { exact: true }).fill(DEMO_PASSWORD);
    await olivia.getByRole('button', { name: 'Se connecter' }).click();
    await heading(olivia, 'Axes routiers encombrés');
    await olivia.getByText('Mobilité', { exact: true }).click();
    await olivia.getByRole('link', { name: 'Vérifications' }).click();
    await heading(olivia, 'Vérification des covoiturages');
    await olivia.locator('main').getByText('Aucun trajet en attente de vérification.').waitFor();
    await expectAccessible(olivia, 'review queue');

    // Bob launches a territory commitment needing one signer, signs it (name shown) and sees it succeed.
    const day = (offset: number) => new Date(Date.parse(`${monday}T12:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
    await bob.goto(t('/engagements'));
    await heading(bob, 'Engagements collectifs');
    await bob.getByRole('link', { name: 'Lancer un engagement' }).click();
    await heading(bob, 'Lancer un engagement');
    await bob.getByLabel('Formulation').fill('Je covoiture le mardi si une autre personne le fait aussi.');
    await bob.getByLabel('Type d’action').selectOption('carpool');
    await bob.getByLabel('Nombre de signataires nécessaires').fill('1');
    await bob.getByLabel('Échéance des signatures').fill(day(7));
    await bob.getByLabel('Début de l’action').fill(day(8));
    await bob.getByLabel('Fin de l’action').fill(day(15));
    await expectAccessible(bob, 'new commitment');
    await bob.getByRole('button', { name: 'Lancer l’engagement' }).click();
    await heading(bob, 'Je covoiture le mardi si une autre personne le fait aussi.');
    await bob.locator('main').getByText('encore 1 signature nécessaire', { exact: true }).waitFor();
    await bob.getByLabel('Afficher mon nom parmi les signataires').check();
    await expectAccessible(bob, 'commitment (collecting)');
    await bob.getByRole('button', { name: 'Je m’engage si l’objectif est atteint' }).click();
    await bob.getByTestId('engagement-status').getByText(/^Objectif atteint : les signataires sont engagés/).waitFor();
    await bob.locator('main').getByText('1 signataire — dont, nommément : Bob').waitFor();
    await eventually(() => bob.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    await expectAccessible(bob, 'commitment (succeeded)');

    expect(errors).toEqual([]);
  });
});
