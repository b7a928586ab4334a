// Journey in Chromium: sign up → create a private community → copy its invite link → a second person
// joins through it → both see 2 members; every page visited passes axe-core (no serious/critical issue).
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMaille, type Maille } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/core/config.ts';
import { DEMO_SLUG, seedDemoIfEmpty } from '../../src/server/demo/seed-demo.ts';
import { ensureFreshWebBuild, expectAccessible, launchChromium } from '../support/browser.ts';
import { openTestDatabase } from '../support/database.ts';

// A journey in a browser takes 15–25 s alone; on two busy cores it may take several times that.
describe('community invitation journey', { timeout: 180_000 }, () => {
  let maille: Maille;
  let browser: Browser;
  let origin: string;

  beforeAll(async () => {
    const webDir = await ensureFreshWebBuild();
    const config = loadConfig({ LOG_LEVEL: 'silent', MAILLE_WEB_DIR: webDir, RATE_LIMIT_PER_MINUTE: '100000' });
    maille = await createMaille(config, { database: await openTestDatabase('pglite'), serveWeb: true });
    await seedDemoIfEmpty(maille.database.db, 60);
    await maille.app.listen({ port: 0, host: '127.0.0.1' });
    origin = `http://127.0.0.1:${(maille.app.server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await maille?.close();
  });

  async function signUp(page: Page, name: string, email: string): Promise<void> {
    await page.getByLabel('Nom affiché').fill(name);
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel('Mot de passe', { exact: true }).fill('un mot de passe solide');
    await expectAccessible(page, 'sign-up');
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
  }

  it('lets a second person join a private community through its invite link', async () => {
    const alice = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
    const errors: string[] = [];
    alice.on('pageerror', (e) => errors.push(e.message));

    await alice.goto(`${origin}/`);
    await expect.poll(() => alice.url()).toContain(`/t/${DEMO_SLUG}`);
    await alice.getByRole('heading', { level: 1, name: /Dijon Métropole/ }).waitFor();
    await expectAccessible(alice, 'territory home');

    await alice.goto(`${origin}/t/${DEMO_SLUG}/inscription`);
    await signUp(alice, 'Alice', 'alice@example.org');
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
    await expect.poll(() => alice.locator('.member-count').first().getAttribute('data-count')).toBe('1');
    await expectAccessible(alice, 'community page (organiser)');

    // Bob, in another browser profile, follows the link, creates his account and joins.
    const bob = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
    bob.on('pageerror', (e) => errors.push(e.message));
    await bob.goto(link);
    await bob.getByRole('heading', { level: 1, name: /Parents de l’école des Tilleuls/ }).waitFor();
    await expectAccessible(bob, 'invitation (signed out)');
    await bob.getByRole('link', { name: 'Créer un compte' }).click();
    await signUp(bob, 'Bob', 'bob@example.org');
    await bob.waitForURL(/\/invitation\//);
    await bob.getByRole('button', { name: 'Rejoindre la communauté' }).click();
    await bob.waitForURL(/\/communautes\/\d+/);
    await expect.poll(() => bob.locator('.member-count').first().getAttribute('data-count')).toBe('2');
    await expect.poll(() => bob.getByRole('status', { name: '2 membres' }).count()).toBeGreaterThan(0);
    await expectAccessible(bob, 'community page (member)');

    await alice.reload();
    await expect.poll(() => alice.locator('.member-count').first().getAttribute('data-count')).toBe('2');
    await alice.getByRole('listitem').filter({ hasText: 'Bob' }).first().waitFor();

    // The community stays invisible to the directory of someone outside it.
    const stranger = await (await browser.newContext()).newPage();
    await stranger.goto(`${origin}/t/${DEMO_SLUG}/communautes?q=Tilleuls`);
    await stranger.getByRole('heading', { level: 1 }).waitFor();
    await expect.poll(() => stranger.getByText('Parents de l’école des Tilleuls').count()).toBe(0);
    await expectAccessible(stranger, 'directory');

    expect(errors).toEqual([]);
  });
});
