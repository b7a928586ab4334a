/** @module Organiser tools: invite link, pending requests and the community's settings. */
import { callApi, territoryPath } from '../core/api.ts';
import { announce } from '../core/announce.ts';
import { useI18n } from '../core/i18n.tsx';
import type { Community, Member } from '../core/types.ts';
import { CommunityForm, type CommunityValues } from './community-form.tsx';
import { InviteLink } from './invite-link.tsx';
import { PendingRequests } from './pending-requests.tsx';
import type { MemberActions } from './use-member-actions.ts';

interface Props {
  slug: string;
  community: Community;
  members: readonly Member[];
  actions: MemberActions;
  onCommunity: (community: Community) => void;
}

export function OrganiserTools({ slug, community, members, actions, onCommunity }: Props) {
  const { t } = useI18n();
  const save = async (values: CommunityValues) => {
    const { kind: _fixedAfterCreation, emailDomain, ...editable } = values;
    const body = emailDomain ? { ...editable, emailDomain } : editable;
    const next = await callApi<Community>('PATCH', territoryPath(slug, `/communities/${encodeURIComponent(community.id)}`), { body });
    onCommunity({ ...community, ...next });
    announce(t('community.saved'));
  };

  return (
    <section aria-labelledby="organiser-title" class="organiser-tools">
      <h2 id="organiser-title">{t('community.organiserTools')}</h2>
      {community.inviteCode ? (
        <InviteLink slug={slug} communityId={community.id} inviteCode={community.inviteCode} onRotated={(inviteCode) => onCommunity({ ...community, inviteCode })} />
      ) : null}
      <PendingRequests members={members} actions={actions} />
      <section aria-labelledby="settings-title">
        <h3 id="settings-title">{t('community.settings')}</h3>
        <CommunityForm
          key={community.id}
          idPrefix="settings"
          initial={community}
          submitLabel={t('community.saveSettings')}
          withKind={false}
          onSave={save}
        />
      </section>
    </section>
  );
}
