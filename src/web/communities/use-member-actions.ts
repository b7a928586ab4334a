/** @module Organiser actions on one member (approve, make organiser, remove), announced when done. */
import { useState } from 'preact/hooks';
import { callApi, territoryPath } from '../core/api.ts';
import { toApiError } from '../core/api-error.ts';
import { announce } from '../core/announce.ts';
import { describeApiError } from '../core/error-message.ts';
import { useI18n } from '../core/i18n.tsx';
import type { Member } from '../core/types.ts';

export interface MemberActions {
  approve: (member: Member) => void;
  promote: (member: Member) => void;
  remove: (member: Member) => void;
  error: string;
  busy: boolean;
}

export function useMemberActions(slug: string, communityId: string, onChange: () => void): MemberActions {
  const { t } = useI18n();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const base = (member: Member) => territoryPath(slug, `/communities/${encodeURIComponent(communityId)}/members/${encodeURIComponent(member.userId)}`);

  const run = (call: () => Promise<unknown>, done: string) => {
    if (busy) return;
    setBusy(true);
    setError('');
    call()
      .then(() => {
        announce(done);
        onChange();
      })
      .catch((caught: unknown) => setError(describeApiError(toApiError(caught), t)))
      .finally(() => setBusy(false));
  };

  return {
    approve: (member) => run(() => callApi('POST', `${base(member)}/approve`), t('community.approved', { name: member.displayName })),
    promote: (member) =>
      run(() => callApi('PUT', `${base(member)}/role`, { body: { role: 'organiser' } }), t('community.promoted', { name: member.displayName })),
    remove: (member) => run(() => callApi('DELETE', base(member)), t('community.removed', { name: member.displayName })),
    error,
    busy,
  };
}
