// Journey in Chromium: sign up → create a private community → copy its invite link → a second person
// joins through it → both see 2 members; every page visited passes axe-core (no serious/critical issue).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SLUG } from '../../src/server/demo/seed-demo.ts';
import { expectAccessible } from '../support/browser.ts';
import { eventually, type Journey, JOURNEY_TIMEOUT_MS, PASSWORD, startJourney } from '../support/journey.ts';

// A journey in a browser takes 15–25 s alone; on two busy cores it may take several times that.
describe('community invitation journey', { timeout: JOURNEY_TIMEOUT_MS }, () => {
  let journey: Journey;
  beforeAll(async () => {
    journey = await startJourney({ jobs: true, context: { locale: 'fr-FR' } });
  }, JOURNEY_TIMEOUT_MS);
  afterAll(() => journey?.close());

  /** Fills the sign-up form the page is on, checks it, and creates the account. */
  async function fillSignUp(page: Page, name: string, email: string): Promise<void> {
    await page.getByLabel('Nom affiché').fill(name);
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
    await expectAccessible(page, 'sign-up');
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
  }

  it('lets a second person join a private community through its invite link', async () => {
    const { origin, newPage, errors } = journey;
    const alice = await newPage('Alice');

    await alice.goto(`${origin}/`);
    await eventually(() => alice.url()).toContain(`/t/${DEMO_SLUG}`);
    await alice.getByRole('heading', { level: 1, name: /Dijon Métropole/ }).waitFor();
    await expectAccessible(alice, 'territory home');

    await alice.goto(`${origin}/t/${DEMO_SLUG}/inscription`);
    await fillSignUp(alice, 'Alice', 'alice@example.org');
    await alice.waitForURL(/\/mes-communautes/);
    await expectAccessible(alice, 'my communities');

    await alice.getByRole('link', { name: 'Créer une communauté' }).first().click();
    await alice.getByLabel('Nom', { exact: true }).fill('Parents de l’école des Tilleuls');
    await alice.getByLabel('Visibilité').selectOption('private');
    await alice.getByLabel('Qui peut rejoindre ?').selectOption('invite');
    await expectAccessible(alice, 'create community');
    await alice.getByRole('button', { name: 'Créer la communauté' }).click();

    const inviteInput = alice.getByLabel('Lien d’invitation').or(alice.getByLabel("Lien d'invitation"));
    await inviteInput.waitFor();
    const link = await inviteInput.inputValue();
    expect(link).toMatch(new RegExp(`^${origin}/t/${DEMO_SLUG}/invitation/[A-Z0-9]+$`));
    await eventually(() => alice.locator('.member-count').first().getAttribute('data-count')).toBe('1');
    await expectAccessible(alice, 'community page (organiser)');

    // Bob, in another browser profile, follows the link, creates his account and joins.
    const bob = await newPage('Bob');
    await bob.goto(link);
    await bob.getByRole('heading', { level: 1, name: /Parents de l’école des Tilleuls/ }).waitFor();
    await expectAccessible(bob, 'invitation (signed out)');
    await bob.getByRole('link', { name: 'Créer un compte' }).click();
    await fillSignUp(bob, 'Bob', 'bob@example.org');
    await bob.waitForURL(/\/invitation\//);
    await bob.getByRole('button', { name: 'Rejoindre la communauté' }).click();
    await bob.waitForURL(/\/communautes\/\d+/);
    await eventually(() => bob.locator('.member-count').first().getAttribute('data-count')).toBe('2');
    await eventually(() => bob.getByRole('status', { name: '2 membres' }).count()).toBeGreaterThan(0);
    await expectAccessible(bob, 'community page (member)');

    await alice.reload();
    await eventually(() => alice.locator('.member-count').first().getAttribute('data-count')).toBe('2');
    await alice.getByRole('listitem').filter({ hasText: 'Bob' }).first().waitFor();

    // The community stays invisible to the directory of someone outside it.
    const stranger = await newPage('stranger', {});
    await stranger.goto(`${origin}/t/${DEMO_SLUG}/communautes?q=Tilleuls`);
    await stranger.getByRole('heading', { level: 1 }).waitFor();
    await eventually(() => stranger.getByText('Parents de l’école des Tilleuls').count()).toBe(0);
    await expectAccessible(stranger, 'directory');

    expect(errors).toEqual([]);
  });
});
