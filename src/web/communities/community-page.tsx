/** @module A community: what it is, how many belong, join/leave, members, and organiser tools. */
import { useEffect, useRef } from 'preact/hooks';
import { territoryPath } from '../core/api.ts';
import { useI18n } from '../core/i18n.tsx';
import { PageHeading } from '../core/page-heading.tsx';
import { useSession } from '../core/session.tsx';
import { ErrorNotice, Loading } from '../core/status.tsx';
import type { Community, MemberList } from '../core/types.ts';
import { useFetch } from '../core/use-fetch.ts';
import { useLazyComponent } from '../core/use-lazy-component.ts';
import { JoinPanel } from './join-panel.tsx';
import { MemberCount } from './member-count.tsx';
import { MembersList } from './members-list.tsx';
import { OrganiserTools } from './organiser-tools.tsx';
import { useMemberActions } from './use-member-actions.ts';
import { OrganiserModeration } from '../moderation/organiser-moderation.tsx';
import { ReportButton } from '../moderation/report-button.tsx';

// The impact panel (charts, live updates) is its own chunk, fetched once the community is shown.
const loadImpactPanel = () => import('../impact/community-impact-panel.tsx').then((m) => m.CommunityImpactPanel);

export function CommunityPage({ territory: slug, id }: { territory: string; id: string }) {
  const { t } = useI18n();
  const { me } = useSession();
  const path = territoryPath(slug, `/communities/${encodeURIComponent(id)}`);
  const community = useFetch<Community>(path);
  const c = community.data;
  const isMember = Boolean(me && c?.myStatus === 'active');
  const isOrganiser = isMember && c?.myRole === 'organiser';
  const members = useFetch<MemberList>(isMember ? `${path}/members` : null);
  const reloadAll = () => {
    community.reload();
    members.reload();
  };
  const actions = useMemberActions(slug, id, reloadAll);
  const ImpactPanel = useLazyComponent(loadImpactPanel);

  // Signing in or out changes myRole/myStatus and what a private community shows.
  const reload = community.reload;
  const seenUser = useRef(me?.id);
  useEffect(() => {
    if (me === undefined || seenUser.current === me?.id) return;
    seenUser.current = me?.id;
    reload();
  }, [me, reload]);

  if (community.error && !c) {
    const missing = community.error.code === 'not_found';
    return (
      <section class="page">
        <PageHeading title={missing ? t('community.notFound') : t('app.name')} />
        {missing ? null : <ErrorNotice error={community.error} />}
      </section>
    );
  }
  if (!c) return <Loading />;
  return (
    <div class="page">
      <PageHeading title={c.name} />
      <p class="meta">
        {t('community.kind', { kind: t(`kind.${c.kind}`) })} · {t('community.policy', { policy: t(`policy.${c.joinPolicy}`) })}
        {c.visibility === 'private' ? ` · ${t('community.private')}` : ''}
      </p>
      <MemberCount count={c.memberCount} />
      {c.description ? <p class="description">{c.description}</p> : null}
      {isOrganiser ? null : <ReportButton slug={slug} subjectType="community" subjectId={c.id} what={c.name} />}
      <JoinPanel slug={slug} community={c} onChange={reloadAll} />
      {isMember && members.data && me ? (
        <MembersList members={members.data.items} myId={me.id} actions={isOrganiser ? actions : null} />
      ) : null}
      {members.error ? <ErrorNotice error={members.error} /> : null}
      {ImpactPanel ? <ImpactPanel slug={slug} id={c.id} /> : null}
      {isOrganiser ? (
        <OrganiserTools slug={slug} community={c} members={members.data?.items ?? []} actions={actions} onCommunity={community.setData} />
      ) : null}
      {isOrganiser ? <OrganiserModeration slug={slug} communityId={c.id} /> : null}
    </div>
  );
}
