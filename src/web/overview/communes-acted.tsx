/**
 * @module "Qui a agi, commune par commune": people who acted this week per 1,000 inhabitants on the communes map, and
 * the same figures as a table. A commune under the small-group rule stays grey and reads « moins de N ».
 */
import { useMemo } from 'preact/hooks';
import { territoryPath } from '../core/api.ts';
import { isSuppressed, SmallGroup } from '../core/small-group.tsx';
import type { CommuneCollection } from '../core/types.ts';
import { useFetch } from '../core/use-fetch.ts';
import { classBreaks } from '../territories/choropleth.ts';
import { MapPanel } from '../territories/map-panel.tsx';
import type { TerritoryOverview } from './types.ts';
import { useOverviewI18n } from './use-overview-i18n.ts';

type Props = { slug: string; overview: TerritoryOverview; bbox: [number, number, number, number]; minGroup: number };

export function CommunesActed({ slug, overview, bbox, minGroup }: Props) {
  const { o, t, formatNumber, locale } = useOverviewI18n();
  const shapes = useFetch<CommuneCollection>(territoryPath(slug, '/communes'));
  const rates = useMemo(() => new Map(overview.communes.map((c) => [c.code, isSuppressed(c) ? 0 : c.rate])), [overview.communes]);
  const data = useMemo(
    () => (shapes.data ? { type: 'FeatureCollection' as const, features: shapes.data.features.map((f) => ({ ...f, properties: { ...f.properties, rate: rates.get(f.properties.code) ?? 0 } })) } : undefined),
    [shapes.data, rates],
  );
  const breaks = useMemo(() => classBreaks([...rates.values()]), [rates]);
  const sorted = [...overview.communes].sort((a, b) => a.name.localeCompare(b.name, locale));
  return (
    <section aria-labelledby="acted-map-title">
      <h3 id="acted-map-title">{o('map.title')}</h3>
      <p>{o('map.caption', { minGroup })}</p>
      {data ? (
        <MapPanel
          data={data}
          bbox={bbox}
          breaks={breaks}
          territoryName={overview.name}
          legend={{ title: o('map.col.rate'), none: t('privacy.smallGroup', { minGroup }), some: o('map.some') }}
        />
      ) : null}
      <details>
        <summary>{o('map.table')}</summary>
        <div class="table-scroll" role="region" aria-labelledby="acted-caption" tabIndex={0}>
          <table class="data-table">
            <caption id="acted-caption">{o('map.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{o('map.col.commune')}</th>
                <th scope="col" class="numeric">{o('map.col.people')}</th>
                <th scope="col" class="numeric">{o('map.col.rate')}</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((c) => (
                <tr key={c.code}>
                  <th scope="row">{c.name}</th>
                  {isSuppressed(c) ? (
                    <td colSpan={2}>
                      <SmallGroup minGroup={c.minGroup} />
                    </td>
                  ) : (
                    <>
                      <td class="numeric">{formatNumber(c.people)}</td>
                      <td class="numeric">{formatNumber(c.rate, 2)}</td>
                    </>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
