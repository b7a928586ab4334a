/** @module One peak period of a corridor: the queue chart (today vs with commitments), the share needed vs committed, the delay. */
import { StepChart } from '../core/charts/step-chart.tsx';
import { DataTable } from '../core/charts/data-table.tsx';
import { isSuppressed, shownNumber, SmallGroup } from '../core/small-group.tsx';
import { useMobilityI18n } from '../core/use-mobility-i18n.ts';
import { percentText } from './share.ts';
import type { Guarded, PeriodView } from './types.ts';

/** "07:45" + 15 → "08:00". */
function later(hhmm: string, minutes: number): string {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  const total = (h * 60 + m + minutes) % 1440;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

export function PeriodPanel({ view, slotMinutes }: { view: PeriodView; slotMinutes: number }) {
  const { m, mp, t, formatNumber } = useMobilityI18n();
  const first = view.slots[0]?.start ?? '';
  const last = later(view.slots[view.slots.length - 1]?.start ?? first, slotMinutes);
  const titleId = `period-${view.period}`;
  const peak = (values: number[]) => Math.max(0, ...values);
  const peakToday = peak(view.slots.map((s) => s.queueToday));
  // The queue "with the commitments" is guarded per period (every slot shown, or none): drawn only when shown.
  const withValues = view.slots.map((s) => shownNumber(s.queueWithCommitments));
  const withShown = withValues.every((v) => v !== undefined) ? withValues.filter((v) => v !== undefined) : null;
  const hidden = [view.committedDrivers, view.shareCommitted, view.vehicleHoursWithCommitments, ...view.slots.map((s) => s.queueWithCommitments)].find(isSuppressed);
  const minGroup = hidden?.minGroup ?? 0;
  const peakSlot = view.slots.find((s) => s.queueToday === peakToday)?.start ?? first;
  const percent = (share: number) => percentText(share, formatNumber);
  const one = (value: number) => formatNumber(value, 1);
  // Table cells are text: a suppressed figure reads as the same words the SmallGroup component shows.
  const oneOrHidden = (value: Guarded<number>) => (isSuppressed(value) ? t('privacy.smallGroup', { minGroup: value.minGroup }) : one(value));
  const todaySeries = { name: m('corridor.seriesToday'), values: view.slots.map((s) => s.queueToday) };
  return (
    <section aria-labelledby={titleId} class="period">
      <h2 id={titleId}>{m(view.period === 'am' ? 'corridor.am' : 'corridor.pm', { from: first, to: last })}</h2>
      <div class="share-compare">
        <p class="share-needed">
          {view.shareNeeded === null
            ? m('corridor.cannotClear')
            : view.shareNeeded.share === 0
              ? m('corridor.noQueue')
              : m('corridor.shareNeeded', { percent: percent(view.shareNeeded.share), minutes: view.shareNeeded.minutesEarlier })}
        </p>
        {isSuppressed(view.committedDrivers) || isSuppressed(view.shareCommitted) ? (
          <p class="share-committed" data-committed="suppressed">
            {m('corridor.committedHidden')} <SmallGroup minGroup={minGroup} />
          </p>
        ) : (
          <p class="share-committed" data-committed={view.committedDrivers}>
            {mp('corridor.committed', view.committedDrivers, { percent: percent(view.shareCommitted) })}
          </p>
        )}
      </div>
      {isSuppressed(view.vehicleHoursWithCommitments) ? (
        <p>
          {m('corridor.vehicleHoursTodayOnly', { today: one(view.vehicleHoursToday) })} <SmallGroup minGroup={view.vehicleHoursWithCommitments.minGroup} />
        </p>
      ) : (
        <p>{m('corridor.vehicleHours', { today: one(view.vehicleHoursToday), with: one(view.vehicleHoursWithCommitments) })}</p>
      )}
      <StepChart
        title={m('corridor.chartTitle')}
        description={
          withShown
            ? m('corridor.chartSummary', { today: one(peakToday), with: one(peak(withShown)), slot: peakSlot })
            : m('corridor.chartSummaryTodayOnly', { today: one(peakToday), slot: peakSlot })
        }
        slots={view.slots.map((s) => s.start)}
        series={withShown ? [todaySeries, { name: m('corridor.seriesWith'), values: withShown }] : [todaySeries]}
        format={(value) => formatNumber(value)}
        unit={m('corridor.unit')}
      >
        <details class="details">
          <summary>{m('corridor.details')}</summary>
          <DataTable
          caption={m('corridor.tableCaption')}
          columns={[
            { header: m('corridor.col.slot') },
            { header: m('corridor.col.demand'), numeric: true },
            { header: m('corridor.col.queueToday'), numeric: true },
            { header: m('corridor.col.queueWith'), numeric: true },
            { header: m('corridor.col.delayToday'), numeric: true },
            { header: m('corridor.col.delayWith'), numeric: true },
          ]}
          rows={view.slots.map((s) => ({
            key: s.start,
            cells: [s.start, formatNumber(s.demand), one(s.queueToday), oneOrHidden(s.queueWithCommitments), one(s.delayTodayMin), oneOrHidden(s.delayWithCommitmentsMin)],
          }))}
        />
        </details>
      </StepChart>
    </section>
  );
}
