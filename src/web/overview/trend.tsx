/** @module The last weeks: mobility gestures per week as an accessible bar chart (a week built from too few people is left blank, never drawn as 0). */
import { BarChart } from '../core/charts/bar-chart.tsx';
import { formatShortDay } from '../core/dates.ts';
import { isSuppressed } from '../core/small-group.tsx';
import type { TrendWeek } from './types.ts';
import { useOverviewI18n } from './use-overview-i18n.ts';

export function Trend({ weeks }: { weeks: readonly TrendWeek[] }) {
  const { o, locale, formatNumber } = useOverviewI18n();
  const shown = weeks.filter((w) => !isSuppressed(w.mobility));
  if (shown.length === 0) return null;
  const bars = shown.map((w) => ({ key: w.weekOf, label: formatShortDay(locale, w.weekOf), value: isSuppressed(w.mobility) ? 0 : w.mobility.gestures }));
  const highest = bars.reduce((a, b) => (b.value > a.value ? b : a));
  return (
    <section aria-labelledby="trend-title">
      <h3 id="trend-title">{o('trend.title')}</h3>
      <BarChart
        title={o('trend.caption')}
        description={`${o('trend.caption')} : ${bars.map((b) => `${b.label} ${formatNumber(b.value)}`).join(', ')} (max. ${highest.label}).`}
        bars={bars}
        format={(v) => formatNumber(v)}
        labelHeader={o('trend.week')}
        valueHeader={o('trend.gestures')}
        integer
      />
    </section>
  );
}
