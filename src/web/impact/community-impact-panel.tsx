/** @module A community's impact on its page: participation this week, totals, weekly charts; refreshed live on each member's gesture. */
import { territoryPath } from '../core/api.ts';
import { Loading } from '../core/status.tsx';
import { useFetch } from '../core/use-fetch.ts';
import { useMobilityI18n } from '../core/use-mobility-i18n.ts';
import { ImpactFigures } from './impact-figures.tsx';
import { MethodDetails } from './method-details.tsx';
import type { ImpactView } from './types.ts';
import { HelpImpactSection } from '../mutual-aid/help-impact.tsx';
import { useEventStream } from './use-event-stream.ts';
import { isSuppressed, SmallGroup } from '../core/small-group.tsx';

export function CommunityImpactPanel({ slug, id }: { slug: string; id: string }) {
  const { m, formatNumber } = useMobilityI18n();
  const base = territoryPath(slug, `/communities/${encodeURIComponent(id)}/impact`);
  const impact = useFetch<ImpactView>(`${base}?weeks=8`);
  useEventStream(impact.data ? `${base}/stream` : null, 'gesture', impact.reload);
  // A community one cannot see has no panel; other failures are left quiet here, the page shows its own state.
  if (impact.error) return null;
  const view = impact.data;
  const participation = view?.participation;
  return (
    <section aria-labelledby="community-impact-title" class="community-impact">
      <h2 id="community-impact-title">{m('communityImpact.title')}</h2>
      {!view ? <Loading /> : null}
      {participation && isSuppressed(participation) ? (
        <p class="lead">
          <SmallGroup minGroup={participation.minGroup} />
        </p>
      ) : participation ? (
        <p class="lead" data-rate={participation.rate}>
          {m('communityImpact.participation', {
            active: participation.active,
            members: participation.members,
            rate: formatNumber(participation.rate * 100),
          })}
        </p>
      ) : null}
      {view ? (
        <>
          <p class="meta">{m('communityImpact.live')}</p>
          <ImpactFigures view={view} level={3} withPeople idPrefix="community" />
          <MethodDetails view={view} />
          <HelpImpactSection slug={slug} scope={{ communityId: id }} level={3} />
        </>
      ) : null}
    </section>
  );
}
