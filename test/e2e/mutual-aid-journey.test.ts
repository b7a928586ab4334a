// Journey in Chromium: a new resident of Dijon asks for groceries (commune picked, exact address typed). The demo
// resident, a helper nearby, sees the request with its approximate area only (commune and a sector, no address),
// offers to help, is accepted, then — and only then — sees the address; she marks it done with the time it took
// (the address is gone again) and receives the requester's thanks. The help then counts on her own impact page; the
// territory's shows this week as « moins de 5 personnes » (small-group rule). Every page visited passes axe-core, at a phone's width, and no page error occurs.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/server/core/clock.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_SLUG } from '../../src/server/demo/seed-demo.ts';
import { ensureDemoMutualAid } from '../../src/server/demo/seed-mutual-aid.ts';
import { expectAccessible } from '../support/browser.ts';
import { eventually, heading, type Journey, JOURNEY_TIMEOUT_MS, PHONE, startJourney } from '../support/journey.ts';

const ADDRESS = '5 rue de la Chouette, 3e étage';
const CONTACT = 'Interphone Martin';
const NEED = 'Pain, lait, compote et un paquet de café pour Jeanne.';

// A journey in a browser takes 15–25 s alone; on two busy cores it may take several times that.
describe('mutual-aid journey', { timeout: JOURNEY_TIMEOUT_MS }, () => {
  const clock = fixedClock(new Date());
  let journey: Journey;
  beforeAll(async () => {
    journey = await startJourney({ clock, seeds: [ensureDemoMutualAid], context: { ...PHONE, timezoneId: 'Europe/Paris' } });
  }, JOURNEY_TIMEOUT_MS);
  afterAll(() => journey?.close());

  const section = (page: Page, title: string): Locator => page.locator('section', { has: page.getByRole('heading', { level: 2, name: title }) });
  const card = (scope: Locator) => scope.locator('li.card', { hasText: NEED });

  it('asks, offers, accepts, reveals the address to the helper only, closes and thanks', async () => {
    const { maille, origin, t, signUp, signInWith, errors } = journey;
    // Jeanne signs up and asks for groceries in Dijon.
    const jeanne = await signUp('Jeanne', 'jeanne@example.org', '/entraide/demander');
    await heading(jeanne, 'Demander de l’aide');
    await expectAccessible(jeanne, 'ask for help');
    await jeanne.getByLabel('Courses').check();
    await jeanne.getByLabel('Cette semaine').check();
    await jeanne.getByLabel('En quelques mots').fill(NEED);
    const commune = jeanne.getByLabel('Commune', { exact: true });
    await eventually(() => commune.locator('option', { hasText: 'Dijon' }).count()).toBeGreaterThan(0);
    await commune.selectOption({ label: 'Dijon' });
    await jeanne.getByLabel('Adresse exacte').fill(ADDRESS);
    await jeanne.getByLabel('Comment vous joindre (téléphone, code d’entrée…)').fill(CONTACT);
    await jeanne.getByRole('button', { name: 'Envoyer ma demande' }).click();
    await jeanne.locator('main').getByText(/^Demande envoyée/).waitFor();
    await expectAccessible(jeanne, 'ask for help (sent)');

    // Hélène, a helper in central Dijon, sees it near her: the commune and a sector, never the address.
    const helene = await signInWith('Hélène', DEMO_ACCOUNTS[0]!.email, DEMO_PASSWORD, '/entraide/a-proximite');
    await heading(helene, 'Demandes près de chez moi');
    const nearby = card(section(helene, 'Demandes près de chez moi'));
    await nearby.waitFor();
    await nearby.getByText(/^Dijon, secteur [0-9A-F]+/).waitFor();
    await nearby.getByText('Dans vos compétences').waitFor();
    expect(await helene.locator('main').textContent()).not.toContain('Chouette');
    expect(await helene.locator('main').textContent()).not.toContain(CONTACT);
    await expectAccessible(helene, 'requests near me');
    await nearby.getByLabel('Un mot pour la personne (facultatif)').fill('Je passe à la supérette en fin de journée.');
    await nearby.getByRole('button', { name: 'Je propose mon aide' }).click();
    await card(section(helene, 'Où j’aide')).getByText('En attente de la réponse de la personne.').waitFor();
    const requestId = await maille.database.db.selectFrom('aid_requests').select('id').where('description', '=', NEED).executeTakeFirstOrThrow();
    // Before being accepted, the address is refused to her.
    expect((await helene.request.get(`${origin}/api/territories/${DEMO_SLUG}/mutual-aid/requests/${requestId.id}/address`)).status()).toBe(403);

    // Jeanne accepts Hélène's offer.
    await jeanne.goto(t('/entraide/mes-demandes'));
    await heading(jeanne, 'Mes demandes d’aide');
    const mine = card(jeanne.locator('main'));
    await mine.getByText('« Je passe à la supérette en fin de journée. »').waitFor();
    await expectAccessible(jeanne, 'my requests with an offer');
    await mine.getByRole('button', { name: 'Accepter l’aide de Hélène (habitante)' }).click();
    await mine.getByText('Aidant choisi : Hélène (habitante)').waitFor();

    // Hélène now sees the address, helps, and says it took an hour.
    await helene.goto(t('/entraide/a-proximite'));
    await heading(helene, 'Demandes près de chez moi');
    const helping = card(section(helene, 'Où j’aide'));
    await helping.getByText('Vous êtes l’aidant choisi.').waitFor();
    await helping.getByRole('button', { name: 'Afficher l’adresse' }).click();
    await helping.getByTestId('aid-address').getByText(ADDRESS).waitFor();
    await helping.getByTestId('aid-address').getByText(CONTACT).waitFor();
    await helping.getByTestId('aid-address').getByText('Chez Jeanne').waitFor();
    await expectAccessible(helene, 'where I help (address shown)');
    await helping.getByLabel('Temps passé, en heures (facultatif)').fill('1');
    await helping.getByRole('button', { name: 'J’ai rendu ce service' }).click();
    await helping.getByText('La demande est terminée : l’adresse n’est plus affichée.').waitFor();
    expect(await helene.locator('main').textContent()).not.toContain('Chouette');
    expect((await helene.request.get(`${origin}/api/territories/${DEMO_SLUG}/mutual-aid/requests/${requestId.id}/address`)).status()).toBe(403);

    // Jeanne thanks her.
    await jeanne.goto(t('/entraide/mes-demandes'));
    await heading(jeanne, 'Mes demandes d’aide');
    await mine.getByText('Temps d’aide compté : 1 h (déclaré)').waitFor();
    await mine.getByLabel('Votre message').fill('Merci Hélène, tout y était !');
    await expectAccessible(jeanne, 'my requests (done, thanks form)');
    await mine.getByRole('button', { name: 'Envoyer mes remerciements' }).click();
    await mine.getByText('Vous avez remercié votre aidant.').waitFor();

    // Hélène gets the thanks, on the page and in her notifications.
    await helene.goto(t('/entraide/a-proximite'));
    await heading(helene, 'Demandes près de chez moi');
    await card(section(helene, 'Où j’aide')).getByText('Message de remerciement : « Merci Hélène, tout y était ! »').waitFor();
    await expectAccessible(helene, 'where I help (thanked)');
    const notices = await maille.database.db
      .selectFrom('notifications as n')
      .innerJoin('users as u', 'u.id', 'n.user_id')
      .select('n.kind')
      .where('u.email', '=', DEMO_ACCOUNTS[0]!.email)
      .where('n.kind', 'like', 'mutual_aid.%')
      .orderBy('n.id')
      .execute();
    expect(notices.map((n) => n.kind)).toEqual(expect.arrayContaining(['mutual_aid.request_nearby', 'mutual_aid.accepted', 'mutual_aid.thanks']));

    // The territory's impact page shows mutual aid with where the figure comes from, under the small-group rule:
    // this week counts Hélène's help and at most a few others, so its row reads « moins de 5 personnes », never a figure.
    await helene.goto(t('/impact/territoire'));
    const help = helene.getByTestId('help-impact');
    await help.getByRole('heading', { name: 'Entraide entre voisins' }).waitFor();
    await help.getByText(/^Source : demandes d’entraide marquées comme faites/).waitFor();
    const thisWeek = help.getByRole('table').locator('tbody tr').last();
    await eventually(() => thisWeek.locator('td').allTextContents()).toEqual(Array(4).fill('moins de 5 personnes'));
    // Totals appear only when some earlier week gathered 5 helpers and 5 people helped; otherwise they are hidden too.
    await help.locator('[data-figure="helpDone"], p.figure-note [data-suppressed="small_group"]').first().waitFor();
    if ((await help.locator('[data-figure="helpDone"]').count()) > 0) {
      expect(Number((await help.locator('[data-figure="helpDone"]').textContent())?.replace(/\s/g, ''))).toBeGreaterThan(0);
    }
    await expectAccessible(helene, 'territory impact with mutual aid');
    // On her own page Hélène's help counts whole; how many others helped this week is too few to show.
    await helene.goto(t('/impact'));
    const mineHelp = helene.getByTestId('help-impact').filter({ has: helene.getByRole('heading', { name: 'Mon entraide' }) });
    await mineHelp.getByRole('heading', { name: 'Mon entraide' }).waitFor();
    expect(Number((await mineHelp.locator('[data-figure="helpDone"]').textContent())?.replace(/\s/g, ''))).toBeGreaterThanOrEqual(1);
    await mineHelp.locator('.not-alone [data-suppressed="small_group"]').getByText('moins de 5 personnes').waitFor();
    await expectAccessible(helene, 'my impact with mutual aid');

    // The helper's and the offers pages, as a helper sees them.
    await helene.goto(t('/entraide/aider'));
    await heading(helene, 'Proposer mon aide');
    await helene.getByText(/^Secteur enregistré : Dijon/).waitFor();
    await expectAccessible(helene, 'helper profile');
    await helene.goto(t('/entraide/propositions'));
    await heading(helene, 'Propositions d’aide');
    await helene.getByText(/^6 propositions trouvées\.$/).waitFor();
    await expectAccessible(helene, 'offers of help');
    expect(errors).toEqual([]);
  });
});
