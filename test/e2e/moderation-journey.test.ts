// Journey in Chromium: three residents report the demo community « Voisins — Démo » as spam from its page; at the
// third report it leaves the directory. Its organiser sees the reports inside the community page; the city operator
// opens the moderation queue from the header, keeps the community with a reason, and it is back in the directory;
// the organiser reads both notices. A resident chooses a weekly e-mail digest and finds the "people I blocked" list
// on the account page; she blocks a helper who offered help on her request, and after a reload the button still
// knows it (« Débloquer »). Every page visited passes axe-core, on a 390-px-wide phone, and no page error occurs.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/server/core/clock.ts';
import { DEMO_PASSWORD, DEMO_SLUG } from '../../src/server/demo/seed-demo.ts';
import { expectAccessible } from '../support/browser.ts';
import { demoEmail as demo, heading, type Journey, JOURNEY_TIMEOUT_MS, openMenu, startJourney } from '../support/journey.ts';
import { hashPassword } from '../../src/server/core/auth/password.ts';
import { toCell } from '../../src/server/core/geo.ts';
import { AID_RESOLUTION } from '../../src/server/mutual-aid/model.ts';

describe('moderation journey', { timeout: JOURNEY_TIMEOUT_MS }, () => {
  const clock = fixedClock(new Date());
  let journey: Journey;
  beforeAll(async () => {
    journey = await startJourney({ clock, residents: 30 });
  }, JOURNEY_TIMEOUT_MS);
  afterAll(() => journey?.close());

  const inDirectory = async (page: Page) => {
    await page.goto(journey.t('/communautes?q=D%C3%A9mo'));
    await heading(page, 'Communautés');
    await page.waitForLoadState('networkidle');
    return page.locator('main').getByRole('link', { name: 'Voisins — Démo' }).count();
  };

  it('hides a community reported three times, and the operator keeps it after review', async () => {
    const { maille, origin, signInWith: signIn } = journey;
    const db = maille.database.db;
    const territory = await db.selectFrom('territories').select(['id', 'slug', 'name']).where('slug', '=', DEMO_SLUG).executeTakeFirstOrThrow();
    const community = await db.selectFrom('communities').select('id').where('territory_id', '=', territory.id).where('name', '=', 'Voisins — Démo').executeTakeFirstOrThrow();
    const communityPath = `/communautes/${community.id}`;

    // Three residents report it as spam from its page.
    for (const [i, name] of ['Inès', 'Jules', 'Karim'].entries()) {
      const email = `reporter${i}@example.org`;
      const user = await db.insertInto('users').values({ email, password_hash: await hashPassword('un mot de passe solide'), display_name: name, deleted_at: null }).returning('id').executeTakeFirstOrThrow();
      await db.insertInto('territory_members').values({ territory_id: territory.id, user_id: user.id, roles: ['resident'], commune_code: null }).execute();
      const page = await signIn(name, email, 'un mot de passe solide', communityPath);
      await heading(page, 'Voisins — Démo');
      await page.getByRole('button', { name: 'Signaler : Voisins — Démo' }).click();
      await page.getByRole('heading', { name: 'Signaler un problème' }).waitFor();
      if (i === 0) {
        await page.getByRole('button', { name: 'Envoyer le signalement' }).click();
        await page.getByRole('alert').getByText('Choisissez une raison.').first().waitFor();
        await expectAccessible(page, 'report form with an error');
      }
      await page.getByLabel('Publicité ou spam').check();
      await page.getByLabel('Précisions').fill('Annonces pour un site de paris en ligne');
      await page.getByRole('button', { name: 'Envoyer le signalement' }).click();
      // The live region repeats the thanks for screen readers: read the page's own text.
      await page.locator('#main').getByText(i < 2 ? 'Merci, votre signalement est enregistré.' : /le contenu est désormais masqué/).waitFor();
      if (i === 2) {
        expect(await inDirectory(page)).toBe(0);
        await expectAccessible(page, 'directory without the hidden community');
      }
      await page.context().close();
    }

    // The organiser sees the reports inside the community page (members still reach it).
    const omar = await signIn('Omar', demo('organiser'), DEMO_PASSWORD, communityPath);
    await heading(omar, 'Voisins — Démo');
    const panel = omar.locator('section', { has: omar.getByRole('heading', { name: 'Signalements sur cette communauté' }) });
    // Reports are personal data: the organiser states why he reads them (audited).
    await panel.getByRole('button', { name: 'Afficher', exact: true }).click();
    await panel.getByText('3 signalements').waitFor();
    await panel.getByText('Masqué', { exact: true }).waitFor();
    await expectAccessible(omar, 'community page with its reports (organiser)');

    // The operator opens the queue from the header and keeps the community.
    const olivia = await signIn('Olivia', demo('city operator'), DEMO_PASSWORD, '/compte');
    await openMenu(olivia);
    await olivia.getByRole('link', { name: 'Modération' }).click();
    await heading(olivia, 'Modération');
    await olivia.getByLabel('Motif de la consultation').selectOption({ label: 'Autre motif (à préciser)' });
    await olivia.getByLabel('Précisez le motif').fill('Signalements de la semaine');
    await olivia.getByRole('button', { name: 'Afficher', exact: true }).click();
    await olivia.getByText('Motif inscrit au journal : « Signalements de la semaine ».').waitFor();
    const card = olivia.getByTestId(`queue-community-${community.id}`);
    await card.getByText('Publicité ou spam (3)', { exact: false }).waitFor();
    await card.getByText('Précisions des signalements').click();
    await expectAccessible(olivia, 'moderation queue');
    await card.getByLabel(/^Conserver/).check();
    await card.getByLabel('Motif (envoyé à l’auteur)').fill('Vérifié : une annonce isolée, retirée par l’organisateur');
    await card.getByRole('button', { name: 'Enregistrer la décision' }).click();
    await olivia.getByTestId('queue-empty').waitFor();
    expect(await inDirectory(olivia)).toBe(1);

    // The organiser was told both times.
    await omar.goto(`${origin}/notifications`);
    await heading(omar, 'Notifications');
    await omar.getByText(/masqué en attendant l’examen/).waitFor();
    await omar.getByText(/de nouveau visible\. Motif : Vérifié/).waitFor();
    await expectAccessible(omar, 'notifications with moderation notices');
  });

  it('lets a resident choose a weekly digest, block a helper (still known after a reload) and see who they blocked', async () => {
    const { maille, origin, t, signInWith: signIn, errors } = journey;
    const helene = await signIn('Hélène', demo('resident'), DEMO_PASSWORD, '/compte');
    await helene.goto(`${origin}/notifications`);
    await heading(helene, 'Notifications');
    await helene.getByLabel('Un résumé par semaine (le lundi vers 7 h)').check();
    await helene.getByRole('button', { name: 'Enregistrer mon choix' }).click();
    await helene.locator('#announcer').getByText('Votre choix est enregistré.').waitFor();
    await expectAccessible(helene, 'notifications with the e-mail choice');
    await helene.goto(t('/compte'));
    await helene.getByRole('heading', { name: 'Personnes bloquées' }).waitFor();
    await helene.getByText('Vous n’avez bloqué personne.').waitFor();
    await expectAccessible(helene, 'account with blocked people');

    // A helper offered help on her request; she blocks them from the request, and the page still knows after a reload.
    const db = maille.database.db;
    const territory = await db.selectFrom('territories').select('id').where('slug', '=', DEMO_SLUG).executeTakeFirstOrThrow();
    const commune = await db.selectFrom('communes').select('code').where('territory_id', '=', territory.id).orderBy('code').executeTakeFirstOrThrow();
    const me = await db.selectFrom('users').select('id').where('email', '=', demo('resident')).executeTakeFirstOrThrow();
    const helper = await db.insertInto('users').values({ email: 'xavier@example.org', password_hash: null, display_name: 'Xavier', deleted_at: null }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('territory_members').values({ territory_id: territory.id, user_id: helper.id, roles: ['resident'], commune_code: commune.code }).execute();
    const now = clock.now().getTime();
    const request = await db
      .insertInto('aid_requests')
      .values({
        territory_id: territory.id,
        requester_id: me.id,
        kind: 'groceries',
        urgency: 'this_week',
        window_from: new Date(now + 3_600_000),
        window_to: new Date(now + 48 * 3_600_000),
        description: 'Courses de la semaine (journée de test)',
        cell: toCell({ lat: 47.322, lng: 5.041 }, AID_RESOLUTION),
        commune_code: commune.code,
        status: 'offered',
        created_at: new Date(now - 3_600_000),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('aid_request_offers').values({ territory_id: territory.id, request_id: request.id, helper_id: helper.id, message: 'Je passe demain.', created_at: new Date(now) }).execute();
    await helene.goto(t('/entraide/mes-demandes'));
    await heading(helene, 'Mes demandes d’aide');
    await helene.getByRole('button', { name: 'Bloquer Xavier' }).click();
    await helene.getByRole('button', { name: 'Oui, bloquer' }).click();
    await helene.locator('#announcer').getByText('Xavier est bloqué·e.').waitFor();
    await helene.getByRole('button', { name: 'Débloquer Xavier' }).waitFor();
    await helene.reload();
    await heading(helene, 'Mes demandes d’aide');
    await helene.getByRole('button', { name: 'Débloquer Xavier' }).waitFor();
    expect(await helene.getByRole('button', { name: 'Bloquer Xavier', exact: true }).count()).toBe(0);
    await expectAccessible(helene, 'my help requests with a blocked helper');
    await helene.goto(t('/compte'));
    await helene.getByTestId('blocked-people').getByRole('button', { name: 'Débloquer Xavier' }).waitFor();
    expect(errors).toEqual([]);
  });
});
