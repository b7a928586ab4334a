/** @module "Vous n'êtes pas seul·e": how many others made the same kind of gesture this week, in the territory and one's communities. */
import { useMobilityI18n } from '../core/use-mobility-i18n.ts';
import type { NotAlone as NotAloneCounts } from './types.ts';

export function NotAlone({ counts }: { counts: NotAloneCounts }) {
  const { m, mp } = useMobilityI18n();
  const kind = m(`notAlone.kind.${counts.kind ?? 'any'}`);
  const withOthers = counts.communities.filter((c) => c.others > 0);
  return (
    <div class="not-alone">
      <p>
        <strong>{counts.territory > 0 ? m('notAlone.title') : m('notAlone.firstTitle')}</strong>{' '}
        {counts.territory > 0 ? mp('notAlone.territory', counts.territory, { kind }) : m('notAlone.first', { kind })}
      </p>
      {withOthers.length > 0 ? (
        <ul>
          {withOthers.map((community) => (
            <li key={community.id}>{mp('notAlone.community', community.others, { name: community.name })}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
