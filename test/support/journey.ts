// The stage every Chromium journey in test/e2e shares: Maille on a fresh PGlite test database with the demo territory
// (and any further demo seeds), serving the current web build on a free loopback port, one Chromium, and helpers to
// open a page per person (page errors recorded), sign up, sign a demo account in, and find things on a page.
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { createMaille, type Maille } from '../../src/server/app.ts';
import { systemClock, type Clock } from '../../src/server/core/clock.ts';
import { loadConfig, type Config } from '../../src/server/core/config.ts';
import type { Database } from '../../src/server/core/database/schema.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_SLUG, seedDemoIfEmpty } from '../../src/server/demo/seed-demo.ts';
import { ensureFreshWebBuild, launchChromium } from './browser.ts';
import { openTestDatabase } from './database.ts';

/** A demo seed run after the demo territory, e.g. ensureDemoCorridors or ensureDemoMutualAid. */
export type JourneySeed = (db: Database, now: Date) => Promise<unknown>;

export interface JourneyOptions {
  /** Further demo seeds, run in order once the demo territory exists. */
  seeds?: readonly JourneySeed[];
  /** Generated residents of the demo territory besides its named accounts (60 unless told). */
  residents?: number;
  /** The server's clock; a fixedClock lets the journey move time. The system clock when absent. */
  clock?: Clock;
  /** Run the server's periodic jobs (sweeps, digests); off unless true, so the journey decides when time passes. */
  jobs?: boolean;
  /** The browser context of every page newPage opens: French, a 390-px-wide phone, unless told. */
  context?: BrowserContextOptions;
  /** Fixtures set up through the server (e.g. with a Client) after the seeds, before it listens. */
  prepare?: (maille: Maille) => Promise<void>;
}

export interface Journey {
  maille: Maille;
  config: Config;
  clock: Clock;
  browser: Browser;
  /** http://127.0.0.1:<port> */
  origin: string;
  /** The demo territory's web path: t('/entraide') → `${origin}/t/<demo>/entraide`. */
  t: (path?: string) => string;
  /** Page errors of every page opened with newPage, each prefixed with the page's name; expect it to stay empty. */
  errors: string[];
  /** A page in a fresh browser context (the journey's context options, or those given), its page errors recorded. */
  newPage: (name: string, context?: BrowserContextOptions) => Promise<Page>;
  /** Creates an account on the sign-up page and lands on `back` (a path inside the demo territory). */
  signUp: (name: string, email: string, back: string) => Promise<Page>;
  /** Signs a demo account in by its role (the start of its note: 'resident', 'organiser', 'city operator'…). */
  signIn: (role: string, back: string) => Promise<Page>;
  /** Signs any account in with its e-mail and password, on a page named `name`. */
  signInWith: (name: string, email: string, password: string, back: string) => Promise<Page>;
  /** Closes Chromium, then the server and its database. */
  close: () => Promise<void>;
}

/**
 * How long a journey waits for a visible state (an element, a URL, a polled value) before it fails. A journey takes
 * 15–25 s alone; on two cores loaded by other work every step may take ten times longer, and a journey only waits
 * for what the page shows, never for a fixed time.
 */
export const VISIBLE_STATE_TIMEOUT_MS = 120_000;
/** A whole journey's limit (vitest's `timeout`), for two loaded cores. */
export const JOURNEY_TIMEOUT_MS = 900_000;

/** expect.poll with the journeys' patience (vitest's own default gives up after one second). */
export const eventually = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: VISIBLE_STATE_TIMEOUT_MS, interval: 100 });

export const PHONE: BrowserContextOptions = { locale: 'fr-FR', viewport: { width: 390, height: 844 } };
export const PASSWORD = 'un mot de passe solide';

/** The e-mail of the demo account whose note starts with `role`. */
export function demoEmail(role: string): string {
  const account = DEMO_ACCOUNTS.find((a) => a.note.startsWith(role));
  if (!account) throw new Error(`No demo account for ${role}`);
  return account.email;
}

export async function startJourney(options: JourneyOptions = {}): Promise<Journey> {
  const { webDir, remove: removeWebDir } = await ensureFreshWebBuild();
  const config = loadConfig({ LOG_LEVEL: 'silent', MAILLE_WEB_DIR: webDir, RATE_LIMIT_PER_MINUTE: '100000' });
  const clock = options.clock ?? systemClock;
  const maille = await createMaille(config, {
    database: await openTestDatabase('pglite'),
    serveWeb: true,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.jobs ? {} : { jobs: false }),
  });
  let browser: Browser | undefined;
  try {
    await seedDemoIfEmpty(maille.database.db, options.residents ?? 60);
    for (const seed of options.seeds ?? []) await seed(maille.database.db, clock.now());
    await options.prepare?.(maille);
    await maille.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchChromium();
  } catch (error) {
    await maille.close();
    await removeWebDir();
    throw error;
  }
  const chromium = browser;
  const origin = `http://127.0.0.1:${(maille.app.server.address() as AddressInfo).port}`;
  const t = (path = '') => `${origin}/t/${DEMO_SLUG}${path}`;
  const back = (path: string) => `?retour=${encodeURIComponent(`/t/${DEMO_SLUG}${path}`)}`;
  const landedOn = (path: string) => new RegExp(`${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  const errors: string[] = [];

  async function newPage(name: string, context: BrowserContextOptions = options.context ?? PHONE): Promise<Page> {
    const browserContext = await chromium.newContext(context);
    browserContext.setDefaultTimeout(VISIBLE_STATE_TIMEOUT_MS);
    browserContext.setDefaultNavigationTimeout(VISIBLE_STATE_TIMEOUT_MS);
    const page = await browserContext.newPage();
    page.on('pageerror', (e) => errors.push(`${name}: ${e.message}`));
    return page;
  }
  async function signUp(name: string, email: string, path: string): Promise<Page> {
    const page = await newPage(name);
    await page.goto(`${t('/inscription')}${back(path)}`);
    await page.getByLabel('Nom affiché').fill(name);
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await page.waitForURL(landedOn(path));
    return page;
  }
  async function signInWith(name: string, email: string, password: string, path: string): Promise<Page> {
    const page = await newPage(name);
    await page.goto(`${t('/connexion')}${back(path)}`);
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel('Mot de passe', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(landedOn(path));
    return page;
  }
  const signIn = (role: string, path: string) => signInWith(role, demoEmail(role), DEMO_PASSWORD, path);

  return {
    maille,
    config,
    clock,
    browser: chromium,
    origin,
    t,
    errors,
    newPage,
    signUp,
    signIn,
    signInWith,
    close: async () => {
      await chromium.close();
      await maille.close();
      await removeWebDir();
    },
  };
}

/**
 * Opens the header's menu on a phone (below 768 px the navigation sits behind « Menu »); from 768 px the navigation is
 * always shown and this does nothing.
 */
export async function openMenu(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: 'Menu', exact: true });
  // The header is drawn with its Menu button (phones) in one render: wait for it, or a busy machine reads "no button" too early.
  await page.locator('header').first().waitFor();
  if ((await button.isVisible()) && (await button.getAttribute('aria-expanded')) !== 'true') await button.click();
}

/** Waits for the page's level-1 heading of that name. */
export const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor();

/** A locator's text with every whitespace (French amounts carry narrow no-break spaces, « 6,00 € ») as a plain space. */
export const text = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s/g, ' ');

/** Selects the option whose label contains `label` (option labels carry more, e.g. the corridor's full name). */
export async function chooseOption(select: Locator, label: string): Promise<void> {
  const value = await select.locator('option', { hasText: label }).getAttribute('value');
  if (value === null) throw new Error(`No option ${label}`);
  await select.selectOption(value);
}
