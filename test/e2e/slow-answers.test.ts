// Slow answers in Chromium: on an old phone on a slow network a form's answer takes seconds, and people click again
// or press Enter again. The API's POST is held (route interception) until the page shows it is busy; meanwhile the
// resident double-clicks and presses Enter twice. One request leaves, one confirmation shows, and no page error occurs.
import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SLUG } from '../../src/server/demo/seed-demo.ts';
import { ensureDemoMutualAid } from '../../src/server/demo/seed-mutual-aid.ts';
import { eventually, heading, type Journey, JOURNEY_TIMEOUT_MS, PHONE, startJourney } from '../support/journey.ts';

/** Holds every POST to `pattern` until `release()`; counts them and their idempotency keys. */
async function holdPosts(page: Page, pattern: RegExp) {
  const held: Route[] = [];
  const keys: (string | undefined)[] = [];
  let released = false;
  await page.route(pattern, async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    const body: unknown = route.request().postDataJSON();
    keys.push(typeof body === 'object' && body !== null && 'idempotencyKey' in body ? String(body.idempotencyKey) : undefined);
    if (released) return route.continue();
    held.push(route);
  });
  return {
    keys,
    count: () => keys.length,
    release: async () => {
      released = true;
      for (const route of held.splice(0)) await route.continue();
    },
  };
}

describe('forms while their answer is slow', { timeout: JOURNEY_TIMEOUT_MS }, () => {
  let journey: Journey;
  beforeAll(async () => {
    journey = await startJourney({ seeds: [ensureDemoMutualAid], context: { ...PHONE, timezoneId: 'Europe/Paris' } });
  }, JOURNEY_TIMEOUT_MS);
  afterAll(() => journey?.close());

  it('sends a report once when it is double-clicked and Enter is pressed twice', async () => {
    const { maille, signUp, errors } = journey;
    const db = maille.database.db;
    const territory = await db.selectFrom('territories').select('id').where('slug', '=', DEMO_SLUG).executeTakeFirstOrThrow();
    const community = await db.selectFrom('communities').select('id').where('territory_id', '=', territory.id).where('name', '=', 'Voisins — Démo').executeTakeFirstOrThrow();
    const page = await signUp('Lucie', 'lucie@example.org', `/communautes/${community.id}`);
    await heading(page, 'Voisins — Démo');
    const posts = await holdPosts(page, /\/api\/territories\/[^/]+\/reports$/);

    await page.getByRole('button', { name: 'Signaler : Voisins — Démo' }).click();
    await page.getByLabel('Publicité ou spam').check();
    const send = page.getByRole('button', { name: 'Envoyer le signalement' });
    await send.dblclick();
    // The button keeps the focus while its label says it is sending: Enter presses it again.
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    // Visible state: the button says it is sending, and the held request is the only one.
    await page.locator('#main').getByRole('button', { name: 'Envoi en cours…' }).waitFor();
    await eventually(posts.count).toBe(1);
    await posts.release();

    await page.locator('#main').getByText('Merci, votre signalement est enregistré.').waitFor();
    expect(await page.locator('#main').getByText('Merci, votre signalement est enregistré.').count()).toBe(1);
    expect(posts.count()).toBe(1);
    const reports = await db.selectFrom('moderation_reports').select('id').where('subject_id', '=', community.id).execute();
    expect(reports).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  it('asks for help once, with one idempotency key, however often the resident presses', async () => {
    const { maille, signUp, errors } = journey;
    const page = await signUp('Jeanne', 'jeanne@example.org', '/entraide/demander');
    await heading(page, 'Demander de l’aide');
    const posts = await holdPosts(page, /\/api\/territories\/[^/]+\/mutual-aid\/requests$/);
    await page.getByLabel('Courses').check();
    await page.getByLabel('Cette semaine').check();
    await page.getByLabel('En quelques mots').fill('Du pain et du lait.');
    const commune = page.getByLabel('Commune', { exact: true });
    await eventually(() => commune.locator('option', { hasText: 'Dijon' }).count()).toBeGreaterThan(0);
    await commune.selectOption({ label: 'Dijon' });
    await page.getByLabel('Adresse exacte').fill('5 rue de la Chouette');
    const send = page.getByRole('button', { name: 'Envoyer ma demande' });
    await send.dblclick();
    // The button keeps the focus while its label says it is sending: Enter presses it again.
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.locator('#main').getByRole('button', { name: 'Envoi en cours…' }).waitFor();
    await eventually(posts.count).toBe(1);
    await posts.release();

    await page.locator('#main').getByText(/^Demande envoyée/).waitFor();
    expect(await page.locator('#main').getByText(/^Demande envoyée/).count()).toBe(1);
    expect(posts.count()).toBe(1);
    expect(posts.keys[0]).toMatch(/^[\w-]{8,}$/);
    const user = await maille.database.db.selectFrom('users').select('id').where('email', '=', 'jeanne@example.org').executeTakeFirstOrThrow();
    const requests = await maille.database.db.selectFrom('aid_requests').select('id').where('requester_id', '=', user.id).execute();
    expect(requests).toHaveLength(1);
    expect(errors).toEqual([]);
  });
});
