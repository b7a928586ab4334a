/** @module Impact totals (each with where it comes from) and weekly bar charts: CO2e, car-km, gestures, people. */
import { BarChart, type Bar } from '../core/charts/bar-chart.tsx';
import { formatShortDay } from '../core/dates.ts';
import { formatFigure } from '../core/figures.ts';
import { useMobilityI18n } from '../core/use-mobility-i18n.ts';
import { isSuppressed, SmallGroup, type Suppressed } from '../core/small-group.tsx';
import type { ImpactView, WeekImpact } from './types.ts';

interface Props {
  view: ImpactView;
  /** Heading level of the section titles inside (2 on a page, 3 inside a panel). */
  level?: 2 | 3;
  /** People per week: meaningful for a community or the territory, not for one person. */
  withPeople?: boolean;
  idPrefix: string;
}

export function ImpactFigures({ view, level = 2, withPeople, idPrefix }: Props) {
  const { m, mp, formatNumber, locale } = useMobilityI18n();
  const Heading = level === 2 ? 'h2' : 'h3';
  // Outside a group, weeks and totals built from too few people come suppressed (docs/privacy.md): charts show the weeks shown.
  const totals = isSuppressed(view.totals) ? null : view.totals;
  const shownWeeks = view.weeks.filter((w): w is WeekImpact => !isSuppressed(w));
  const hiddenWeeks = view.weeks.find((w) => isSuppressed(w)) as Suppressed | undefined;
  const bars = (pick: (w: WeekImpact) => number): Bar[] =>
    shownWeeks.map((w) => ({ key: w.weekOf, label: formatShortDay(locale, w.weekOf), value: pick(w) }));
  const chart = (title: string, unit: string, pick: (w: WeekImpact) => number, digits: number) => {
    const integer = digits === 0;
    const data = bars(pick);
    const total = data.reduce((sum, b) => sum + b.value, 0);
    const best = data.reduce<Bar | undefined>((top, b) => (b.value > (top?.value ?? 0) ? b : top), undefined);
    return (
      <BarChart
        title={title}
        description={
          best
            ? m('chart.weeklySummary', { title, total: formatNumber(total, digits), unit, best: formatNumber(best.value, digits), week: best.label })
            : m('chart.weeklyEmpty', { title })
        }
        bars={data}
        format={(value) => formatNumber(value, digits)}
        labelHeader={m('chart.week')}
        valueHeader={unit}
        integer={integer}
      />
    );
  };
  return (
    <>
      <section aria-labelledby={`${idPrefix}-totals`}>
        <Heading id={`${idPrefix}-totals`}>{m('impact.totals', { weeks: view.weeks.length })}</Heading>
        {totals === null ? (
          <p class="figure-note">
            <SmallGroup minGroup={isSuppressed(view.totals) ? view.totals.minGroup : 0} />
          </p>
        ) : (
        <dl class="figures">
          <div class="figure">
            <dt>{m('impact.co2')}</dt>
            <dd class="figure-value" data-figure="co2">{m('unit.kg', { value: formatFigure(formatNumber, totals.co2eKg, 'co2eKg') })}</dd>
            <dd class="figure-source">{m('impact.source.co2', { version: view.factorsVersion })}</dd>
          </div>
          <div class="figure">
            <dt>{m('impact.carKm')}</dt>
            <dd class="figure-value" data-figure="carKm">{m('unit.km', { value: formatFigure(formatNumber, totals.carKm, 'carKm') })}</dd>
            <dd class="figure-source">{m('impact.source.carKm')}</dd>
          </div>
          <div class="figure">
            <dt>{m('impact.euros')}</dt>
            <dd class="figure-value">{m('unit.euros', { value: formatFigure(formatNumber, totals.euros, 'euros') })}</dd>
            <dd class="figure-source">{m('impact.source.euros')}</dd>
          </div>
          <div class="figure">
            <dt>{m('impact.gestures')}</dt>
            <dd class="figure-value" data-figure="gestures">{formatNumber(totals.gestures)}</dd>
            <dd class="figure-source">
              {[mp('impact.count.carpools', totals.carpools), mp('impact.count.shifts', totals.shifts), mp('impact.count.switches', totals.modeSwitches)].join(', ')}
              {/* Only switches that replaced a car trip avoid anything: say how many did. */}
              {totals.modeSwitches > 0 ? ` (${mp('impact.count.againstCar', totals.modeSwitchesAgainstCar)})` : null}
            </dd>
          </div>
          <div class="figure">
            <dt>{m('impact.delay')}</dt>
            <dd class="figure-value">
              {formatFigure(formatNumber, totals.delaySavedVehicleHours, 'vehicleHours')} <span class="figure-unit">{m('unit.vehicleHoursName')}</span>
            </dd>
            <dd class="figure-source">{m('impact.source.delay')}</dd>
          </div>
        </dl>
        )}
        <p class="figure-note">{m('impact.sourceNote', { version: view.factorsVersion })}</p>
      </section>
      <section aria-labelledby={`${idPrefix}-weeks`}>
        <Heading id={`${idPrefix}-weeks`}>{m('impact.byWeek')}</Heading>
        {hiddenWeeks ? (
          <p class="figure-note">
            {view.weeks.length - shownWeeks.length} / {view.weeks.length} : <SmallGroup minGroup={hiddenWeeks.minGroup} />
          </p>
        ) : null}
        <div class="charts">
          {chart(m('impact.chart.co2'), m('unit.kgShort'), (w) => w.co2eKg, 1)}
          {chart(m('impact.chart.carKm'), m('unit.kmShort'), (w) => w.carKm, 1)}
          {chart(m('impact.chart.gestures'), m('unit.gesturesShort'), (w) => w.gestures, 0)}
          {withPeople ? chart(m('impact.chart.people'), m('unit.peopleShort'), (w) => w.people, 0) : null}
        </div>
      </section>
    </>
  );
}
