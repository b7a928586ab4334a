/** @module "Vous n'êtes pas seul·e": how many others made the same kind of gesture this week, in the territory and one's communities. */
import { useMobilityI18n } from '../core/use-mobility-i18n.ts';
import { isSuppressed, SmallGroup } from '../core/small-group.tsx';
import type { NotAlone as NotAloneCounts } from './types.ts';

export function NotAlone({ counts }: { counts: NotAloneCounts }) {
  const { m, mp } = useMobilityI18n();
  const kind = m(`notAlone.kind.${counts.kind ?? 'any'}`);
  const withOthers = counts.communities.filter((c) => c.others > 0);
  const communities =
    withOthers.length > 0 ? (
      <ul>
        {withOthers.map((community) => (
          <li key={community.id}>{mp('notAlone.community', community.others, { name: community.name })}</li>
        ))}
      </ul>
    ) : null;
  // Fewer than the small-group threshold in the territory: the count is not given, only that others may have.
  if (isSuppressed(counts.territory)) {
    return (
      <div class="not-alone">
        <p>
          <strong>{m('notAlone.firstTitle')}</strong> <SmallGroup minGroup={counts.territory.minGroup} />
        </p>
        {communities}
      </div>
    );
  }
  const territory = counts.territory;
  return (
    <div class="not-alone">
      <p>
        <strong>{territory > 0 ? m('notAlone.title') : m('notAlone.firstTitle')}</strong>{' '}
        {territory > 0 ? mp('notAlone.territory', territory, { kind }) : m('notAlone.first', { kind })}
      </p>
      {communities}
    </div>
  );
}
