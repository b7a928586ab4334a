/** @module Organiser view of join requests waiting for approval: accept or refuse each one. */
import { useI18n } from '../core/i18n.tsx';
import type { Member } from '../core/types.ts';
import type { MemberActions } from './use-member-actions.ts';

export function PendingRequests({ members, actions }: { members: readonly Member[]; actions: MemberActions }) {
  const { t, formatDate } = useI18n();
  const pending = members.filter((member) => member.status === 'pending');
  return (
    <section aria-labelledby="pending-requests-title">
      <h3 id="pending-requests-title">{t('community.pending')}</h3>
      {pending.length === 0 ? <p>{t('community.noPending')}</p> : null}
      <ul class="members">
        {pending.map((member) => (
          <li key={member.userId} class="member">
            <span class="member-name">{member.displayName}</span>
            <span class="meta">{formatDate(member.joinedAt)}</span>
            <span class="member-actions">
              <button type="button" class="button button-small button-primary" onClick={() => actions.approve(member)}>
                {t('community.approve')} <span class="visually-hidden">{member.displayName}</span>
              </button>
              <button type="button" class="button button-small button-danger" onClick={() => actions.remove(member)}>
                {t('community.remove')} <span class="visually-hidden">{member.displayName}</span>
              </button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
