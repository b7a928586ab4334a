/** @module Referents named by Maille number or e-mail become residents of the territory, checked one by one; invitations are written and sent. */
import type { Executor } from '../core/database/schema.ts';
import { AppError } from '../core/errors.ts';
import { isBlockedEitherWay } from '../moderation/blocks.ts';
import type { NotifyContext } from '../notifications/notify.ts';
import type { TerritoryRef } from '../territories/queries.ts';
import { sendCheckInNotice } from './deliver.ts';
import type { ReferentHandle } from './validate.ts';

/** The user ids behind the handles (a handle with index -1 is reported at `field` itself): residents of this territory, not the resident themself, not blocked either way. */
export async function resolveReferents(db: Executor, territory: TerritoryRef, handles: readonly ReferentHandle[], residentId: string, field = '/referents'): Promise<string[]> {
  const ids: string[] = [];
  for (const h of handles) {
    const at = h.index < 0 ? field : `${field}/${h.index}`;
    let q = db
      .selectFrom('territory_members as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select('u.id')
      .where('m.territory_id', '=', territory.id)
      .where('u.deleted_at', 'is', null);
    q = h.kind === 'id' ? q.where('u.id', '=', h.id) : q.where('u.email', '=', h.email);
    const row = await q.executeTakeFirst();
    if (!row) throw new AppError('invalid', `No resident of ${territory.name} has this Maille number or e-mail address.`, { field: at, reason: 'referent_unknown' });
    if (row.id === residentId) throw new AppError('invalid', 'A referent is someone else: a neighbour, a relative, a volunteer.', { field: at, reason: 'referent_self' });
    if (ids.includes(row.id)) throw new AppError('invalid', 'This person is already in the list.', { field: at, reason: 'referent_duplicate' });
    if (await isBlockedEitherWay(db, residentId, row.id)) throw new AppError('invalid', 'This person cannot be invited.', { field: at, reason: 'referent_unavailable' });
    ids.push(row.id);
  }
  return ids;
}

/** Writes the invitations (status invited, no consent yet) and tells each person. Returns mails queued. */
export async function inviteReferents(
  trx: Executor,
  target: { territory: TerritoryRef; enrolmentId: string; residentId: string; residentName: string },
  userIds: readonly string[],
  ctx: NotifyContext,
): Promise<number> {
  if (userIds.length === 0) return 0;
  await trx
    .insertInto('check_in_referents')
    .values(userIds.map((id) => ({ territory_id: target.territory.id, enrolment_id: target.enrolmentId, user_id: id, status: 'invited' as const, invited_at: ctx.now })))
    .execute();
  return sendCheckInNotice(trx, { territory: target.territory, residentId: target.residentId, page: 'bonjour/referent' }, 'invited', userIds, { resident: target.residentName }, ctx);
}
