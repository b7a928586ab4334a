/** @module /t/:territory/axes/:id — a corridor: queue per slot today vs with commitments, share needed vs committed, commit and record. */
import { useLocation } from 'preact-iso';
import { territoryPath } from '../core/api.ts';
import { PageHeading } from '../core/page-heading.tsx';
import { paths } from '../core/paths.ts';
import { isSuppressed, SmallGroup } from '../core/small-group.tsx';
import { useSession } from '../core/session.tsx';
import { ErrorNotice, Loading } from '../core/status.tsx';
import { useFetch } from '../core/use-fetch.ts';
import { useMobilityI18n } from '../core/use-mobility-i18n.ts';
import { isResident } from '../commute/use-profile.ts';
import { CommitForm } from './commit-form.tsx';
import { CorridorDays } from './corridor-days.tsx';
import { CorridorMap } from './corridor-map.tsx';
import { modelNoteKey } from './model-note.ts';
import { MyCommitments } from './my-commitments.tsx';
import { PeriodPanel } from './period-panel.tsx';
import { guardedSum } from './share.ts';
import type { Commitment, CorridorView, Guarded } from './types.ts';

export function CorridorPage({ territory: slug, id }: { territory: string; id: string }) {
  const { m, t, formatNumber } = useMobilityI18n();
  const { me } = useSession();
  const { url } = useLocation();
  const corridor = useFetch<CorridorView>(territoryPath(slug, `/corridors/${encodeURIComponent(id)}`));
  const commitments = useFetch<{ items: Commitment[] }>(isResident(me, slug) ? territoryPath(slug, '/shift-commitments/mine') : null);
  const refresh = () => {
    corridor.reload();
    commitments.reload();
  };

  if (corridor.error && !corridor.data) {
    const missing = corridor.error.code === 'not_found';
    return (
      <section class="page">
        <PageHeading title={missing ? m('corridor.notFound') : m('corridors.title')} />
        {missing ? <a href={paths.corridors(slug)}>{m('corridor.back')}</a> : <ErrorNotice error={corridor.error} />}
      </section>
    );
  }
  const c = corridor.data;
  if (!c) return <Loading />;
  const mine = (commitments.data?.items ?? []).filter((item) => item.corridorId === c.id);
  const noteKey = modelNoteKey(c.model);
  // The week's figure adds up days; with one of them suppressed it would be a part read as the whole.
  const dayHidden = c.days.flatMap((d) => (isSuppressed(d) ? [d.minGroup] : []))[0];
  const saved: Guarded<number> = dayHidden === undefined ? c.vehicleHoursSavedThisWeek : { suppressed: true, reason: 'small_group', minGroup: dayHidden };
  const committed = guardedSum(c.periods.map((p) => p.committedDrivers));
  return (
    <div class="page">
      <PageHeading title={c.name} />
      <p class="meta">
        <a href={paths.corridors(slug)}>{m('corridor.back')}</a>
      </p>
      <p class="lead">{m('corridor.intro', { capacity: formatNumber(c.capacityPerHour), minutes: formatNumber(c.freeFlowMin, 1) })}</p>
      <section aria-labelledby="commit-title">
        <h2 id="commit-title">{m('commit.title')}</h2>
        <p>{m('commit.intro')}</p>
        {me === null ? (
          <p class="actions">
            <a class="button button-primary" href={paths.signIn(slug, url)}>{t('home.signIn')}</a>
            <a class="button" href={paths.signUp(slug, url)}>{t('home.join')}</a>
          </p>
        ) : null}
        {commitments.error ? <ErrorNotice error={commitments.error} /> : null}
        {mine.length > 0 ? (
          <>
            <h3>{m('commitment.mine')}</h3>
            <MyCommitments slug={slug} corridor={c} commitments={mine} onChange={refresh} />
          </>
        ) : null}
        {me ? (
          <>
            {mine.length > 0 ? <h3>{m('commit.new')}</h3> : null}
            <CommitForm slug={slug} corridor={c} onCommitted={refresh} />
          </>
        ) : null}
      </section>
      <dl class="figures figures-2">
        <div class="figure">
          <dt>{m('corridor.savedThisWeek')}</dt>
          <dd class="figure-value" data-testid="saved-this-week">
            {isSuppressed(saved) ? (
              <SmallGroup minGroup={saved.minGroup} />
            ) : (
              <>
                {formatNumber(saved, 2)} <span class="figure-unit">{m('corridor.jamHours')}</span>
              </>
            )}
          </dd>
          <dd class="figure-source">{m('corridor.savedSource')}</dd>
        </div>
        <div class="figure">
          <dt>{m('corridor.committedToday')}</dt>
          <dd class="figure-value">{isSuppressed(committed) ? <SmallGroup minGroup={committed.minGroup} /> : formatNumber(committed)}</dd>
          <dd class="figure-source">{m('corridor.committedSource')}</dd>
        </div>
      </dl>
      <CorridorMap slug={slug} corridor={c} />
      {c.periods.map((view) => (
        <PeriodPanel key={view.period} view={view} slotMinutes={c.slotMinutes} />
      ))}
      <CorridorDays days={c.days} />
      <p class="model-note">
        <strong>{m('corridor.model')}</strong> {noteKey ? m(noteKey) : <span lang="en">{c.model}</span>}
      </p>
    </div>
  );
}
