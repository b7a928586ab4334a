/** @module A signed-in resident's part of the home page: my week (whole: it is mine), my communities' week and the next useful actions. */
import { formatFigure } from '../core/figures.ts';
import { paths } from '../core/paths.ts';
import { isSuppressed, SmallGroup } from '../core/small-group.tsx';
import { checkInPaths } from '../check-ins/paths.ts';
import { aidPaths } from '../mutual-aid/paths.ts';
import type { MyOverview, NextAction } from './types.ts';
import { useOverviewI18n } from './use-overview-i18n.ts';

function hrefOf(slug: string, action: NextAction): string {
  switch (action.kind) {
    case 'carpool_match':
      return paths.carpool(slug);
    case 'sign_commitment':
      return action.id ? paths.engagement(slug, action.id) : paths.engagements(slug);
    case 'help_nearby':
      return aidPaths.nearby(slug);
    case 'check_in':
      return checkInPaths.bonjour(slug);
    case 'set_commute':
      return paths.commute(slug);
    case 'join_community':
      return paths.directory(slug);
  }
}

function NextActions({ slug, next }: { slug: string; next: readonly NextAction[] }) {
  const { o, op } = useOverviewI18n();
  const text = (a: NextAction) => {
    switch (a.kind) {
      case 'carpool_match':
        return op('next.carpool_match', a.count);
      case 'help_nearby':
        return op('next.help_nearby', a.count);
      case 'sign_commitment':
        return o('next.sign_commitment', { label: a.label ?? '' });
      default:
        return o(`next.${a.kind}`);
    }
  };
  return (
    <section aria-labelledby="next-title">
      <h3 id="next-title">{o('next.title')}</h3>
      {next.length === 0 ? (
        <p>{o('next.none')}</p>
      ) : (
        <ul class="next-actions" role="list">
          {next.map((a) => (
            <li key={`${a.kind}-${a.id ?? ''}`} data-next={a.kind}>
              <a class="button" href={hrefOf(slug, a)}>
                {text(a)}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function MyWeek({ slug, mine }: { slug: string; mine: MyOverview }) {
  const { o, op, formatNumber } = useOverviewI18n();
  const me = mine.mine;
  return (
    <section aria-labelledby="mine-title" class="overview-mine">
      <h2 id="mine-title">{o('mine.title')}</h2>
      <NextActions slug={slug} next={mine.next} />
      {me.gestures === 0 && me.helpGiven === 0 ? (
        <p>{o('mine.nothing')}</p>
      ) : (
        <ul class="inline-figures" role="list">
          <li>{op('mine.gestures', me.gestures)}</li>
          {me.helpGiven > 0 ? <li>{op('mine.helpGiven', me.helpGiven)}</li> : null}
          {me.co2eKg > 0 ? <li>{formatFigure(formatNumber, me.co2eKg, 'co2eKg')} {o('worth.co2e')}</li> : null}
          {me.jamHoursSparedToOthers > 0 ? <li>{formatFigure(formatNumber, me.jamHoursSparedToOthers, 'vehicleHours')} {o('worth.jam')}</li> : null}
        </ul>
      )}
      {mine.communities.length > 0 ? (
        <>
          <h3>{o('mine.communities')}</h3>
          <ul class="card-list" role="list">
            {mine.communities.map((c) => (
              <li key={c.id} class="card">
                <a href={paths.community(slug, c.id)}>{c.name}</a>
                <p>{isSuppressed(c.week) ? <SmallGroup minGroup={c.week.minGroup} /> : `${op('mine.communityPeople', c.week.people)} · ${op('mine.gestures', c.week.gestures)}`}</p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
