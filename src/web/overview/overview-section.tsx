/**
 * @module The collective value on the home page (docs/overview.md): the territory's week for everyone, live; then, for a
 * signed-in resident, my week and next actions; for an operator, the to-do list. Loaded by the home page.
 */
import { ErrorNotice, Loading } from '../core/status.tsx';
import { useFetch } from '../core/use-fetch.ts';
import { useEventStream } from '../impact/use-event-stream.ts';
import { CommitmentsClose } from './commitments-close.tsx';
import { CommunesActed } from './communes-acted.tsx';
import { CorridorsNow } from './corridors-now.tsx';
import { MyWeek } from './my-week.tsx';
import { OperatorToDo } from './operator-to-do.tsx';
import { ThisWeek } from './this-week.tsx';
import { Trend } from './trend.tsx';
import type { MyOverview, TerritoryOverview, ToDo } from './types.ts';
import { overviewApi, useOverviewI18n } from './use-overview-i18n.ts';
import './overview.css';

interface Props {
  slug: string;
  bbox: [number, number, number, number];
  signedIn: boolean;
  operator: boolean;
}

function Method({ minGroup }: { minGroup: number }) {
  const { o } = useOverviewI18n();
  return (
    <details class="method">
      <summary>{o('method.summary')}</summary>
      <ul>
        <li>{o('method.week')}</li>
        <li>{o('method.people', { minGroup })}</li>
        <li>{o('method.avoided')}</li>
        <li>{o('method.jam')}</li>
      </ul>
    </details>
  );
}

/** The small-group threshold in force, read from any suppressed figure; the server's default otherwise. */
function minGroupOf(overview: TerritoryOverview): number {
  const all = [overview.thisWeek.mobility, overview.thisWeek.help, overview.thisWeek.volunteering, ...overview.communes];
  for (const x of all) if ('suppressed' in x) return x.minGroup;
  return 5;
}

export function OverviewSection({ slug, bbox, signedIn, operator }: Props) {
  const overview = useFetch<TerritoryOverview>(overviewApi.territory(slug));
  const mine = useFetch<MyOverview>(signedIn ? overviewApi.me(slug) : null);
  const todo = useFetch<ToDo>(operator ? overviewApi.todo(slug) : null);
  useEventStream(overviewApi.stream(slug), 'changed', () => {
    overview.reload();
    if (signedIn) mine.reload();
  });
  const { o } = useOverviewI18n();
  return (
    <>
      {todo.data ? <OperatorToDo slug={slug} todo={todo.data} /> : null}
      {mine.data ? <MyWeek slug={slug} mine={mine.data} /> : null}
      {overview.error ? <ErrorNotice error={overview.error} /> : null}
      {overview.data ? (
        <>
          <ThisWeek overview={overview.data} territoryName={overview.data.name} />
          <p class="muted live-note" aria-live="polite">{o('week.live')}</p>
          <Trend weeks={overview.data.trend} />
          <CorridorsNow slug={slug} corridors={overview.data.corridors} />
          <CommitmentsClose slug={slug} commitments={overview.data.commitments} />
          <CommunesActed slug={slug} overview={overview.data} bbox={bbox} minGroup={minGroupOf(overview.data)} />
          <Method minGroup={minGroupOf(overview.data)} />
        </>
      ) : overview.loading ? (
        <Loading />
      ) : null}
    </>
  );
}
