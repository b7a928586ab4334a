/** @module Zones and clusters in words: each orange or red commune with its figure, each significant cluster as a sentence, and the source. */
import type { ClusterMap, ZoneMap } from './types.ts';
import { useObservatoryI18n } from './use-observatory-i18n.ts';
import { clusterSentence } from './words.ts';

export function SourceLine({ zones }: { zones: ZoneMap }) {
  const { o } = useObservatoryI18n();
  if (!zones.source) return null;
  const line = o('obs.map.source', { title: zones.source.title, publisher: zones.source.publisher, licence: zones.source.licence });
  return <p class="meta obs-source">{zones.source.url ? <a href={zones.source.url}>{line}</a> : line}</p>;
}

export function ZonesPanel({ zones, clusters }: { zones: ZoneMap | undefined; clusters: ClusterMap | undefined }) {
  const { o, op, formatNumber } = useObservatoryI18n();
  const flagged = (zones?.zones ?? []).filter((zone) => zone.colour === 'orange' || zone.colour === 'red');
  flagged.sort((a, b) => (a.colour === b.colour ? (b.value ?? 0) - (a.value ?? 0) : a.colour === 'red' ? -1 : 1));
  return (
    <section class="obs-section" aria-labelledby="obs-zones-title">
      <h2 id="obs-zones-title">{o('obs.zones.title')}</h2>
      {zones ? (
        <>
          {zones.configured ? null : <p>{o('obs.map.noColours')}</p>}
          {zones.thresholds ? <p>{o('obs.zones.thresholds', { orange: formatNumber(zones.thresholds.orange, 1), red: formatNumber(zones.thresholds.red, 1) })}</p> : null}
          <p class="meta">{zones.method}</p>
          {zones.configured && flagged.length === 0 ? <p>{o('obs.zones.none')}</p> : null}
          {flagged.length > 0 ? (
            <ul class="obs-list" data-testid="obs-zones">
              {flagged.map((zone) => (
                <li key={zone.communeCode} class={`obs-item obs-zone obs-zone-${zone.colour}`}>
                  {zone.reason === 'cluster' || zone.value === null
                    ? o('obs.zones.lineCluster', { name: zone.name, colour: o(`obs.zones.colour.${zone.colour as 'orange' | 'red'}`) })
                    : o('obs.zones.line', { name: zone.name, colour: o(`obs.zones.colour.${zone.colour as 'orange' | 'red'}`), value: formatNumber(zone.value, 1) })}
                </li>
              ))}
            </ul>
          ) : null}
          <SourceLine zones={zones} />
        </>
      ) : null}
      <h3>{o('obs.clusters.title')}</h3>
      {clusters ? (
        <>
          <p class="meta">{clusters.method}</p>
          {clusters.clusters.length === 0 ? <p>{clusters.note ?? o('obs.clusters.none')}</p> : null}
          {clusters.clusters.length > 0 ? (
            <ul class="obs-list" data-testid="obs-clusters">
              {clusters.clusters.map((cluster) => (
                <li key={`${cluster.method}-${cluster.centre.communeCode}`} class="obs-item">
                  <p>{clusterSentence(o, op, formatNumber, cluster)}</p>
                  <p class="meta">{o('obs.clusters.communes', { list: cluster.communes.map((c) => c.name).join(', ') })}</p>
                  <p class="meta">{o('obs.clusters.cases', { cases: cluster.cases, expected: formatNumber(cluster.expected, 1) })}</p>
                </li>
              ))}
            </ul>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
