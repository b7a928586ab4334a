/** @module Referents named by Maille number or e-mail become residents of the territory, checked one by one; invitations are written and sent. */
import type { Executor } from '../core/database/schema.ts';
import { AppError } from '../core/errors.ts';
import { isBlockedEitherWay } from '../moderation/index.ts';
import type { NotifyContext } from '../notifications/index.ts';
import type { TerritoryRef } from '../territories/index.ts';
import { sendCheckInNotice } from './deliver.ts';
import type { ReferentHandle } from './validate.ts';

/** Refused in one way whether the person does not exist, is not of this territory or cannot be invited (a block). */
const unknownReferent = (territory: TerritoryRef, field: string) =>
  new AppError('invalid', `No resident of ${territory.name} can be invited with this Maille number or e-mail address.`, { field, reason: 'referent_unknown' });

/**
 * The user ids behind the handles: residents of this territory, not the resident themself, not blocked either way.
 * The answer never tells whether an account exists: naming oneself is recognised from one's own number and address
 * (not by looking others up); every handle is looked up before any refusal, and one that matches nobody or somebody
 * who cannot be invited gives the same `referent_unknown` on the list itself (`field`), whichever handle it was; two
 * handles of the same person count once. Handles with index -1 are reported at `field` itself.
 */
export async function resolveReferents(db: Executor, territory: TerritoryRef, handles: readonly ReferentHandle[], residentId: string, field = '/referents'): Promise<string[]> {
  const own = await db.selectFrom('users').select('email').where('id', '=', residentId).executeTakeFirst();
  for (const h of handles) {
    const isSelf = h.kind === 'id' ? h.id === residentId : own?.email != null && h.email === own.email.toLowerCase();
    if (isSelf) throw new AppError('invalid', 'A referent is someone else: a neighbour, a relative, a volunteer.', { field: h.index < 0 ? field : `${field}/${h.index}`, reason: 'referent_self' });
  }
  const ids: string[] = [];
  let unknown = false;
  for (const h of handles) {
    let q = db
      .selectFrom('territory_members as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select('u.id')
      .where('m.territory_id', '=', territory.id)
      .where('u.deleted_at', 'is', null);
    q = h.kind === 'id' ? q.where('u.id', '=', h.id) : q.where((eb) => eb(eb.fn('lower', ['u.email']), '=', h.email));
    const row = await q.executeTakeFirst();
    if (!row || row.id === residentId || (await isBlockedEitherWay(db, residentId, row.id))) unknown = true;
    else if (!ids.includes(row.id)) ids.push(row.id);
  }
  if (unknown) throw unknownReferent(territory, field);
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
