// @vitest-environment node
/**
 * @module French pages say their units and numbers in French: no English unit word in any French message, every
 * factor unit of the shipped editions translated, numbers grouped and with a decimal comma the fr-FR way.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { factorUnitKey } from '../impact/method-lines.ts';
import { checkInsFr } from './check-ins-fr.ts';
import { engagementsFr } from './engagements-fr.ts';
import { fr } from './fr.ts';
import { impactEn } from './impact-en.ts';
import { impactFr } from './impact-fr.ts';
import { incentivesFr } from './incentives-fr.ts';
import { mediationFr } from './mediation-fr.ts';
import { mobilityEn } from './mobility-en.ts';
import { mobilityFr } from './mobility-fr.ts';
import { moderationFr } from './moderation-fr.ts';
import { mutualAidFr } from './mutual-aid-fr.ts';
import { overviewFr } from './overview-fr.ts';
import { placesFr } from './places-fr.ts';
import { formatNumber, messagesFor } from './translate.ts';
import { tripsFr } from './trips-fr.ts';
import { volunteeringFr } from './volunteering-fr.ts';

const FRENCH = [fr, checkInsFr, engagementsFr, impactFr, incentivesFr, mediationFr, moderationFr, mutualAidFr, overviewFr, placesFr, tripsFr, volunteeringFr];
// English unit words (and "per"); « km », « kg », « min », « h » are French too.
const ENGLISH_UNITS = /(?<!\p{L})(vehicles?|vehicle-hours|people|persons|rides?|hours?|trips?|drivers?|passengers?|per|EUR)(?!\p{L})/iu;

const factorUnits = (): string[] => {
  const dir = path.resolve(import.meta.dirname, '../../../data/impact-factors');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) => (JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as { factors: { unit: string }[] }).factors.map((x) => x.unit));
};

describe('units in French', () => {
  it('no French message carries an English unit word', () => {
    for (const dictionary of FRENCH) {
      for (const [key, text] of Object.entries(dictionary)) expect(text.replace(/\{\w+\}/g, ''), key).not.toMatch(ENGLISH_UNITS);
    }
  });

  it('translates the unit of every factor the shipped editions hold', () => {
    const units = [...new Set(factorUnits())];
    expect(units.length).toBeGreaterThan(0);
    for (const unit of units) {
      const key = factorUnitKey(unit);
      expect(key, unit).not.toBeNull();
      const words = messagesFor('fr', { fr: mobilityFr, en: mobilityEn }).text(key!);
      expect(words, unit).not.toMatch(ENGLISH_UNITS);
      expect(words, unit).not.toBe(unit);
    }
    expect(factorUnitKey('furlongs/fortnight')).toBeNull();
  });

  it('writes numbers the fr-FR way', () => {
    expect(formatNumber('fr', 1234.5, 1)).toBe('1\u202f234,5');
    expect(formatNumber('en', 1234.5, 1)).toBe('1,234.5');
    expect(messagesFor('fr', { fr: impactFr, en: impactEn }).text('corridors.hoursToday', { hours: formatNumber('fr', 12.25, 1) })).toBe(
      'Retard total prévu aujourd’hui : 12,3 véhicules·heures (modèle).',
    );
  });
});
