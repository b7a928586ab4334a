// @vitest-environment node
/**
 * @module Every dictionary pair, in one test: English has exactly the French keys, the same placeholders, no empty
 * message, complete plural pairs; a wording shared by every page lives once, in the main dictionary; and the
 * message mechanism falls back from a capability to the main dictionary.
 */
import { describe, expect, it } from 'vitest';
import { adminEn } from './admin-en.ts';
import { adminFr } from './admin-fr.ts';
import { checkInsEn } from './check-ins-en.ts';
import { checkInsFr } from './check-ins-fr.ts';
import { engagementsEn } from './engagements-en.ts';
import { engagementsFr } from './engagements-fr.ts';
import { incentivesEn } from './incentives-en.ts';
import { incentivesFr } from './incentives-fr.ts';
import { mediationEn } from './mediation-en.ts';
import { mediationFr } from './mediation-fr.ts';
import { impactEn } from './impact-en.ts';
import { impactFr } from './impact-fr.ts';
import { mobilityEn } from './mobility-en.ts';
import { mobilityFr } from './mobility-fr.ts';
import { moderationEn } from './moderation-en.ts';
import { moderationFr } from './moderation-fr.ts';
import { mutualAidEn } from './mutual-aid-en.ts';
import { mutualAidFr } from './mutual-aid-fr.ts';
import { observatoryEn } from './observatory-en.ts';
import { observatoryFr } from './observatory-fr.ts';
import { overviewEn } from './overview-en.ts';
import { overviewFr } from './overview-fr.ts';
import { placesEn } from './places-en.ts';
import { placesFr } from './places-fr.ts';
import { tripsEn } from './trips-en.ts';
import { tripsFr } from './trips-fr.ts';
import { mainDictionaries, messagesFor, placeholdersOf, type Dictionaries } from './translate.ts';
import { volunteeringEn } from './volunteering-en.ts';
import { volunteeringFr } from './volunteering-fr.ts';

const ALL: Record<string, Dictionaries<string>> = {
  main: mainDictionaries,
  admin: { fr: adminFr, en: adminEn },
  'check-ins': { fr: checkInsFr, en: checkInsEn },
  engagements: { fr: engagementsFr, en: engagementsEn },
  incentives: { fr: incentivesFr, en: incentivesEn },
  mediation: { fr: mediationFr, en: mediationEn },
  mobility: { fr: mobilityFr, en: mobilityEn },
  'mobility (trips)': { fr: tripsFr, en: tripsEn },
  'mobility (impact)': { fr: impactFr, en: impactEn },
  moderation: { fr: moderationFr, en: moderationEn },
  'mutual-aid': { fr: mutualAidFr, en: mutualAidEn },
  observatory: { fr: observatoryFr, en: observatoryEn },
  places: { fr: placesFr, en: placesEn },
  overview: { fr: overviewFr, en: overviewEn },
  volunteering: { fr: volunteeringFr, en: volunteeringEn },
};

describe.each(Object.entries(ALL))('the %s dictionaries', (_name, { fr, en }) => {
  it('define the same keys in French and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, template] of Object.entries(fr)) expect(placeholdersOf(en[key] ?? ''), key).toEqual(placeholdersOf(template));
  });

  it('never write the optional mark into a label (the field component adds it once)', () => {
    for (const dictionary of [fr, en]) {
      for (const [key, text] of Object.entries(dictionary)) if (key !== 'form.optionalMark') expect(text, key).not.toMatch(/\((facultatif|facultative|optionnel|optional)\)/i);
    }
  });

  it('have no empty message and complete plural pairs', () => {
    for (const dictionary of [fr, en]) {
      for (const [key, text] of Object.entries(dictionary)) expect(text.trim(), key).not.toBe('');
    }
    for (const key of Object.keys(fr)) {
      if (key.endsWith('.one')) expect(Object.keys(fr), key).toContain(key.replace(/\.one$/, '.other'));
    }
  });
});

describe('the mobility dictionary', () => {
  it('is its two parts and the commitments’ words, each key in one part only, in both languages', () => {
    const parts = [tripsFr, impactFr, engagementsFr].map((d) => Object.keys(d));
    expect(new Set(parts.flat()).size).toBe(parts.flat().length);
    expect(Object.keys(mobilityFr).sort()).toEqual(parts.flat().sort());
    expect(Object.keys(mobilityEn).sort()).toEqual([tripsEn, impactEn, engagementsEn].flatMap((d) => Object.keys(d)).sort());
  });
});

describe('shared wording', () => {
  // Mobility is assembled from its parts and the engagements dictionary: each source counted once.
  const sources = Object.entries(ALL)
    .filter(([name]) => name !== 'mobility')
    .map(([, d]) => Object.entries(d.fr));
  const keysOf = (text: string) => sources.flat().filter(([, value]) => value === text).map(([key]) => key);

  it('is written once, in the main dictionary, for what every form says', () => {
    expect(keysOf('Ce champ est obligatoire.')).toEqual(['form.required']);
    expect(keysOf('Annuler')).toEqual(['action.cancel']);
    expect(keysOf('Indiquez un motif d’au moins 5 caractères.')).toEqual(['form.reasonTooShort']);
  });
});

describe('messagesFor', () => {
  const dictionaries = { fr: { 'seen.one': 'Vu {count} fois', 'seen.other': 'Vu {count} fois', hello: 'Bonjour {name}' }, en: { 'seen.one': 'Seen once', 'seen.other': 'Seen {count} times', hello: 'Hello {name}' } };

  it('reads the capability first, then the main dictionary, in the locale', () => {
    expect(messagesFor('en', dictionaries).text('hello', { name: 'Ada' })).toBe('Hello Ada');
    expect(messagesFor('fr', dictionaries).text('form.required')).toBe('Ce champ est obligatoire.');
    expect(messagesFor('en', dictionaries).text('action.cancel')).toBe('Cancel');
  });

  it('chooses the plural form of the locale and fills {count}', () => {
    expect(messagesFor('fr', dictionaries).plural('seen', 0)).toBe('Vu 0 fois');
    expect(messagesFor('en', dictionaries).plural('seen', 0)).toBe('Seen 0 times');
    expect(messagesFor('en', dictionaries).plural('seen', 1)).toBe('Seen once');
    expect(messagesFor('en', dictionaries).plural('members', 1200)).toBe('1,200 members');
  });

  it('shows a key no dictionary has as itself, never as nothing', () => {
    const loose: Dictionaries<string> = dictionaries;
    expect(messagesFor('fr', loose).text('kind.newer_than_this_build')).toBe('kind.newer_than_this_build');
  });
});

describe('wordings pages rely on', () => {
  it('writes the share needed the way the corridor page shows it', () => {
    expect(messagesFor('fr', { fr: mobilityFr, en: mobilityEn }).text('corridor.shareNeeded', { percent: '4,2', minutes: 15 })).toBe(
      '4,2 % des conducteurs partant 15 minutes plus tôt suffiraient à résorber ce bouchon.',
    );
  });

  it('words every moderation notice the server sends', () => {
    for (const kind of ['hidden', 'removed', 'restored', 'warned']) expect(Object.keys(moderationFr)).toContain(`notice.moderation.${kind}`);
  });
});
