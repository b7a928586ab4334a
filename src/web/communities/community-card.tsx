/** @module One community in a list: linked name, kind, members, and my status when I belong to it. */
import { useI18n } from '../core/i18n.tsx';
import { paths } from '../core/paths.ts';
import type { Community } from '../core/types.ts';

export function CommunityCard({ slug, community }: { slug: string; community: Community }) {
  const { t, tp } = useI18n();
  return (
    <li class="card">
      <h3 class="card-title">
        <a href={paths.community(slug, community.id)}>{community.name}</a>
      </h3>
      <p class="meta">
        {t(`kind.${community.kind}`)} · {tp('members', community.memberCount)}
        {community.visibility === 'private' ? ` · ${t('community.private')}` : ''}
      </p>
      {community.myStatus === 'pending' ? <p class="badge badge-pending">{t('status.pending')}</p> : null}
      {community.myStatus === 'active' && community.myRole ? (
        <p class="badge">{t('community.yourRole', { role: t(`role.${community.myRole}`) })}</p>
      ) : null}
      {community.description ? <p class="card-text">{community.description}</p> : null}
    </li>
  );
}
