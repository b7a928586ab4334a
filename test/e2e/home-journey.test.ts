// Journey in Chromium on a 390-px-wide phone: a visitor opens the demo territory and sees its week before any click
// (gestures by kind, what they are worth with their sources, hours of jam spared to others in plain words); a resident
// signed in sees her week and the next useful action; the city operator sees the to-do list and reaches each queue
// from it. Every page passes axe-core, and no page error occurs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from '../support/browser.ts';
import { type Journey, JOURNEY_TIMEOUT_MS, startJourney } from '../support/journey.ts';

describe('home page journey', { timeout: JOURNEY_TIMEOUT_MS }, () => {
  let journey: Journey;
  beforeAll(async () => {
    journey = await startJourney({ residents: 30 });
  }, JOURNEY_TIMEOUT_MS);
  afterAll(() => journey?.close());

  it('shows the collective value first, my next action, and the operator’s queues', async () => {
    const { t, newPage, signIn, errors } = journey;

    // A visitor: the week is the first thing on the page, before any click.
    const visitor = await newPage('visitor');
    await visitor.goto(t());
    const main = visitor.locator('#main');
    await main.getByRole('heading', { level: 2, name: /^Cette semaine à / }).waitFor();
    await main.getByRole('heading', { name: 'Déplacements' }).waitFor();
    await main.getByRole('heading', { name: 'Entraide' }).waitFor();
    await main.getByRole('heading', { name: 'Bénévolat' }).waitFor();
    const week = await main.locator('.overview-week').innerText();
    // Plain words, never the model's units or jargon.
    expect(week).not.toMatch(/véhicules?·heures|H3|classe [ABC]/);
    await main.getByRole('heading', { name: 'Qui a agi, commune par commune' }).waitFor();
    await expectAccessible(visitor, 'home page, visitor');

    // A resident: her week and what to do next come first.
    const resident = await signIn('resident', '');
    await resident.locator('#main').getByRole('heading', { level: 2, name: 'Ma semaine' }).waitFor();
    await resident.locator('#main').getByRole('heading', { name: 'À faire maintenant' }).waitFor();
    await expectAccessible(resident, 'home page, resident');

    // The city operator: the to-do list, each line leading to its queue.
    const operator = await signIn('city operator', '');
    const todo = operator.locator('#main .overview-todo');
    await todo.getByRole('heading', { name: 'À traiter' }).waitFor();
    await expectAccessible(operator, 'home page, operator');
    const queues: [string, RegExp][] = [
      ['Organisations à valider', /\/benevolat\/validation$/],
      ['Covoiturages à vérifier', /\/verifications$/],
      ['Signalements ouverts', /\/moderation$/],
      ['Commerces à payer', /\/commerces$/],
      ['Alertes « Bonjour » sans réponse', /\/bonjour\/permanence$/],
    ];
    for (const [label, path] of queues) {
      await operator.goto(t());
      await todo.getByRole('link', { name: new RegExp(label) }).click();
      await operator.waitForURL(path);
      await operator.getByRole('heading', { level: 1 }).first().waitFor();
    }
    expect(errors).toEqual([]);
  });
});
