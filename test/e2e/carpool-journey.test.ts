// Journey in Chromium on a 390-px-wide phone, from the residents' side: a visitor sees the territory's week before
// any click; Dora and Paul sign up and confirm their addresses from the mail; Dora offers a ride from Talant to
// Quetigny; Paul asks for one, picking his start on the map (a meeting point's marker), sees Dora's match with its
// map and its sentence, and proposes next Monday. Each step tells the other person — in their notifications and by
// mail — and they act from the notice's link: Dora accepts, Paul is told; the server clock jumps to Monday noon, Dora
// confirms, Paul is told and confirms, and Dora's ride page shows it confirmed by both without a reload. Every page
// passes axe-core and no page error occurs. MAILLE_SCREENSHOTS=<folder> also saves the match as match-390.png there,
// and the map picker with its choice as match-390-pick.png.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/server/core/clock.ts';
import { seedDemoMobility } from '../../src/server/demo/seed-mobility.ts';
import { expectAccessible } from '../support/browser.ts';
import { eventually, heading, type Journey, JOURNEY_TIMEOUT_MS, startJourney } from '../support/journey.ts';

/** The first Monday strictly after the territory's today (Europe/Paris). */
function nextMonday(now: Date): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(now);
  const day = new Date(`${today}T12:00:00Z`);
  do day.setUTCDate(day.getUTCDate() + 1);
  while (day.getUTCDay() !== 1);
  return day.toISOString().slice(0, 10);
}

const MEETING_POINT = 'Arrêt de bus Talant Belvédère (démo)';

describe('carpool journey', { timeout: JOURNEY_TIMEOUT_MS }, () => {
  const clock = fixedClock(new Date());
  const monday = nextMonday(clock.now());
  // « lundi 14 décembre », as notices and mails name the ride.
  const mondayWords = new Intl.DateTimeFormat('fr-FR', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${monday}T12:00:00Z`));
  let journey: Journey;
  beforeAll(async () => {
    // The demo's weeks of gestures, so the home page has a week to show.
    journey = await startJourney({ clock, residents: 30, seeds: [seedDemoMobility] });
  }, JOURNEY_TIMEOUT_MS);
  afterAll(() => journey?.close());

  /** The latest mail of that purpose to `to`. */
  const mailTo = (to: string, purpose: 'verification' | 'notice') =>
    journey.maille.database.db.selectFrom('mail_outbox').select(['subject', 'body_text']).where('to_address', '=', to).where('purpose', '=', purpose).orderBy('id', 'desc').executeTakeFirst();

  /** Signs up on the phone and confirms the address with the link mailed to it, so notices are mailed too. */
  async function resident(name: string, email: string): Promise<Page> {
    const page = await journey.signUp(name, email, '/covoiturage');
    await eventually(async () => Boolean(await mailTo(email, 'verification'))).toBe(true);
    const mail = await mailTo(email, 'verification');
    const link = new URL(/https?:\/\/\S+\/verifier\?token=[\w-]+/.exec(mail!.body_text)![0]);
    await page.goto(`${journey.origin}${link.pathname}${link.search}`);
    await page.getByRole('main').getByText(`Adresse confirmée : ${email}`, { exact: false }).waitFor();
    await page.goto(journey.t('/covoiturage'));
    await heading(page, 'Covoiturage');
    return page;
  }

  /** Opens my notifications, waits for the one saying `text`, and follows its link to the ride. */
  async function openNotice(page: Page, text: string | RegExp): Promise<void> {
    await page.goto(`${journey.origin}/notifications`);
    await heading(page, 'Notifications');
    const notice = page.locator('main li').filter({ hasText: text });
    await notice.first().waitFor();
    await notice.first().getByRole('link', { name: `Voir le covoiturage du ${mondayWords}` }).click();
    await heading(page, new RegExp(`${mondayWords}.* · avec `, 'i'));
  }

  it('goes from the week’s figures to a ride both people confirmed, each step told to the other', async () => {
    const { t, newPage, errors } = journey;

    // A visitor sees what everybody's gestures are worth this week before any click.
    const visitor = await newPage('visitor');
    await visitor.goto(t());
    const week = visitor.locator('#main .overview-week');
    await week.waitFor();
    await eventually(async () => (await visitor.locator('#main [data-figure="co2e"] .figure-value').textContent()) ?? '').toMatch(/\d/);
    // On a phone the header leaves the page to the content: under 15 % of an 844-px screen.
    const header = await visitor.locator('.site-header').boundingBox();
    expect(header!.height).toBeLessThan(0.15 * 844);

    // Dora offers a ride every weekday from Talant to Quetigny.
    const dora = await resident('Dora', 'dora@example.org');
    await dora.getByRole('group', { name: 'Départ' }).getByLabel('Commune', { exact: true }).selectOption({ label: 'Talant' });
    await dora.getByRole('group', { name: 'Arrivée' }).getByLabel('Commune', { exact: true }).selectOption({ label: 'Quetigny' });
    await dora.getByRole('button', { name: 'Publier mon offre' }).click();
    await dora.getByRole('heading', { name: /^Je conduis/ }).first().waitFor();

    // Paul asks for a seat: his start is a meeting point he taps on the map, his destination Quetigny.
    const paul = await resident('Paul', 'paul@example.org');
    await paul.getByLabel('cherchez une place').check();
    await paul.getByRole('button', { name: 'Choisir le départ sur la carte' }).click();
    const pickMap = paul.locator('.carpool-pick-map').first();
    await eventually(() => pickMap.getAttribute('data-map-state')).toBe('ready');
    await expectAccessible(paul, 'carpool form with its map');
    await pickMap.getByRole('button', { name: `Choisir le point de rencontre ${MEETING_POINT}` }).click();
    await paul.locator('main').getByText(`Choisi sur la carte : ${MEETING_POINT}`).waitFor();
    const folder = process.env.MAILLE_SCREENSHOTS;
    if (folder) await paul.locator('.carpool-pick').first().screenshot({ path: path.join(folder, 'match-390-pick.png') });
    const start = paul.getByRole('group', { name: 'Départ' });
    await eventually(() => start.getByLabel('Un point de rencontre public').isChecked()).toBe(true);
    await eventually(() => start.getByLabel('Nom du point de rencontre').inputValue()).toBe(MEETING_POINT);
    await paul.getByRole('group', { name: 'Arrivée' }).getByLabel('Commune', { exact: true }).selectOption({ label: 'Quetigny' });
    await paul.getByLabel('Entre', { exact: true }).fill('07:40');
    await paul.getByLabel('et', { exact: true }).fill('08:10');
    await paul.getByRole('button', { name: 'Publier ma demande' }).click();

    // He sees Dora's match without a click: its sentence, and its map drawn once it is on screen.
    const match = paul.locator('.match').filter({ hasText: 'Dora, conducteur·rice' });
    await match.waitFor();
    const caption = match.locator('figcaption');
    await eventually(async () => (await caption.textContent()) ?? '').toMatch(
      new RegExp(`^Trajet du conducteur : près de Talant → près de Quetigny ; trajet du passager : ${MEETING_POINT.replace(/[()]/g, '\\$&')} → près de Quetigny ; point de rencontre : ${MEETING_POINT.replace(/[()]/g, '\\$&')}, à votre départ\\.$`),
    );
    // Only areas: no H3 cell id and no address on the card.
    expect(await match.textContent()).not.toMatch(/\b8[0-9a-f]{14}\b/);
    await match.locator('figure').scrollIntoViewIfNeeded();
    await eventually(() => match.locator('figure').getAttribute('data-map-state')).toBe('ready');
    await expectAccessible(paul, 'carpool match with its map');
    if (folder) await match.screenshot({ path: path.join(folder, 'match-390.png') });
    // Signed in, with its notifications link, the header still leaves the phone's screen to the page.
    expect((await paul.locator('.site-header').boundingBox())!.height).toBeLessThan(0.15 * 844);
    await match.getByLabel('Jour du trajet').fill(monday);
    await match.getByRole('button', { name: 'Proposer ce trajet' }).click();
    await paul.locator('main').getByText(/^Trajet proposé à Dora pour le lundi/).waitFor();

    // Dora is told, in Maille and by mail, and accepts from the notice's link.
    await eventually(async () => (await mailTo('dora@example.org', 'notice'))?.subject ?? '').toBe(`Covoiturage du ${mondayWords} : Paul vous propose un trajet`);
    await openNotice(dora, `Paul vous propose un covoiturage le ${mondayWords}`);
    await dora.getByText('Proposé : en attente de votre réponse').waitFor();
    await expectAccessible(dora, 'ride page to accept');
    await dora.getByRole('button', { name: 'Accepter' }).click();
    await dora.getByText('Accepté', { exact: true }).waitFor();

    // Paul is told she accepted.
    await eventually(async () => (await mailTo('paul@example.org', 'notice'))?.subject ?? '').toMatch(/^Covoiturage du .*Dora/);
    await openNotice(paul, `Dora a accepté le covoiturage du ${mondayWords}`);
    await paul.getByText('Accepté', { exact: true }).waitFor();

    // A browser cannot wait for Monday: the server clock jumps to Monday noon, after the ride, and Dora confirms it.
    clock.set(new Date(`${monday}T11:00:00Z`));
    await dora.reload();
    await dora.getByRole('button', { name: 'Le trajet a eu lieu' }).click();
    await dora.getByText('Preuve de covoiturage : classe B (une confirmation)').first().waitFor();

    // Paul is told to confirm too, and does; Dora's page, left open, shows both confirmations by itself.
    await openNotice(paul, `Dora a confirmé que le covoiturage du ${mondayWords} a eu lieu`);
    await paul.getByRole('button', { name: 'Le trajet a eu lieu' }).click();
    await paul.getByText('Preuve de covoiturage : classe C (confirmé par les deux)').first().waitFor();
    await dora.getByText('Preuve de covoiturage : classe C (confirmé par les deux)').first().waitFor();
    await openNotice(dora, `Paul a confirmé à son tour que le covoiturage du ${mondayWords} a eu lieu`);
    await dora.getByText('Preuve de covoiturage : classe C (confirmé par les deux)').first().waitFor();
    await expectAccessible(dora, 'ride confirmed by both');

    expect(errors).toEqual([]);
  });
});
