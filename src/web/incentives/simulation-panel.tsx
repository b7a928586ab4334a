/** @module The builder's live simulation: cost per week (accessible bar chart + table), budget gauge, people, caps, and how it is computed. */
import { useState } from 'preact/hooks';
import { BarChart } from '../core/charts/bar-chart.tsx';
import { formatShortDay } from '../core/dates.ts';
import { describeApiError } from '../core/error-message.ts';
import { isSuppressed, SmallGroup } from '../core/small-group.tsx';
import type { Simulation, WeekCost } from '../../server/incentives/schemas.ts';
import { BudgetGauge } from './budget-gauge.tsx';
import { formatEuros } from './money.ts';
import type { CampaignMode, CapKind } from './types.ts';
import { useIncentivesI18n } from './use-incentives-i18n.ts';
import { SIMULATION_WEEKS, type SimulationState, type SimulationWeeks } from './use-simulation.ts';

interface Props {
  state: SimulationState;
  weeks: SimulationWeeks;
  onWeeks: (weeks: SimulationWeeks) => void;
  mode: CampaignMode;
  prizeCents: number | null;
  winnersPerWeek: number | null;
  /** Id of the field a server error names, for a link to it. */
  errorFieldId: string | null;
  /** Labels of the fields still to fill in before anything can be simulated. */
  missing: readonly string[];
}

const CAPS: readonly CapKind[] = ['person_day', 'person_month', 'budget'];

export function SimulationPanel({ state, weeks, onWeeks, mode, prizeCents, winnersPerWeek, errorFieldId, missing }: Props) {
  const { c, cp, t, locale, day, formatNumber } = useIncentivesI18n();
  const [showTable, setShowTable] = useState(false);
  const lottery = mode === 'lottery';
  const amount = (cents: number) => (lottery ? cp('points', cents) : formatEuros(locale, cents));
  // Axis labels stay short: whole euros without ",00".
  const axis = (cents: number) =>
    lottery ? formatNumber(cents) : cents % 100 === 0 ? `${formatNumber(cents / 100)} €` : formatEuros(locale, cents);
  // Figures built from fewer than the small-group threshold come suppressed (docs/privacy.md): then only that is said.
  const guarded = state.result;
  const hidden = guarded && isSuppressed(guarded.totalCents) ? guarded.totalCents : null;
  const result = guarded && !hidden ? (guarded as unknown as Simulation & { from: string; to: string; weeks: number }) : null;
  const shownWeeks = result ? result.perWeek.filter((w): w is WeekCost => !isSuppressed(w)) : [];
  const busiest = shownWeeks.reduce<WeekCost | undefined>((best, w) => (!best || w.cents > best.cents ? w : best), undefined);
  const summary = result
    ? busiest && result.totalCents > 0
      ? c('sim.chartSummary', { total: amount(result.totalCents), weeks: shownWeeks.length, week: day(busiest.weekOf), max: amount(busiest.cents) })
      : c('sim.chartEmpty')
    : '';
  return (
    <section class="simulation" aria-labelledby="simulation-title" data-testid="simulation">
      <h2 id="simulation-title">{c('sim.title')}</h2>
      <p>{c('sim.intro')}</p>
      <div class="field">
        <label for="simulation-weeks">{c('sim.weeks')}</label>
        <select id="simulation-weeks" value={String(weeks)} onChange={(e) => onWeeks(Number(e.currentTarget.value) as SimulationWeeks)}>
          {SIMULATION_WEEKS.map((w) => (
            <option key={w} value={String(w)}>{c('sim.weeksOption', { count: w })}</option>
          ))}
        </select>
      </div>
      <p class="sim-status">
        {state.status === 'waiting' ? c('sim.waiting') : state.status === 'running' ? c('sim.running') : ''}
        {state.status === 'waiting' && missing.length > 0 ? ` ${c('sim.missing', { fields: new Intl.ListFormat(locale, { type: 'conjunction' }).format(missing) })}` : null}
      </p>
      {state.status === 'error' && state.error ? (
        <p class="notice notice-error">
          <span class="error-prefix">{t('error.prefix')}</span> {c('sim.failed')} {describeApiError(state.error, t)}
          {errorFieldId ? (
            <>
              {' '}
              <a href={`#${errorFieldId}`}>→</a>
            </>
          ) : null}
        </p>
      ) : null}
      {hidden && guarded ? (
        <p class="notice notice-info" data-testid="sim-small-group">
          {c('sim.range', { from: day(guarded.from), to: day(guarded.to) })} <SmallGroup minGroup={hidden.minGroup} />
        </p>
      ) : null}
      {result ? (
        <div>
          {/* Announced once per finished simulation, not on every keystroke. */}
          <p class="visually-hidden" aria-live="polite">{state.status === 'done' ? summary : ''}</p>
          <p class="meta">{c('sim.range', { from: day(result.from), to: day(result.to) })}</p>
          <BarChart
            title={c('sim.chartTitle')}
            description={summary}
            bars={shownWeeks.map((w) => ({ key: w.weekOf, label: formatShortDay(locale, w.weekOf), value: w.cents }))}
            format={axis}
            labelHeader={c('sim.col.week')}
            valueHeader={c('sim.col.cost')}
            showTable={showTable}
          />
          <p>
            <button type="button" class="button button-small" aria-expanded={showTable ? 'true' : 'false'} onClick={() => setShowTable(!showTable)}>
              {showTable ? c('sim.hideTable') : c('sim.showTable')}
            </button>
          </p>
          {lottery ? (
            <p class="notice notice-info">
              {c('sim.lotteryNote', { prize: prizeCents === null ? '—' : formatEuros(locale, prizeCents), winners: winnersPerWeek ?? '—' })}
            </p>
          ) : (
            <>
              <h3 id="simulation-gauge">{c('gauge.title')}</h3>
              <BudgetGauge usedCents={result.totalCents} budgetCents={result.budgetCents} projected />
            </>
          )}
          <dl class="figures">
            <div class="figure">
              <dt>{c('sim.total')}</dt>
              <dd class="figure-value" data-testid="sim-total">{amount(result.totalCents)}</dd>
            </div>
            <div class="figure">
              <dt>{c('sim.people')}</dt>
              <dd class="figure-value">{formatNumber(result.perPerson.people)}</dd>
            </div>
            <div class="figure">
              <dt>{c('sim.median')}</dt>
              <dd class="figure-value">{amount(result.perPerson.medianCents)}</dd>
            </div>
            <div class="figure">
              <dt>{c('sim.max')}</dt>
              <dd class="figure-value">{amount(result.perPerson.maxCents)}</dd>
            </div>
            <div class="figure">
              <dt>{c('sim.gestures')}</dt>
              <dd>{c('sim.gesturesValue', { paid: result.paidGestures, eligible: result.eligibleGestures, all: result.gestures })}</dd>
            </div>
            <div class="figure">
              <dt>{c('sim.truncated')}</dt>
              <dd>{amount(result.truncatedCents)}</dd>
            </div>
          </dl>
          <h3>{c('sim.caps')}</h3>
          <ul>
            {CAPS.map((cap) => (
              <li key={cap}>
                {c('sim.capLine', { cap: c(`sim.cap.${cap}`), count: cp('sim.capCount', result.capsBit[cap] ?? 0) })}
              </li>
            ))}
          </ul>
          <details class="method">
            <summary>{c('sim.howTitle')}</summary>
            <ul>
              <li>{c('sim.how.source', { from: day(result.from), to: day(result.to), weeks: result.weeks })}</li>
              <li>{c('sim.how.alone')}</li>
              <li>{c('sim.how.caps')}</li>
              <li>{c('sim.how.figures')}</li>
            </ul>
          </details>
        </div>
      ) : null}
    </section>
  );
}
