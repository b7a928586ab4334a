// Journey in Chromium on a 390-px-wide phone: the city operator opens the home page and reads the to-do list with a
// count on every queue (an organisation and a mission to validate, a flagged carpool, an open report, a shop owed
// money, an unanswered « Bonjour » alert), follows each line to its queue and sees the queue's first item. Then the
// territory admin finds a resident on the roles screen, makes her a mediator with a reason, creates a corridor (a
// field error first, named), sees the factor editions, and reads the role change in the audit log in words, never as
// a raw code. Every page passes axe-core, and no page error occurs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SLUG } from '../../src/server/demo/seed-demo.ts';
import { ensureDemoShops } from '../../src/server/demo/seed-incentives.ts';
import { ensureDemoVolunteering } from '../../src/server/demo/seed-volunteering.ts';
import type { Database } from '../../src/server/core/database/schema.ts';
import { postTransaction } from '../../src/server/incentives/ledger-store.ts';
import { expectAccessible } from '../support/browser.ts';
import { demoEmail, heading, type Journey, JOURNEY_TIMEOUT_MS, openMenu, startJourney, text } from '../support/journey.ts';
import { escalatedAlert } from '../support/staff-reads.ts';

/** One item in every operator queue the demo leaves empty: a flagged ride (with a reported message), a shop owed, an alert. */
async function fillQueues(db: Database): Promise<void> {
  const territory = await db.selectFrom('territories').select('id').where('slug', '=', DEMO_SLUG).executeTakeFirstOrThrow();
  const helene = await db.selectFrom('users').select('id').where('email', '=', demoEmail('resident')).executeTakeFirstOrThrow();
  const marc = await db.selectFrom('users').select('id').where('email', '=', demoEmail('merchant')).executeTakeFirstOrThrow();
  const trip = async (userId: string, role: 'driver' | 'passenger') =>
    (await db
      .insertInto('carpool_trips')
      .values({
        territory_id: territory.id, user_id: userId, role, origin_cell: '881f8d4b29fffff', destination_cell: '881f8d4b2bfffff',
        origin_lat: 47.35, origin_lng: 5.02, destination_lat: 47.32, destination_lng: 5.04, origin_label: null, destination_label: null,
        trip_date: null, weekdays: [1, 2, 3, 4, 5], window_start: 450, window_end: 480, seats: role === 'driver' ? 3 : 1, max_detour_share: 0.2, closed_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()).id;
  const at = new Date(Date.now() - 2 * 86_400_000);
  // A ride the fraud rules held for review, and a message on it the passenger reported.
  const match = await db
    .insertInto('carpool_matches')
    .values({
      territory_id: territory.id, driver_trip_id: await trip(helene.id, 'driver'), passenger_trip_id: await trip(marc.id, 'passenger'),
      driver_id: helene.id, passenger_id: marc.id, trip_date: at.toISOString().slice(0, 10), starts_at: at, seats: 1,
      driver_accepted_at: at, passenger_accepted_at: at, detour_km: 1, detour_min: 2, time_gap_min: 5, shared_community: false,
      shared_km: 10, driver_km: 11, driver_confirmed_at: null, passenger_confirmed_at: null, cancelled_by: null, cancel_reason: null,
      review_status: 'pending', fraud_flags: ['short'],
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const message = await db.insertInto('carpool_messages').values({ territory_id: territory.id, match_id: match.id, sender_id: helene.id, body: 'Je passe te prendre à 7 h 40' }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('moderation_reports').values({ territory_id: territory.id, subject_type: 'carpool_message', subject_id: message.id, community_id: null, reporter_id: marc.id, reason: 'abuse', comment: null, created_at: new Date() }).execute();
  const shop = await db.selectFrom('merchants').select('id').where('territory_id', '=', territory.id).orderBy('id').executeTakeFirstOrThrow();
  // A voucher's worth the shop took and the territory has not paid yet.
  await db.transaction().execute((trx) => postTransaction(trx, { territoryId: territory.id, key: 'journey:owed', kind: 'fund', entries: [{ account: `funding:${territory.id}`, cents: -150 }, { account: `merchant:${shop.id}`, cents: 150 }] }));
  await escalatedAlert(db, territory.id, helene.id);
}

describe('operator journey', { timeout: JOURNEY_TIMEOUT_MS }, () => {
  let journey: Journey;
  beforeAll(async () => {
    journey = await startJourney({ residents: 30, seeds: [ensureDemoVolunteering, ensureDemoShops, fillQueues] });
  }, JOURNEY_TIMEOUT_MS);
  afterAll(() => journey?.close());

  it('goes from the to-do list to each queue’s first item, and an admin’s role change reads in words', async () => {
    const { t, signIn, errors, maille } = journey;
    const operator = await signIn('city operator', '');
    const todo = operator.locator('#main .overview-todo');
    await todo.getByRole('heading', { name: 'À traiter' }).waitFor();
    await expectAccessible(operator, 'home page with the to-do list');

    // Each line: its count, then its queue and the first item waiting there.
    const queues: { kind: string; path: RegExp; reason?: true; first: () => Promise<void> }[] = [
      { kind: 'organisations', path: /\/benevolat\/validation$/, reason: true, first: async () => void (await operator.getByRole('heading', { level: 2, name: 'Organisations à valider' }).waitFor()) },
      { kind: 'missions', path: /\/benevolat\/validation$/, reason: true, first: () => operator.getByRole('heading', { name: 'Fête des récoltes' }).first().waitFor() },
      { kind: 'flagged_carpools', path: /\/verifications$/, first: () => operator.locator('#main h2.card-title').first().waitFor() },
      { kind: 'reports', path: /\/moderation$/, reason: true, first: () => operator.locator('#main [data-testid^="queue-"]:not([data-testid="queue-empty"])').first().waitFor() },
      { kind: 'shops_owed', path: /\/commerces$/, first: () => operator.getByTestId('books-owed').filter({ hasText: /^1,50\s€$/ }).first().waitFor() },
      { kind: 'check_in_alerts', path: /\/bonjour\/permanence$/, reason: true, first: () => operator.locator('#main h3.card-title').first().waitFor() },
    ];
    for (const queue of queues) {
      await operator.goto(t());
      const line = todo.locator(`li[data-todo="${queue.kind}"]`);
      await line.locator('.todo-count').waitFor();
      expect(Number(await text(line.locator('.todo-count'))), queue.kind).toBeGreaterThanOrEqual(1);
      await line.getByRole('link').click();
      await operator.waitForURL(queue.path);
      await operator.getByRole('heading', { level: 1 }).first().waitFor();
      // Queues holding personal data ask for the reason of the read first (audited).
      if (queue.reason) {
        await operator.getByLabel('Motif de la consultation').waitFor();
        await operator.getByRole('button', { name: 'Afficher', exact: true }).click();
      }
      await queue.first();
      await expectAccessible(operator, `queue ${queue.kind}`);
    }

    // The admin: the header's menu leads to the admin screens.
    const admin = await signIn('territory admin', '');
    await openMenu(admin);
    await admin.getByRole('link', { name: 'Administration' }).click();
    await heading(admin, 'Administration');
    await expectAccessible(admin, 'admin hub');
    await admin.getByRole('link', { name: 'Rôles des personnes' }).click();
    await heading(admin, 'Rôles des personnes');
    await admin.getByRole('button', { name: 'Afficher', exact: true }).click();
    // Who holds which role: the demo's operator among the operators.
    await admin.locator('section[aria-labelledby="holders-operator"] strong', { hasText: 'Olivia (opératrice)' }).waitFor();
    await admin.getByLabel('Nom ou adresse e-mail').fill('habitante@demo');
    await admin.getByRole('button', { name: 'Rechercher' }).click();
    const found = admin.locator('section[aria-labelledby="roles-results"]').getByTestId('person');
    await found.locator('strong', { hasText: 'Hélène (habitante)' }).waitFor();
    await expectAccessible(admin, 'roles screen with a search');
    await found.getByRole('button', { name: /^Changer ses rôles — Hélène/ }).click();
    const editor = admin.locator('section', { has: admin.getByRole('heading', { name: 'Rôles de Hélène (habitante)' }) });
    await editor.getByLabel('Médiatrice ou médiateur').check();
    await editor.getByRole('button', { name: 'Enregistrer les rôles' }).click();
    await editor.getByText('Au moins 5 caractères.', { exact: false }).first().waitFor();
    await editor.getByLabel('Motif du changement').fill('Renfort de la permanence du jeudi');
    await editor.getByRole('button', { name: 'Enregistrer les rôles' }).click();
    await editor.getByText('Rôles de Hélène (habitante) enregistrés : Habitant·e, Médiatrice ou médiateur.').waitFor();
    await expectAccessible(admin, 'roles screen after a change');

    // A corridor: a field error names its field, then it is created and listed.
    await admin.goto(t('/admin/axes/nouveau'));
    await heading(admin, 'Nouvel axe routier');
    await admin.getByLabel('Nom de l’axe').fill('Boulevard de la Marne, vers le centre');
    await admin.getByLabel('Profil de demande').selectOption({ label: 'Comme « Avenue du Drapeau, depuis Ahuy et Fontaine-lès-Dijon »' });
    await admin.getByRole('button', { name: 'Créer l’axe' }).click();
    await admin.getByRole('alert').getByRole('link', { name: 'Indiquez un nombre.' }).first().waitFor();
    await expectAccessible(admin, 'corridor form with errors');
    const ends = [['47.330', '5.060'], ['47.322', '5.045']] as const;
    for (const [i, [lat, lng]] of ends.entries()) {
      const group = admin.getByRole('group', { name: i === 0 ? 'Première extrémité' : 'Seconde extrémité' });
      await group.getByLabel('Latitude').fill(lat);
      await group.getByLabel('Longitude').fill(lng);
    }
    await admin.getByLabel('Durée du trajet sans bouchon (minutes)').fill('6');
    await admin.getByRole('button', { name: 'Créer l’axe' }).click();
    await heading(admin, 'Axes routiers');
    await admin.getByTestId('corridor-list').getByRole('heading', { name: 'Boulevard de la Marne, vers le centre' }).waitFor();
    await expectAccessible(admin, 'corridor list');

    // Factor editions: the current version with its edition and source.
    await admin.goto(t('/admin/facteurs'));
    await heading(admin, 'Éditions des facteurs d’impact');
    await admin.getByTestId('factor-versions').getByRole('heading', { name: /^Version 1 — version en vigueur$/ }).waitFor();
    await expectAccessible(admin, 'factor editions');

    // The audit log says what happened in words, with the person linked to the roles screen.
    await admin.goto(t('/journal'));
    await heading(admin, 'Journal d’audit');
    await admin.getByLabel('Type d’action').selectOption({ label: 'A changé les rôles d’une personne' });
    const helene = await maille.database.db.selectFrom('users').select('id').where('email', '=', demoEmail('resident')).executeTakeFirstOrThrow();
    const entry = admin.getByTestId('audit-entry').filter({ hasText: 'Renfort de la permanence du jeudi' });
    await entry.getByText('A changé les rôles d’une personne').waitFor();
    await entry.getByText('Avant : aucun. Après : Médiatrice ou médiateur.').waitFor();
    await entry.getByRole('link', { name: `Personne n° ${helene.id}` }).waitFor();
    expect(await entry.innerText()).not.toMatch(/territory\.roles_changed|Objet : user/);
    await admin.getByLabel('Type d’action').selectOption({ label: 'A créé un axe routier' });
    await admin.getByTestId('audit-entry').getByRole('link', { name: /^Axe routier n° \d+$/ }).first().waitFor();
    await expectAccessible(admin, 'audit log in words');
    expect(errors).toEqual([]);
  });
});
