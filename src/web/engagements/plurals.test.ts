// Counts on the commitment pages agree in number: French 0 and 1 singular ("1 signataire", "0 signataire"), English
// only 1; every count the pages show comes from a `.one` / `.other` pair.
import { describe, expect, it } from 'vitest';
import { mobilityDictionaries } from '../core/use-mobility-i18n.ts';
import { messagesFor } from '../i18n/translate.ts';

const fr = messagesFor('fr', mobilityDictionaries);
const en = messagesFor('en', mobilityDictionaries);

describe('commitment counts in words', () => {
  it('says signers, what remains and the automatic count with 0, 1 and 2', () => {
    expect([0, 1, 2].map((n) => fr.plural('engagement.signerCount', n))).toEqual(['0 signataire', '1 signataire', '2 signataires']);
    expect([0, 1, 2].map((n) => en.plural('engagement.signerCount', n))).toEqual(['0 signers', '1 signer', '2 signers']);
    expect([1, 2].map((n) => fr.plural('engagement.progress.remaining', n))).toEqual(['encore 1 signature nécessaire', 'encore 2 signatures nécessaires']);
    expect(fr.plural('engagement.progress.sharesRemaining', 1, { needed: '5,2', signed: '3,1' })).toBe('nécessaire : 5,2 % — signé : 3,1 % — encore 1 signature');
    expect([0, 1, 2].map((n) => fr.plural('engagement.automaticPeople', n))).toEqual([
      '0 signataire a au moins un geste correspondant',
      '1 signataire a au moins un geste correspondant',
      '2 signataires ont au moins un geste correspondant',
    ]);
    expect(fr.plural('engagement.automaticGestures', 1)).toBe('1 geste au total');
    expect(fr.plural('engagement.check.hintCount', 1)).toBe('Maille a compté 1 geste correspondant de votre part pendant la période.');
  });

  it('says the kept answers with 1 and 2', () => {
    const kept = (n: number, k: number) => fr.text('engagement.keptValue', { rate: 100, answers: fr.plural('engagement.keptAnswers', n, { kept: k }) });
    expect(kept(1, 1)).toBe('par 100 % des signataires qui ont répondu (1 oui sur 1 réponse)');
    expect(kept(2, 2)).toBe('par 100 % des signataires qui ont répondu (2 oui sur 2 réponses)');
    expect(en.plural('engagement.keptAnswers', 1, { kept: 0 })).toBe('0 yes out of 1 answer');
  });
});
