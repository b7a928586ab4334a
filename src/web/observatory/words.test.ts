// @vitest-environment node
/** @module The observatory in words: a cluster's sentence and p-value the French way, an alert's figures by rule kind. */
import { describe, expect, it } from 'vitest';
import { observatoryEn } from '../i18n/observatory-en.ts';
import { observatoryFr } from '../i18n/observatory-fr.ts';
import { formatNumber, messagesFor, type Locale } from '../i18n/translate.ts';
import type { Alert, Cluster } from './types.ts';
import { alertFigures, clusterSentence, formatPValue } from './words.ts';

const words = (locale: Locale) => {
  const { text, plural } = messagesFor(locale, { fr: observatoryFr, en: observatoryEn });
  return { o: text, op: plural, format: (value: number, digits?: number) => formatNumber(locale, value, digits) };
};

const cluster = (communes: number, relativeRisk: number | null, pValue: number): Cluster => ({
  method: 'kulldorff-poisson',
  centre: { communeCode: '21231', name: 'Dijon', lat: 47.32, lon: 5.04 },
  radiusMetres: 3200,
  communes: Array.from({ length: communes }, (_, i) => ({ communeCode: `2100${i}`, name: `C${i}` })),
  cases: 40,
  expected: 9.5,
  relativeRisk,
  pValue,
  days: 7,
  replicas: 999,
});

describe('observatory words', () => {
  it('says a cluster in one French sentence, the p-value with its digits and never rounded to zero', () => {
    const { o, op, format } = words('fr');
    expect(clusterSentence(o, op, format, cluster(3, 4.2, 0.001))).toBe('Foyer probable autour de Dijon : 3 communes, risque relatif 4,2, p = 0,001 (Kulldorff, 999 tirages)');
    expect(clusterSentence(o, op, format, cluster(1, null, 0.0004))).toBe('Foyer probable autour de Dijon : 1 commune, risque relatif non calculable, p = 0,0004 (Kulldorff, 999 tirages)');
    expect(formatPValue(format, 0.034)).toBe('0,03');
    const en = words('en');
    expect(clusterSentence(en.o, en.op, en.format, cluster(2, 1.5, 0.02))).toBe('Likely cluster around Dijon: 2 communes, relative risk 1.5, p = 0.02 (Kulldorff, 999 draws)');
  });

  it('says what fired by the rule’s kind, and nothing without figures', () => {
    const { o, format } = words('fr');
    const alert = (condition: Alert['rule']['condition'], observed: number | null, expected: number | null) => ({ rule: { id: 'r', name: 'n', condition }, observed, expected }) as Alert;
    expect(alertFigures(o, format, alert({ kind: 'threshold', attribute: 'pm10', op: '>', value: 50, forMinutes: 60 }, 68.44, 50))).toBe('Mesuré 68,4, seuil 50');
    expect(alertFigures(o, format, alert({ kind: 'silence', minutes: 30 }, 95.6, 30))).toBe('Silencieux depuis 96 min (limite 30 min)');
    expect(alertFigures(o, format, alert({ kind: 'silence', minutes: 30 }, null, 30))).toBeNull();
  });

});
