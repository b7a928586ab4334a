// Journey in Chromium: the city operator opens « Points de rencontre », finds the demo's invented meeting points,
// locates a new one with the place picker from the keyboard only (types « chenov », ↓, Entrée: the commune fills the
// position), names and saves it, deactivates it, then imports a GTFS stops.txt whose report names the refused row.
// The page passes axe-core with the picker's list open and closed, on a 390-px-wide phone, and no page error occurs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from '../support/browser.ts';
import { heading, type Journey, JOURNEY_TIMEOUT_MS, startJourney, text } from '../support/journey.ts';

describe('meeting points journey', { timeout: JOURNEY_TIMEOUT_MS }, () => {
  let journey: Journey;
  beforeAll(async () => {
    journey = await startJourney({ residents: 20 });
  }, JOURNEY_TIMEOUT_MS);
  afterAll(() => journey?.close());

  it('adds a meeting point with the place picker, deactivates it, and imports a stops.txt', async () => {
    const page = await journey.signIn('city operator', '/points-de-rencontre');
    await heading(page, 'Points de rencontre');
    const main = page.locator('#main');
    await main.getByRole('heading', { level: 3, name: 'Gare de Dijon-Ville (démo)' }).waitFor();
    await expectAccessible(page, 'the meeting points page');

    // The place picker, from the keyboard: type, arrow down, Enter.
    const picker = main.getByRole('combobox', { name: 'Où se trouve-t-il ?' });
    await picker.focus();
    await picker.pressSequentially('chenov');
    const listbox = main.getByRole('listbox', { name: 'Où se trouve-t-il ?' });
    await listbox.getByRole('option', { name: /^Chenôve\s*commune$/ }).waitFor();
    await expect.poll(() => picker.getAttribute('aria-expanded')).toBe('true');
    await expectAccessible(page, 'the place picker with its list open');
    await picker.press('ArrowDown');
    const first = listbox.getByRole('option').first();
    await expect.poll(() => first.getAttribute('aria-selected')).toBe('true');
    expect(await picker.getAttribute('aria-activedescendant')).toBe(await first.getAttribute('id'));
    await picker.press('Enter');
    await main.getByText('Lieu choisi : Chenôve').waitFor();
    expect(await picker.getAttribute('aria-expanded')).toBe('false');
    expect(await picker.inputValue()).toBe('Chenôve');
    expect(await main.getByLabel('Latitude').inputValue()).toMatch(/^47\.\d+$/);
    expect(await main.getByLabel('Longitude').inputValue()).toMatch(/^5\.\d+$/);

    await main.getByLabel('Nom', { exact: true }).fill('Parking du marché de Chenôve');
    await main.getByLabel('Type de lieu').selectOption({ label: 'Parking' });
    await main.getByRole('button', { name: 'Enregistrer le point' }).click();
    const card = main.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: 'Parking du marché de Chenôve' }) });
    await card.waitFor();
    expect(await text(card)).toContain('Commune : Chenôve');

    await card.getByRole('button', { name: 'Désactiver Parking du marché de Chenôve' }).click();
    await card.getByText('Désactivé', { exact: true }).waitFor();
    await card.getByRole('button', { name: 'Réactiver Parking du marché de Chenôve' }).waitFor();

    // A GTFS stops.txt: two stops inside the territory, one with unreadable coordinates.
    const stops = ['stop_id,stop_name,stop_lat,stop_lon,location_type', 'J1,Arrêt Jaurès (import),47.3150,5.0300,0', 'J2,Arrêt Mirande (import),47.3180,5.0650,0', 'J3,Arrêt Perdu,quarante-sept,5.0,0'].join('\n');
    await main.getByLabel('Fichier stops.txt', { exact: true }).setInputFiles({ name: 'stops.txt', mimeType: 'text/plain', buffer: Buffer.from(stops, 'utf8') });
    await main.getByLabel('Type des arrêts importés').selectOption({ label: 'Arrêt de tram' });
    await main.getByRole('button', { name: 'Importer', exact: true }).click();
    const report = main.getByTestId('mp-import-report');
    await report.getByText('Import terminé — ajoutés : 2 ; mis à jour : 0 ; inchangés : 0 ; refusés : 1.').waitFor();
    expect(await text(report)).toContain('Ligne 4 (arrêt J3) : coordonnées illisibles');
    await main.getByRole('heading', { level: 3, name: 'Arrêt Jaurès (import)' }).waitFor();
    await expectAccessible(page, 'the meeting points page after an import');
    expect(journey.errors).toEqual([]);
  });
});
