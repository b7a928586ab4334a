/** @module Communities by participation rate this week (share of members with a gesture): rates, never raw totals. */
import { useId } from 'preact/hooks';
import { formatShortDay } from '../core/dates.ts';
import { paths } from '../core/paths.ts';
import { useMobilityI18n } from '../core/use-mobility-i18n.ts';
import { isSuppressed, SmallGroup } from '../core/small-group.tsx';
import type { Rankings } from './types.ts';

export function RankingsTable({ slug, rankings }: { slug: string; rankings: Rankings }) {
  const { m, formatNumber, locale } = useMobilityI18n();
  const id = useId();
  if (rankings.items.length === 0) return <p>{m('rankings.none')}</p>;
  return (
    <div class="table-scroll" role="region" aria-labelledby={id} tabIndex={0}>
      <table class="data-table data-table-stack">
        <caption id={id}>{m('rankings.caption', { week: formatShortDay(locale, rankings.weekOf) })}</caption>
        <thead>
          <tr>
            <th scope="col" class="numeric">{m('rankings.col.rank')}</th>
            <th scope="col">{m('rankings.col.community')}</th>
            <th scope="col" class="numeric">{m('rankings.col.rate')}</th>
            <th scope="col" class="numeric">{m('rankings.col.members')}</th>
          </tr>
        </thead>
        <tbody>
          {rankings.items.map((item, i) => (
            <tr key={item.communityId}>
              <td class="numeric" data-label={m('rankings.col.rank')}>
                {formatNumber(i + 1)}
              </td>
              <th scope="row" data-label={m('rankings.col.community')}>
                <a href={paths.community(slug, item.communityId)}>{item.name}</a>
              </th>
              <td class="numeric" data-label={m('rankings.col.rate')}>
                {isSuppressed(item) ? (
                  <SmallGroup minGroup={item.minGroup} />
                ) : (
                  <>
                    <span class="rate-bar" aria-hidden="true">
                      <span class={`rate-fill rate-${Math.round(item.rate * 10)}`} />
                    </span>{' '}
                    {m('unit.percent', { value: formatNumber(item.rate * 100) })}
                  </>
                )}
              </td>
              <td class="numeric" data-label={m('rankings.col.members')}>
                {formatNumber(item.members)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
