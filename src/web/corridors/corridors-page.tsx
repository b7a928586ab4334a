/** @module /t/:territory/axes — the congested corridors: today's queue and what a few earlier departures would change. */
import { territoryPath } from '../core/api.ts';
import { PageHeading } from '../core/page-heading.tsx';
import { paths } from '../core/paths.ts';
import { isSuppressed, SmallGroup } from '../core/small-group.tsx';
import { ErrorNotice, Loading } from '../core/status.tsx';
import { useFetch } from '../core/use-fetch.ts';
import { useMobilityI18n } from '../core/use-mobility-i18n.ts';
import { guardedSum } from './share.ts';
import type { CorridorView } from './types.ts';

export function CorridorsPage({ territory: slug }: { territory: string }) {
  const { m, mp, formatNumber } = useMobilityI18n();
  const corridors = useFetch<{ items: CorridorView[] }>(territoryPath(slug, '/corridors'));
  return (
    <div class="page">
      <PageHeading title={m('corridors.title')} />
      <p class="lead">{m('corridors.intro')}</p>
      {corridors.error ? <ErrorNotice error={corridors.error} /> : null}
      {!corridors.data && !corridors.error ? <Loading /> : null}
      {corridors.data?.items.length === 0 ? <p>{m('corridors.none')}</p> : null}
      <ul class="cards">
        {(corridors.data?.items ?? []).map((corridor) => {
          const hours = corridor.periods.reduce((sum, p) => sum + p.vehicleHoursToday, 0);
          const committed = guardedSum(corridor.periods.map((p) => p.committedDrivers));
          return (
            <li key={corridor.id} class="card">
              <h2 class="card-title">
                <a href={paths.corridor(slug, corridor.id)}>{corridor.name}</a>
              </h2>
              <p class="card-text">{m('corridors.hoursToday', { hours: formatNumber(hours, 0) })}</p>
              <p class="card-text">
                {isSuppressed(committed) ? (
                  <>
                    {m('corridors.committedHidden')} <SmallGroup minGroup={committed.minGroup} />
                  </>
                ) : (
                  mp('corridors.committed', committed)
                )}
              </p>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
