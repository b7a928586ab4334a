/** @module Active members with their role; organisers also get "make organiser" and "remove" for each one. */
import { useI18n } from '../core/i18n.tsx';
import { ErrorNotice } from '../core/status.tsx';
import type { Member } from '../core/types.ts';
import type { MemberActions } from './use-member-actions.ts';

interface Props {
  members: readonly Member[];
  myId: string;
  actions: MemberActions | null;
}

export function MembersList({ members, myId, actions }: Props) {
  const { t, formatDate } = useI18n();
  const active = members.filter((member) => member.status === 'active');
  return (
    <section aria-labelledby="members-title">
      <h2 id="members-title">{t('community.members')}</h2>
      {actions?.error ? <ErrorNotice message={actions.error} /> : null}
      <ul class="members">
        {active.map((member) => (
          <li key={member.userId} class="member">
            <span class="member-name">
              {member.displayName}
              {member.userId === myId ? ` ${t('community.you')}` : ''}
            </span>
            <span class="meta">
              {t(`role.${member.role}`)} · {t('community.since', { date: formatDate(member.joinedAt) })}
            </span>
            {actions && member.userId !== myId ? (
              <span class="member-actions">
                {member.role === 'member' ? (
                  <button type="button" class="button button-small" onClick={() => actions.promote(member)}>
                    {t('community.promote')} <span class="visually-hidden">{member.displayName}</span>
                  </button>
                ) : null}
                <button type="button" class="button button-small button-danger" onClick={() => actions.remove(member)}>
                  {t('community.remove')} <span class="visually-hidden">{member.displayName}</span>
                </button>
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
