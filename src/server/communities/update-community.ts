/** @module Organisers edit a community's settings and rotate its invite code. */
import { newCode } from '../core/auth/tokens.ts';
import { invalid } from '../core/errors.ts';
import type { RequestScope } from '../core/http/scope.ts';
import type { Deps } from '../core/unit-of-work.ts';
import { recordAudit } from '../audit/index.ts';
import { requireOrganiser, resolveForResident } from './access.ts';
import { domainFor, type CommunityInput } from './create-community.ts';
import { countActiveMembers } from './queries.ts';
import { toCommunityView, type CommunityView } from './view.ts';

export async function updateCommunity(
  { db }: Pick<Deps, 'db'>,
  { territory, viewer, requestId }: RequestScope,
  input: { id: string; changes: Partial<CommunityInput> },
): Promise<CommunityView> {
  const access = await resolveForResident(db, territory, input.id, viewer);
  requireOrganiser(access);
  const current = access.community;
  const c = input.changes;
  const name = c.name === undefined ? current.name : c.name.trim();
  if (!name) throw invalid('/name', 'The name must not be blank.');
  const joinPolicy = c.joinPolicy ?? current.join_policy;
  const emailDomain = domainFor(joinPolicy, c.emailDomain ?? current.email_domain ?? undefined);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('communities')
      .set({
        name,
        description: c.description?.trim() ?? current.description,
        kind: c.kind ?? current.kind,
        visibility: c.visibility ?? current.visibility,
        join_policy: joinPolicy,
        email_domain: emailDomain,
      })
      .where('id', '=', current.id)
      .where('territory_id', '=', access.territory.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      territoryId: access.territory.id,
      actorId: access.actor.userId,
      action: 'community.updated',
      subjectType: 'community',
      subjectId: current.id,
      details: { fields: Object.keys(c) },
      requestId,
    });
    return toCommunityView(row, await countActiveMembers(trx, current.id), access.membership);
  });
}

/** A new invite code; links shared with the old one stop working. */
export async function rotateInviteCode({ db }: Pick<Deps, 'db'>, { territory, viewer, requestId }: RequestScope, input: { id: string }): Promise<string> {
  const access = await resolveForResident(db, territory, input.id, viewer);
  requireOrganiser(access);
  const code = newCode();
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('communities').set({ invite_code: code }).where('id', '=', access.community.id).execute();
    await recordAudit(trx, {
      territoryId: access.territory.id,
      actorId: access.actor.userId,
      action: 'community.invite_rotated',
      subjectType: 'community',
      subjectId: access.community.id,
      requestId,
    });
  });
  return code;
}
