/** @module "Cette semaine": gestures by kind and what they are worth, each figure with its source, under the small-group rule. */
import { dayOnly, formatDay } from '../core/dates.ts';
import { formatFigure } from '../core/figures.ts';
import { isSuppressed, SmallGroup } from '../core/small-group.tsx';
import type { TerritoryOverview } from './types.ts';
import { useOverviewI18n } from './use-overview-i18n.ts';

type Props = { overview: TerritoryOverview; territoryName: string };

function Sources({ overview }: { overview: TerritoryOverview }) {
  const { o, locale } = useOverviewI18n();
  const editions = overview.provenance.factors.map((f) => o('source.factors', { edition: f.edition.name, date: formatDay(locale, dayOnly(f.edition.date)) }));
  return <>{[...new Set(editions)].join(' · ')}</>;
}

function Worth({ overview }: { overview: TerritoryOverview }) {
  const { o, formatNumber } = useOverviewI18n();
  const week = overview.thisWeek.mobility;
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
  const { mobility, help, volunteering, weekOf } = overview.thisWeek;
  return (
    <section aria-labelledby="week-title" class="overview-week">
      <h2 id="week-title">{o('week.title', { territory: territoryName })}</h2>
      <p class="muted">{o('week.since', { date: formatDay(locale, weekOf, false) })}</p>
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
      <Worth overview={overview} />
    </section>
  );
}
