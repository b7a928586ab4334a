/** @module Joining a community (with an optional invite code) and the wording of a refused join. */
import { callApi, territoryPath } from '../core/api.ts';
import type { ApiError } from '../core/api-error.ts';
import { describeApiError } from '../core/error-message.ts';
import type { JoinAnswer, JoinPolicy, MembershipStatus } from '../core/types.ts';
import type { MessageKey, MessageParams } from '../i18n/translate.ts';

export async function joinCommunity(slug: string, id: string, inviteCode?: string): Promise<MembershipStatus> {
  const body = inviteCode ? { inviteCode } : {};
  const answer = await callApi<JoinAnswer>('POST', territoryPath(slug, `/communities/${encodeURIComponent(id)}/join`), { body });
  return answer.status;
}

/** A 403 on join means the policy was not met: say which one. */
export function explainJoinError(
  error: ApiError,
  community: { joinPolicy?: JoinPolicy; emailDomain?: string | null },
  t: (key: MessageKey, params?: MessageParams) => string,
): string {
  if (error.code !== 'forbidden') return describeApiError(error, t);
  if (community.joinPolicy === 'email_domain' && community.emailDomain) return t('community.forbiddenDomain', { domain: community.emailDomain });
  if (community.joinPolicy === 'invite') return t('community.forbiddenInvite');
  return t('community.forbidden');
}
