/** @module "Cette semaine": gestures by kind and what they are worth, each figure with its source, under the small-group rule. */
import { dayOnly, formatDay } from '../core/dates.ts';
import { formatFigure } from '../core/figures.ts';
import { isSuppressed, SmallGroup } from '../core/small-group.tsx';
import { addDays } from '../core/dates.ts';
import type { OverviewWeek, TerritoryOverview } from './types.ts';
import { useOverviewI18n } from './use-overview-i18n.ts';

type Props = { overview: TerritoryOverview; territoryName: string };

const anyShown = (w: OverviewWeek) => !isSuppressed(w.mobility) || !isSuppressed(w.help) || !isSuppressed(w.volunteering);

/** This week once anything in it may be shown; else the week before (a Monday morning), whole. */
export function weekShown(overview: TerritoryOverview): { week: OverviewWeek; current: boolean } {
  if (anyShown(overview.thisWeek) || !anyShown(overview.lastWeek)) return { week: overview.thisWeek, current: true };
  return { week: overview.lastWeek, current: false };
}

function Sources({ overview }: { overview: TerritoryOverview }) {
  const { o, locale } = useOverviewI18n();
  const editions = overview.provenance.factors.map((f) => o('source.factors', { edition: f.edition.name, date: formatDay(locale, dayOnly(f.edition.date)) }));
  return <>{[...new Set(editions)].join(' · ')}</>;
}

function Worth({ overview, shown }: { overview: TerritoryOverview; shown: OverviewWeek }) {
  const { o, formatNumber } = useOverviewI18n();
  const week = shown.mobility;
  if (isSuppressed(week)) return null;
  const figures = [
    { key: 'co2e', value: formatFigure(formatNumber, week.co2eKg, 'co2eKg'), label: o('worth.co2e'), source: <Sources overview={overview} /> },
    { key: 'carKm', value: formatFigure(formatNumber, week.carKm, 'carKm'), label: o('worth.carKm'), source: <Sources overview={overview} /> },
    { key: 'euros', value: formatFigure(formatNumber, week.euros, 'euros'), label: o('worth.euros'), source: <Sources overview={overview} /> },
    { key: 'jam', value: formatFigure(formatNumber, week.jamHoursSparedToOthers, 'vehicleHours'), label: o('worth.jam'), source: o('source.queue') },
  ];
  return (
    <section aria-labelledby="worth-title">
      <h3 id="worth-title">{o('worth.title')}</h3>
      <dl class="figures">
        {figures.map((f) => (
          <div class="figure" key={f.key} data-figure={f.key}>
            <dt>{f.label}</dt>
            <dd class="figure-value">{f.value}</dd>
            <dd class="figure-source">{f.source}</dd>
          </div>
        ))}
      </dl>
      {week.jamHoursSparedToOthers < 0 ? <p class="notice notice-info">{o('worth.jamNegative')}</p> : null}
    </section>
  );
}

export function ThisWeek({ overview, territoryName }: Props) {
  const { o, op, locale, formatNumber } = useOverviewI18n();
  const { week, current } = weekShown(overview);
  const { mobility, help, volunteering, weekOf } = week;
  return (
    <section aria-labelledby="week-title" class="overview-week">
      <h2 id="week-title">{o(current ? 'week.title' : 'week.lastTitle', { territory: territoryName })}</h2>
      <p class="muted">
        {current
          ? o('week.since', { date: formatDay(locale, weekOf, false) })
          : o('week.from', { from: formatDay(locale, weekOf, false), to: formatDay(locale, addDays(weekOf, 6), false) })}
      </p>
      <ul class="gesture-cards" role="list">
        <li class="gesture-card" data-block="mobility">
          <h3>{o('week.mobility')}</h3>
          {isSuppressed(mobility) ? (
            <SmallGroup minGroup={mobility.minGroup} />
          ) : (
            <>
              <p class="gesture-lead">{op('week.mobilityPeople', mobility.people)}</p>
              <ul>
                <li>{op('week.carpools', mobility.carpools)}</li>
                <li>{op('week.shifts', mobility.shifts)}</li>
                <li>{op('week.tripsWithoutCar', mobility.tripsWithoutCar)}</li>
              </ul>
            </>
          )}
        </li>
        <li class="gesture-card" data-block="help">
          <h3>{o('week.help')}</h3>
          {isSuppressed(help) ? (
            <SmallGroup minGroup={help.minGroup} />
          ) : (
            <>
              <p class="gesture-lead">{op('week.helpDone', help.requestsDone)}</p>
              <p>{op('week.helpers', help.helpers)} · {o('week.helpHours', { hours: formatNumber(help.hours, 1) })}</p>
              <p class="figure-source">{o('source.help')}</p>
            </>
          )}
        </li>
        <li class="gesture-card" data-block="volunteering">
          <h3>{o('week.volunteering')}</h3>
          {isSuppressed(volunteering) ? (
            <SmallGroup minGroup={volunteering.minGroup} />
          ) : (
            <>
              <p class="gesture-lead">{op('week.attendances', volunteering.attendances)}</p>
              <p>{op('week.volunteers', volunteering.people)}</p>
              <p class="figure-source">{o('source.attendance')}</p>
            </>
          )}
        </li>
      </ul>
      <Worth overview={overview} shown={week} />
    </section>
  );
}
