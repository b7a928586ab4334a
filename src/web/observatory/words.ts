/** @module The observatory in words: an alert's figures, a cluster's sentence, a command's specification. Pure. */
import type { ObservatoryKey } from '../i18n/observatory-fr.ts';
import type { Alert, Cluster, CommandName } from './types.ts';

type Text = (key: ObservatoryKey, params?: Record<string, string | number>) => string;
type Plural = (key: 'obs.clusters.line', count: number, params?: Record<string, string | number>) => string;
type Format = (value: number, maximumFractionDigits?: number) => string;

/**
 * What the web needs of each command (the server's commands/model.ts decides and checks; this table only shapes the
 * form): the thing types that take it, whether a second commander must approve it, and its numeric parameter.
 */
export const COMMAND_FORM: Record<CommandName, { types: readonly string[]; sensitive: boolean; param: { name: 'minutes' | 'level'; min: number; max: number; step: number; initial: number } | null }> = {
  'trafficLight.greenWave': { types: ['TrafficLight'], sensitive: true, param: { name: 'minutes', min: 1, max: 30, step: 1, initial: 10 } },
  'trafficLight.resume': { types: ['TrafficLight'], sensitive: false, param: null },
  'building.surveillance': { types: ['Building'], sensitive: true, param: null },
  'building.normal': { types: ['Building'], sensitive: false, param: null },
  'streetlight.dim': { types: ['Streetlight'], sensitive: false, param: { name: 'level', min: 0, max: 1, step: 0.1, initial: 0.5 } },
  'streetlight.restore': { types: ['Streetlight'], sensitive: false, param: null },
};
export const COMMAND_ORDER = Object.keys(COMMAND_FORM) as CommandName[];

/** A p-value as people read it: 0,001 with at least the digits its replicas give, never rounded to 0. */
export function formatPValue(format: Format, p: number): string {
  const digits = p >= 0.01 ? 2 : p >= 0.001 ? 3 : 4;
  return format(p, digits);
}

/** What fired, in words: the figure seen and what it was compared with, by the rule's kind. */
export function alertFigures(o: Text, format: Format, alert: Alert): string | null {
  if (alert.observed === null || alert.expected === null) return null;
  const observed = format(alert.observed, 1);
  const expected = format(alert.expected, 1);
  switch (alert.rule.condition.kind) {
    case 'threshold':
      return o('obs.alerts.threshold', { observed, expected });
    case 'rate':
      return o('obs.alerts.rate', { observed, expected });
    case 'silence':
      return o('obs.alerts.silence', { observed: format(alert.observed, 0), expected: format(alert.expected, 0) });
    case 'anomaly':
      return o('obs.alerts.anomaly', { observed, expected });
  }
}

/** « Foyer probable autour de X : 3 communes, risque relatif 4,2, p = 0,001 (Kulldorff, 999 tirages) ». */
export function clusterSentence(o: Text, op: Plural, format: Format, cluster: Cluster): string {
  return op('obs.clusters.line', cluster.communes.length, {
    name: cluster.centre.name,
    rr: cluster.relativeRisk === null ? o('obs.clusters.rrUnknown') : format(cluster.relativeRisk, 2),
    p: formatPValue(format, cluster.pValue),
    method: o(`obs.clusters.method.${cluster.method}`),
    replicas: format(cluster.replicas),
  });
}
