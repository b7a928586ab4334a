// @vitest-environment node
/** @module Campaign rules read in plain French and English. */
import { describe, expect, it } from 'vitest';
import { formatDay } from '../core/dates.ts';
import { incentivesEn } from '../i18n/incentives-en.ts';
import { incentivesFr, type IncentiveKey } from '../i18n/incentives-fr.ts';
import { fillTemplate, type Locale, type MessageParams } from '../i18n/translate.ts';
import { describeRule, describeRules, type RuleWords } from './describe-rules.ts';
import { formatEuros, localeTag } from './money.ts';
import { NO_LIMIT } from './rule-form.ts';
import type { Rule } from './types.ts';

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

function words(locale: Locale): RuleWords {
  const dictionary = locale === 'fr' ? incentivesFr : incentivesEn;
  return {
    locale,
    c: (key: IncentiveKey, params?: MessageParams) => fillTemplate(locale, dictionary[key], params),
    amount: (cents) => formatEuros(locale, cents),
    day: (date) => formatDay(localeTag(locale), date),
    communeName: (code) => (code === '21231' ? 'Dijon' : undefined),
  };
}

const say = (rule: Rule, locale: Locale) => plain(describeRule(rule, words(locale)));

describe('rules in words', () => {
  it('says the amounts in euros', () => {
    expect(say({ type: 'per_gesture', cents: 100 }, 'fr')).toBe('1,00 € par geste.');
    expect(say({ type: 'per_gesture', cents: 100 }, 'en')).toBe('€1.00 per gesture.');
    expect(say({ type: 'per_km', cents: 10, offsetKm: 2, limitKm: 30 }, 'fr')).toBe('0,10 € par km, de 2 à 30 km.');
    expect(say({ type: 'per_km', cents: 10, offsetKm: 2, limitKm: 30 }, 'en')).toBe('€0.10 per km, from 2 to 30 km.');
    expect(say({ type: 'per_km', cents: 5, offsetKm: 0, limitKm: NO_LIMIT }, 'fr')).toBe('0,05 € par km.');
    expect(say({ type: 'per_km', cents: 5, offsetKm: 3, limitKm: Number.MAX_SAFE_INTEGER }, 'en')).toBe('€0.05 per km beyond 3 km.');
    expect(say({ type: 'amount_for_distance', fromKm: 2.5, toKm: 10, cents: 80 }, 'fr')).toBe('0,80 € pour un trajet de 2,5 km à moins de 10 km.');
  });

  it('says times, days and boosters the local way', () => {
    expect(say({ type: 'time_window_bonus', startMin: 390, endMin: 420, cents: 40 }, 'fr')).toBe('0,40 € de bonus pour un départ entre 06:30 et 07:00.');
    expect(say({ type: 'time_window_bonus', startMin: 390, endMin: 420, cents: 40 }, 'en')).toBe('€0.40 bonus for a departure between 06:30 and 07:00.');
    expect(say({ type: 'booster_dates', dates: ['2025-03-12'], percent: 150 }, 'fr')).toBe('Montants multipliés par 1,5 ces jours-là : mercredi 12 mars 2025.');
    expect(say({ type: 'booster_dates', dates: ['2025-03-12'], percent: 150 }, 'en')).toBe('Amounts multiplied by 1.5 on these days: Wednesday, 12 March 2025.');
    expect(say({ type: 'on_weekdays', days: [1, 2] }, 'fr')).toBe('Seulement les jours suivants : lundi et mardi.');
    expect(say({ type: 'on_weekdays', days: [5, 1] }, 'en')).toBe('Only on these days: Monday and Friday.');
  });

  it('says who is eligible', () => {
    expect(say({ type: 'only_kinds', kinds: ['carpool', 'shift'] }, 'fr')).toBe('Gestes concernés : covoiturage ou départ décalé.');
    expect(say({ type: 'only_kinds', kinds: ['carpool', 'shift'] }, 'en')).toBe('Gestures counted: carpool or off-peak departure.');
    expect(say({ type: 'in_communes', codes: ['21231', '21166'] }, 'fr')).toBe('Seulement pour les gestes à Dijon ou 21166.');
    expect(say({ type: 'min_proof_class', proofClass: 'C' }, 'en')).toBe('Carpools confirmed by both people (proof C).');
    expect(say({ type: 'distance_between', minKm: 2, maxKm: NO_LIMIT }, 'fr')).toBe('Trajets d’au moins 2 km.');
  });

  it('says the caps', () => {
    expect(say({ type: 'max_per_person_per_day', cents: 600 }, 'fr')).toBe('Au plus 6,00 € par personne et par jour.');
    expect(say({ type: 'max_per_person_per_month', cents: 1000 }, 'en')).toBe('At most €10.00 per person per month.');
  });

  it('groups the rules in reading order, leaving out empty groups', () => {
    const groups = describeRules(
      [{ type: 'max_per_person_per_day', cents: 600 }, { type: 'per_gesture', cents: 100 }, { type: 'only_kinds', kinds: ['shift'] }],
      words('fr'),
    );
    expect(groups.map((g) => g.group)).toEqual(['who', 'amounts', 'caps']);
  });
});
