// The demo's people and their words agree: a first name belongs to one gendered list, every named account or assisted
// resident's role word agrees with it, and every gendered text is written to be put in its author's voice.
import { describe, expect, it } from 'vitest';
import { FEMININE_FIRST_NAMES, FIRST_NAMES, inVoice, MASCULINE_FIRST_NAMES, voiceOf } from './names.ts';
import { DEMO_ACKNOWLEDGEMENT_NOTES } from './seed-check-ins.ts';
import { DEMO_ACCOUNTS } from './seed-demo.ts';
import { DEMO_ASSISTED } from './seed-mediation.ts';
import { OPEN, STANDING } from './seed-mutual-aid.ts';
import { MESSAGES } from './seed-volunteering.ts';

/** Role words of the named demo people, by the gender they agree with (null: the same for both, « admin »). */
const ROLE_WORDS: Record<string, 'f' | 'm' | null> = {
  admin: null,
  habitante: 'f', habitant: 'm', organisatrice: 'f', organisateur: 'm', médiatrice: 'f', médiateur: 'm',
  commerçante: 'f', commerçant: 'm', opératrice: 'f', opérateur: 'm', accompagnée: 'f', accompagné: 'm',
};

// Words whose form says who speaks or is spoken of: a demo text must carry them only inside a {masculine|feminine} choice.
const GENDERED = /(?<!\p{L})(seule?s?|retraitée?|étudiante?|motivée?|il|elle)(?!\p{L})/iu;

describe('demo names', () => {
  it('puts every first name in exactly one gendered list', () => {
    expect(FIRST_NAMES).toHaveLength(FEMININE_FIRST_NAMES.length + MASCULINE_FIRST_NAMES.length);
    expect(new Set(FIRST_NAMES).size).toBe(FIRST_NAMES.length);
    expect(voiceOf('Hélène K.')).toBe('f');
    expect(voiceOf('Karim B.')).toBe('m');
    expect(voiceOf('Personne')).toBeNull();
  });

  it('gives every named demo person a role word that agrees with their first name', () => {
    for (const { displayName } of [...DEMO_ACCOUNTS, ...DEMO_ASSISTED]) {
      const word = /\(([^,)]+)/.exec(displayName)?.[1]?.trim() ?? '';
      expect(ROLE_WORDS[word], `${displayName}: role word « ${word} »`).toBeDefined();
      expect(voiceOf(displayName), displayName).not.toBeNull();
      if (ROLE_WORDS[word]) expect(voiceOf(displayName), displayName).toBe(ROLE_WORDS[word]);
    }
  });

  it('puts a text in a voice', () => {
    expect(inVoice('Je vis {seul|seule} ; {il|elle} rit.', 'f')).toBe('Je vis seule ; elle rit.');
    expect(inVoice('Je vis {seul|seule} ; {il|elle} rit.', 'm')).toBe('Je vis seul ; il rit.');
    expect(inVoice('Je vis {seul|seule} ; {il|elle} rit.', null)).toBe('Je vis seul·e ; il ou elle rit.');
  });

  it('writes every gendered word of the demo’s texts as a choice, so it agrees with whoever it is given to', () => {
    const texts = [...OPEN.map((o) => o.text), ...STANDING.map((s) => s.text), ...MESSAGES, ...Object.values(DEMO_ACKNOWLEDGEMENT_NOTES)];
    for (const text of texts) {
      const outsideChoices = text.replace(/\{[^}]*\}/g, '');
      expect(outsideChoices, text).not.toMatch(GENDERED);
    }
    expect(texts.filter((t) => inVoice(t, 'f') !== inVoice(t, 'm')).length).toBeGreaterThanOrEqual(6);
    expect('Étudiant en maths').toMatch(GENDERED);
  });
});
