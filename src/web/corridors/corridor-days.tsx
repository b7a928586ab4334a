/** @module A corridor's days of recorded shifts this week: everyone's gain, the shifters' own, the net spared to others — negative days said and explained. */
import { DataTable } from '../core/charts/data-table.tsx';
import { formatDay } from '../core/dates.ts';
import { isSuppressed } from '../core/small-group.tsx';
import { useMobilityI18n } from '../core/use-mobility-i18n.ts';
import type { CorridorDay, CorridorView } from './types.ts';

export function CorridorDays({ days }: { days: CorridorView['days'] }) {
  const { m, t, formatNumber, locale } = useMobilityI18n();
  if (days.length === 0) return null;
  const hours = (value: number) => formatNumber(value, 2);
  const day = (d: CorridorDay) => `${formatDay(locale, d.date, false)}, ${m(d.period === 'am' ? 'corridor.days.am' : 'corridor.days.pm')}`;
  // A day of too few shifts keeps its date and period; its figures read as the words the SmallGroup component shows.
  const cells = (d: CorridorDay) =>
    isSuppressed(d)
      ? Array<string>(4).fill(t('privacy.smallGroup', { minGroup: d.minGroup }))
      : [formatNumber(d.shifts), hours(d.totalVehicleHours), hours(d.shiftersVehicleHours), hours(d.othersVehicleHours)];
  const worse = days.flatMap((d) => (isSuppressed(d) || d.worseAt === null ? [] : [{ ...d, worseAt: d.worseAt }]));
  return (
    <section aria-labelledby="corridor-days">
      <h2 id="corridor-days">{m('corridor.days.title')}</h2>
      <p>{m('corridor.days.intro')}</p>
      <details class="details">
        <summary>{m('corridor.details')}</summary>
        <DataTable
        caption={m('corridor.days.caption')}
        columns={[
          { header: m('corridor.days.col.day') },
          { header: m('corridor.days.col.shifts'), numeric: true },
          { header: m('corridor.days.col.total'), numeric: true },
          { header: m('corridor.days.col.shifters'), numeric: true },
          { header: m('corridor.days.col.others'), numeric: true },
        ]}
        rows={days.map((d) => ({
          key: `${d.date}-${d.period}`,
          cells: [day(d), ...cells(d)],
        }))}
      />
      </details>
      {worse.map((d) => (
        <p key={`${d.date}-${d.period}`} class="notice" data-testid="worse-day">
          {m('corridor.days.worse', { day: formatDay(locale, d.date, false), period: m(d.period === 'am' ? 'corridor.days.am' : 'corridor.days.pm'), slot: d.worseAt })}
        </p>
      ))}
    </section>
  );
}
