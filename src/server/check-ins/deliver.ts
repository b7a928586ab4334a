/** @module Sends one check-in notice through notify(), in the caller's transaction; people who blocked each other are left out. */
import type { Executor } from '../core/database/schema.ts';
import { blockedAmong } from '../moderation/index.ts';
import { notify, type NotifyContext } from '../notifications/index.ts';
import { noticeMail, type CheckInNotice, type NoticeParams } from './messages.ts';

export interface NoticeTarget {
  territory: { id: string; slug: string };
  /** The resident the notice is about: people who blocked them (or whom they blocked) are not told. */
  residentId: string;
  /** The web page the notice links to (under /t/:territory). */
  page: 'bonjour' | 'bonjour/referent' | 'bonjour/permanence';
  /** People on duty are told even across a block: someone may be in need. */
  duty?: boolean;
}

export async function sendCheckInNotice(
  trx: Executor,
  target: NoticeTarget,
  notice: CheckInNotice,
  userIds: readonly string[],
  params: NoticeParams,
  ctx: NotifyContext,
): Promise<number> {
  const blocked = target.duty ? new Set<string>() : await blockedAmong(trx, target.residentId, userIds);
  const to = userIds.filter((id) => !blocked.has(id));
  if (to.length === 0) return 0;
  const result = await notify(
    trx,
    {
      territoryId: target.territory.id,
      userIds: to,
      kind: `check_in.${notice}`,
      params: { ...params },
      // Notices name the resident: erasing the resident scrubs them.
      about: [target.residentId],
      link: `/t/${target.territory.slug}/${target.page}`,
      mail: noticeMail(notice, params),
    },
    ctx,
  );
  return result.mailed;
}
