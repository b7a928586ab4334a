// Journey in Chromium on a 390-px-wide phone: an operator opens the observatory (linked from the menu), sees an open alert (a
// PM10 threshold on an air sensor, its figures in words) and takes it in charge, and the alert then says who took
// it; a commander asks for a sensitive green wave on two traffic lights with a reason, and it waits for approval; a
// second commander signs in, sees it waiting and approves it, and the status reads « Approuvée ». The page passes
// axe-core at each step, and no page error occurs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, TerritoryRole } from '../../src/server/core/database/schema.ts';
import { DEMO_SLUG } from '../../src/server/demo/seed-demo.ts';
import { expectAccessible } from '../support/browser.ts';
import { buildUser, PASSWORD, type UserFixture } from '../support/factories.ts';
import { type Journey, JOURNEY_TIMEOUT_MS } from '../support/journey.ts';
import { startJourney } from '../support/journey.ts';

const people: Record<'operator' | 'asker' | 'approver', UserFixture | undefined> = { operator: undefined, asker: undefined, approver: undefined };

/** Three staff members, an air sensor with an open PM10 alert, and two traffic lights of an emergency route. */
async function seedObservatory(db: Database): Promise<void> {
  const row = await db.selectFrom('territories').select(['id', 'slug', 'name']).where('slug', '=', DEMO_SLUG).executeTakeFirstOrThrow();
  const territory = { id: row.id, slug: row.slug, name: row.name };
  const commune = await db.selectFrom('communes').select('code').where('territory_id', '=', territory.id).orderBy('code').executeTakeFirstOrThrow();
  // The factory's user (with a home territory of its own), then a member of the demo territory with these roles.
  const staff = async (roles: TerritoryRole[], displayName: string) => {
    const user = await buildUser(db, { roles: ['resident'], displayName });
    await db.insertInto('territory_members').values({ territory_id: territory.id, user_id: user.id, roles, commune_code: commune.code }).execute();
    return user;
  };
  people.operator = await staff(['resident', 'operator'], 'Odile (opératrice)');
  people.asker = await staff(['resident', 'operator', 'commander'], 'Camille (commandante)');
  people.approver = await staff(['resident', 'operator', 'commander'], 'Claude (commandant)');
  const thing = (type: string, local: string, name: string, lat: number, lon: number) => ({
    territory_id: territory.id, entity_id: `urn:ngsi-ld:${type}:${territory.slug}:${local}`, type, name, owner_service: 'Voirie', lat, lon, commune_code: commune.code, attributes: '{}',
  });
  const things = await db
    .insertInto('observatory_things')
    .values([
      thing('AirQualityObserved', 'air-1', 'Capteur d’air place Darcy', 47.3225, 5.0295),
      thing('TrafficLight', 'feu-1', 'Feu boulevard de Strasbourg', 47.318, 5.05),
      thing('TrafficLight', 'feu-2', 'Feu avenue du Drapeau', 47.335, 5.04),
    ])
    .returning(['id', 'type'])
    .execute();
  const air = things.find((t) => t.type === 'AirQualityObserved')!;
  const rule = await db
    .insertInto('observatory_alert_rules')
    .values({ territory_id: territory.id, name: 'PM10 au-dessus de 50 µg/m³', thing_type: 'AirQualityObserved', thing_id: null, rule: JSON.stringify({ kind: 'threshold', attribute: 'pm10', op: '>', value: 50, forMinutes: 60 }), severity: 'warning', created_by: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const since = new Date(Date.now() - 90 * 60_000);
  await db.insertInto('observatory_alerts').values({ territory_id: territory.id, rule_id: rule.id, thing_id: air.id, status: 'open', since, opened_at: since, observed: 68.4, expected: 50, acknowledged_by: null, acknowledged_at: null, resolved_by: null, resolved_at: null, note: null }).execute();
}

describe('observatory journey', { timeout: JOURNEY_TIMEOUT_MS }, () => {
  let journey: Journey;
  beforeAll(async () => {
    journey = await startJourney({ residents: 10, seeds: [seedObservatory] });
  }, JOURNEY_TIMEOUT_MS);
  afterAll(() => journey?.close());

  it('an operator takes an alert in charge, a commander asks for a green wave and a second commander approves it', async () => {
    const { signInWith, errors } = journey;

    // The operator: the open alert, its figures in words, then taken in charge.
    const operator = await signInWith('operator', people.operator!.email, PASSWORD, '/observatoire');
    await operator.getByRole('heading', { level: 1, name: 'Observatoire du territoire' }).waitFor();
    // The header's menu holds the page's link for staff (the menu itself is another journey's concern).
    await operator.locator('#site-menu a[aria-current="page"]', { hasText: 'Observatoire' }).waitFor({ state: 'attached' });
    const alert = operator.getByTestId('obs-alert').filter({ hasText: 'PM10 au-dessus de 50 µg/m³' });
    await alert.getByText('Équipement : Capteur d’air place Darcy').waitFor();
    await alert.getByText('Mesuré 68,4, seuil 50').waitFor();
    await alert.getByTestId('obs-alert-status').getByText('Ouverte', { exact: true }).waitFor();
    await operator.getByTestId('obs-map-summary').getByText(/\d+ équipements dont \d+ en bon état/).waitFor();
    await expectAccessible(operator, 'observatory with an open alert');
    await alert.getByRole('button', { name: 'Prendre en charge : PM10 au-dessus de 50 µg/m³' }).click();
    await alert.getByTestId('obs-alert-status').getByText('Prise en charge par Odile (opératrice)', { exact: true }).waitFor();
    await expect(alert.getByRole('button', { name: /^Prendre en charge/ }).count()).resolves.toBe(0);
    // An operator reads the commands but cannot send one.
    await operator.getByText('Seuls les commandants peuvent envoyer ou approuver une commande', { exact: false }).waitFor();

    // The first commander asks for a sensitive green wave on the route's two lights, with a reason.
    const asker = await signInWith('asker', people.asker!.email, PASSWORD, '/observatoire');
    await asker.getByRole('heading', { level: 1, name: 'Observatoire du territoire' }).waitFor();
    const form = asker.locator('form', { has: asker.getByRole('heading', { name: 'Envoyer une commande' }) });
    await form.getByText('sensible : un second commandant doit l’approuver').waitFor();
    // A command without things or reason names what is missing.
    await form.getByRole('button', { name: 'Envoyer la commande' }).click();
    await form.getByText('Choisissez au moins un équipement.').first().waitFor();
    await form.getByLabel('Feu boulevard de Strasbourg').check();
    await form.getByLabel('Feu avenue du Drapeau').check();
    await form.getByLabel('Durée (minutes, de 1 à 30)').fill('8');
    await form.getByLabel('Motif').fill('Ambulance vers le CHU par le boulevard');
    await form.getByRole('button', { name: 'Envoyer la commande' }).click();
    await form.getByText('Commande enregistrée : elle attend l’approbation d’un second commandant.').waitFor();
    const asked = asker.getByTestId('obs-command').filter({ hasText: 'Ambulance vers le CHU par le boulevard' });
    await asked.getByTestId('obs-command-status').getByText('En attente d’approbation', { exact: true }).waitFor();
    await asked.getByText('Votre demande : un autre commandant doit l’approuver.').waitFor();
    await expect(asked.getByRole('button', { name: /^Approuver/ }).count()).resolves.toBe(0);
    await expectAccessible(asker, 'observatory with a command awaiting approval');

    // The second commander sees it waiting and approves it.
    const approver = await signInWith('approver', people.approver!.email, PASSWORD, '/observatoire');
    const waiting = approver.getByTestId('obs-command').filter({ hasText: 'Ambulance vers le CHU par le boulevard' });
    await waiting.getByTestId('obs-command-status').getByText('En attente d’approbation', { exact: true }).waitFor();
    await waiting.getByText('Demandée par Camille (commandante)', { exact: false }).waitFor();
    await waiting.getByText('Feu boulevard de Strasbourg : en attente').waitFor();
    await waiting.getByRole('button', { name: 'Approuver : Onde verte pour un véhicule d’urgence' }).click();
    await waiting.getByTestId('obs-command-status').getByText('Approuvée', { exact: true }).waitFor();
    await waiting.getByText('Décision de Claude (commandant)', { exact: false }).waitFor();
    await expectAccessible(approver, 'observatory after an approval');

    // The requester's page reads it again: approved.
    await asker.reload();
    await asker.getByTestId('obs-command').filter({ hasText: 'Ambulance vers le CHU par le boulevard' }).getByTestId('obs-command-status').getByText('Approuvée', { exact: true }).waitFor();
    expect(errors).toEqual([]);
  });
});
