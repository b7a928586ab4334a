/** @module Minimal messages between the two people of a ride; no phone or e-mail is ever shared by Maille. */
import { invalid } from '../core/errors.ts';
import type { RequestScope } from '../core/http/scope.ts';
import { inUnitOfWork, type Deps } from '../core/unit-of-work.ts';
import { requireResident } from '../territories/index.ts';
import { blockedError } from './blocked.ts';
import { findPartyMatch } from './match-access.ts';
import { tellRide } from './notices.ts';
import type { MessageView } from './schemas.ts';
import { isBlockedEitherWay } from '../moderation/index.ts';

export async function listMessages({ db }: Pick<Deps, 'db'>, { territory, viewer }: RequestScope, input: { matchId: string }): Promise<MessageView[]> {
  const actor = await requireResident(db, territory, viewer);
  const { match } = await findPartyMatch(db, territory.id, input.matchId, actor.userId);
  const rows = await db
    .selectFrom('carpool_messages as m')
    .leftJoin('users as u', 'u.id', 'm.sender_id')
    .select(['m.id', 'm.sender_id as senderId', 'u.display_name as sender', 'm.body', 'm.created_at as createdAt'])
    .where('m.match_id', '=', match.id)
    // Hidden by moderation (reported, awaiting review or removed).
    .where('m.hidden_at', 'is', null)
    .orderBy('m.id')
    .limit(500)
    .execute();
  return rows.map((r) => ({ ...r, sender: r.sender ?? '', mine: r.senderId === actor.userId }));
}

/** Writes to the ride's other person, who is told (the notice quotes the start of the message). */
export async function sendMessage(deps: Pick<Deps, 'db' | 'clock' | 'config' | 'bus'>, { territory, viewer }: RequestScope, input: { matchId: string; body: string }): Promise<{ id: string }> {
  const { db } = deps;
  const actor = await requireResident(db, territory, viewer);
  const { match } = await findPartyMatch(db, territory.id, input.matchId, actor.userId);
  const body = input.body.trim();
  if (!body) throw invalid('/body', 'The message is empty.');
  const other = match.driver_id === actor.userId ? match.passenger_id : match.driver_id;
  if (await isBlockedEitherWay(db, actor.userId, other)) throw blockedError();
  return inUnitOfWork(deps, async (work) => {
    const row = await work.db.insertInto('carpool_messages').values({ territory_id: territory.id, match_id: match.id, sender_id: actor.userId, body }).returning('id').executeTakeFirstOrThrow();
    await tellRide(work, deps, territory, match, { notice: 'message', from: actor.userId, to: [other], message: body });
    return row;
  });
}
