// Journey in Chromium: the demo organiser launches a corridor commitment needing three signers; three residents
// sign and it succeeds. On the first day of the action period (the server clock jumps there) each of them commits
// to leave earlier on that corridor and records it. The operator builds a campaign that pays shifts, watches the
// live simulation find their shifts (three people: « moins de 5 personnes », no figure), and launches it: the
// campaign pays them and shows its operator the money whole. One resident turns her points into a voucher at the
// demo bakery; the demo merchant checks the code, accepts it, and cannot accept it twice; the operator then settles
// the bakery with the transfer's reference and the merchant is owed nothing. Every page visited passes axe-core and no page error occurs.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/server/core/clock.ts';
import { ensureDemoCorridors } from '../../src/server/demo/seed-corridors.ts';
import { DEMO_SLUG } from '../../src/server/demo/seed-demo.ts';
import { ensureDemoShops } from '../../src/server/demo/seed-incentives.ts';
import { expectAccessible } from '../support/browser.ts';
import { chooseOption, eventually, heading, type Journey, JOURNEY_TIMEOUT_MS, startJourney, text } from '../support/journey.ts';

const DAY = 86_400_000;

/** The first Monday at least two days after the territory's today (Europe/Paris), so Sunday is still ahead. */
function comingMonday(now: Date): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(now);
  const day = new Date(`${today}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 2);
  while (day.getUTCDay() !== 1) day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

describe('incentive journey', { timeout: JOURNEY_TIMEOUT_MS }, () => {
  const clock = fixedClock(new Date());
  const monday = comingMonday(clock.now());
  const day = (offset: number) => new Date(Date.parse(`${monday}T12:00:00Z`) + offset * DAY).toISOString().slice(0, 10);
  let journey: Journey;
  beforeAll(async () => {
    journey = await startJourney({ clock, seeds: [ensureDemoCorridors, ensureDemoShops] });
  }, JOURNEY_TIMEOUT_MS);
  afterAll(() => journey?.close());

  it('goes from a corridor commitment to paid shifts and a voucher accepted at a local shop', async () => {
    const { t, signIn, signUp, errors } = journey;
    // The organiser launches a commitment on the Rocade est that binds once three drivers sign.
    const omar = await signIn('organiser', '/engagements/nouveau');
    await heading(omar, 'Lancer un engagement');
    const wording = 'Je pars 15 minutes plus tôt sur la rocade est si deux autres conducteurs le font aussi.';
    await omar.getByLabel('Formulation').fill(wording.replace('15 minutes', '51 minutes'));
    await omar.getByLabel('Type d’action').selectOption('shift');
    await omar.getByLabel('Qui peut signer').selectOption('corridor');
    await chooseOption(omar.getByLabel('Axe routier'), 'Rocade est');
    await omar.getByLabel('Objectif').selectOption('count');
    await omar.getByLabel('Nombre de signataires nécessaires').fill('3');
    await omar.getByLabel('Échéance des signatures').fill(day(-1));
    await omar.getByLabel('Début de l’action').fill(day(0));
    await omar.getByLabel('Fin de l’action').fill(day(27));
    await expectAccessible(omar, 'new corridor commitment');
    await omar.getByRole('button', { name: 'Lancer l’engagement' }).click();
    // A typo: nobody has signed yet, so the organiser may still correct the wording.
    await heading(omar, wording.replace('15 minutes', '51 minutes'));
    await omar.getByText('Corriger la formulation').click();
    await omar.locator('details').getByLabel('Formulation').fill(wording);
    await expectAccessible(omar, 'commitment (wording correction)');
    await omar.getByRole('button', { name: 'Enregistrer la formulation' }).click();
    await heading(omar, wording);
    const commitmentPath = new URL(omar.url()).pathname.replace(`/t/${DEMO_SLUG}`, '');

    // Three residents sign; the third signature reaches the target.
    const residents: Page[] = [];
    for (const [i, name] of ['Anaïs', 'Bruno', 'Chloé'].entries()) {
      const page = await signUp(name, `${name.normalize('NFD').replace(/[^\w]/g, '').toLowerCase()}@example.org`, commitmentPath);
      await heading(page, wording);
      await page.locator('main').getByText(`encore ${3 - i} signature${3 - i > 1 ? 's' : ''} nécessaire${3 - i > 1 ? 's' : ''}`, { exact: true }).waitFor();
      if (i === 0) await page.getByLabel('Afficher mon nom parmi les signataires').check();
      await page.getByRole('button', { name: 'Je m’engage si l’objectif est atteint' }).click();
      await page.getByText('Vous avez signé cet engagement.').waitFor();
      residents.push(page);
    }
    const [anais, bruno, chloe] = residents as [Page, Page, Page];
    await chloe.getByTestId('engagement-status').getByText(/^Objectif atteint : les signataires sont engagés/).waitFor();
    await chloe.locator('main').getByText('3 signataires — dont, nommément : Anaïs').waitFor();
    await eventually(() => chloe.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    await expectAccessible(chloe, 'corridor commitment (succeeded)');

    // Monday, first day of the action: each of them commits to leave earlier on the corridor and records it.
    clock.set(new Date(`${monday}T09:00:00Z`));
    for (const page of residents) {
      await page.goto(t('/axes'));
      await page.getByRole('link', { name: /^Rocade est/ }).click();
      await heading(page, /^Rocade est/);
      await page.getByRole('button', { name: 'Je m’engage' }).click();
      await page.getByRole('button', { name: 'Je l’ai fait aujourd’hui' }).click();
      await page.locator('main').getByText('Bravo, c’est noté pour aujourd’hui.').first().waitFor();
    }
    await expectAccessible(chloe, 'corridor (shift recorded)');

    // The operator builds a campaign paying shifts; the live simulation finds the three recorded shifts.
    const olivia = await signIn('city operator', '/campagnes');
    await heading(olivia, 'Campagnes d’incitation');
    await expectAccessible(olivia, 'campaigns (none yet)');
    await olivia.getByRole('link', { name: 'Nouvelle campagne' }).click();
    await heading(olivia, 'Nouvelle campagne');
    await olivia.getByLabel('Nom de la campagne').fill('Rocade est : partir plus tôt');
    await olivia.getByLabel('Premier jour').fill(day(0));
    await olivia.getByLabel('Dernier jour').fill(day(27));
    await olivia.getByLabel('Budget (€)').fill('100');
    await olivia.getByLabel('Départ décalé (hors pointe)').check();
    await olivia.getByLabel('Par geste (€)').fill('2');
    await olivia.getByLabel('Par personne et par jour (€)').fill('4');
    // Three people paid is below the small-group threshold (docs/privacy.md): the simulation names its period and says
    // « moins de 5 personnes » instead of figures that would tell what each of them did — no total, chart or gauge.
    const simulation = olivia.getByTestId('simulation');
    const smallGroup = simulation.getByTestId('sim-small-group');
    await smallGroup.getByText('moins de 5 personnes', { exact: true }).waitFor();
    expect(await smallGroup.textContent()).not.toMatch(/NaN|undefined|\[object/);
    expect(await simulation.getByTestId('sim-total').count()).toBe(0);
    expect(await simulation.getByRole('img').count()).toBe(0);
    await expectAccessible(olivia, 'campaign builder with simulation');
    await olivia.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await olivia.waitForURL(/\/campagnes\/\d+\/modifier$/);
    await olivia.getByRole('button', { name: 'Lancer la campagne' }).click();
    await olivia.getByRole('button', { name: 'Confirmer' }).click();
    await heading(olivia, 'Rocade est : partir plus tôt');
    await olivia.getByTestId('campaign-status').getByText('En cours').waitFor();
    await olivia.locator('main').getByText(/^6,00\s€$/).first().waitFor();
    await expectAccessible(olivia, 'campaign (launched and paid)');
    // The council adds 10 € to the budget: the top-up is announced and listed with its reference.
    await olivia.getByLabel('Montant à ajouter, en euros').fill('10');
    await olivia.getByLabel('Référence de la décision').fill('Délibération 2025-114');
    await olivia.getByRole('button', { name: 'Compléter le budget' }).click();
    await olivia.getByRole('status').getByText(/^Budget complété de 10,00\s€ \(référence Délibération 2025-114\)/).waitFor();
    await olivia.getByTestId('campaign-top-ups').getByText(/Délibération 2025-114/).waitFor();
    await expectAccessible(olivia, 'campaign (budget topped up)');

    // Anaïs sees her 200 points and turns 1.50 € of them into a voucher at the demo bakery.
    await anais.goto(t('/portefeuille'));
    await heading(anais, 'Mon portefeuille');
    await eventually(() => text(anais.getByTestId('wallet-balance'))).toBe('200 points');
    await anais.locator('main').getByText(/^Récompense « Rocade est : partir plus tôt », geste du/).waitFor();
    await expectAccessible(anais, 'wallet');
    await chooseOption(anais.getByLabel('Commerce'), 'Boulangerie du Marché');
    await anais.getByLabel('Montant (€)').fill('1,50');
    await anais.getByRole('button', { name: 'Créer le bon d’achat' }).click();
    const created = anais.locator('main').getByText(/^Bon d’achat créé : /);
    await created.waitFor();
    const code = /([2-9A-Z]{4}-[2-9A-Z]{4})/.exec((await created.textContent()) ?? '')?.[1];
    expect(code).toBeDefined();
    await eventually(() => text(anais.getByTestId('wallet-balance'))).toBe('50 points');
    await anais.getByTestId('voucher').getByText('À utiliser').waitFor();
    await expectAccessible(anais, 'wallet with a voucher');

    // The demo merchant checks the code at the till, accepts it, and cannot accept it twice.
    const marc = await signIn('merchant', '/commercant');
    await heading(marc, 'Espace commerçant');
    await expectAccessible(marc, 'merchant page');
    await marc.getByLabel('Code du bon').fill(code!.toLowerCase().replace('-', ''));
    await marc.getByRole('button', { name: 'Vérifier le code' }).click();
    await marc.getByTestId('redeem-result').getByText(/^Bon valable : 1,50\s€/).waitFor();
    await marc.getByRole('button', { name: /^Encaisser 1,50\s€$/ }).click();
    await marc.getByTestId('redeem-result').getByText(new RegExp(`^Bon ${code} encaissé : 1,50\\s€`)).waitFor();
    await eventually(() => text(marc.getByTestId('shop-owed'))).toBe('1,50 €');
    await marc.getByLabel('Code du bon').fill(code!);
    await marc.getByRole('button', { name: 'Vérifier le code' }).click();
    await marc.getByTestId('redeem-result').getByText(/Ce bon a déjà été utilisé/).waitFor();
    await expectAccessible(marc, 'merchant page (redeemed)');

    // Anaïs's voucher now reads as used; Bruno was paid too, and nothing was paid twice.
    await anais.reload();
    await anais.getByTestId('voucher').getByText(/^Utilisé le/).waitFor();
    await bruno.goto(t('/portefeuille'));
    await eventually(() => text(bruno.getByTestId('wallet-balance'))).toBe('200 points');

    // The operator pays the bakery its 1,50 € by transfer and records the settlement with the transfer's number;
    // the merchant's page then reads that nothing is owed.
    await olivia.goto(t('/campagnes'));
    await heading(olivia, 'Campagnes d’incitation');
    await olivia.getByRole('link', { name: 'Sommes dues et règlements des commerces' }).click();
    await heading(olivia, 'Commerces : sommes dues et règlements');
    const bakery = olivia.getByTestId('books-shop').filter({ has: olivia.getByRole('heading', { level: 2, name: /^Boulangerie du Marché/ }) });
    await eventually(() => text(bakery.getByTestId('books-owed'))).toBe('1,50 €');
    await expectAccessible(olivia, 'shop books');
    await bakery.getByLabel('Référence du paiement').fill('VIR-2025-0042');
    await bakery.getByRole('button', { name: /^Régler 1,50\s€$/ }).click();
    await bakery.getByTestId('books-result').getByText(/^Règlement enregistré : 1,50\s€ pour Boulangerie du Marché.*\(référence VIR-2025-0042\)\.$/).waitFor();
    await eventually(() => text(bakery.getByTestId('books-owed'))).toBe('0,00 €');
    await bakery.getByText('Rien à régler pour le moment.').waitFor();
    await expectAccessible(olivia, 'shop books (settled)');
    await marc.reload();
    await heading(marc, 'Espace commerçant');
    await eventually(() => text(marc.getByTestId('shop-owed'))).toBe('0,00 €');

    expect(errors).toEqual([]);
  });
});
