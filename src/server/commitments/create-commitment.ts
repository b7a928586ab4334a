/** @module A resident launches a conditional commitment; a community's is launched by its organisers. */
import type { RequestScope } from '../core/http/scope.ts';
import type { Deps } from '../core/unit-of-work.ts';
import { AppError, invalid, notFound } from '../core/errors.ts';
import { requireOrganiser, resolveForResident } from '../communities/index.ts';
import { requireResident } from '../territories/index.ts';
import type { ActionKind, Scope } from './model.ts';
import { validateCommitment } from './validate.ts';

export interface CommitmentInput {
  wording: string;
  action: ActionKind;
  scope: Scope;
  signingDeadline: string;
  actionStart: string;
  actionEnd: string;
}

export async function createCommitment(deps: Pick<Deps, 'db' | 'clock'>, { territory, viewer }: RequestScope, c: CommitmentInput): Promise<{ id: string }> {
  const { db } = deps;
  const actor = await requireResident(db, territory, viewer);
  const scope = c.scope;
  if (scope.kind === 'community') {
    const access = await resolveForResident(db, territory, scope.communityId, viewer);
    requireOrganiser(access);
  }
  if (scope.kind === 'corridor') {
    const corridor = await db.selectFrom('corridors').select('id').where('territory_id', '=', territory.id).where('id', '=', scope.corridorId).executeTakeFirst();
    if (!corridor) throw notFound('Corridor');
  }
  if (scope.kind === 'per_commune') {
    const codes = await db.selectFrom('communes').select('code').where('territory_id', '=', territory.id).execute();
    const known = new Set(codes.map((r) => r.code));
    scope.communes.forEach((ct, i) => {
      if (!known.has(ct.commune)) throw invalid(`/scope/communes/${i}/commune`, `No commune ${ct.commune} in ${territory.name}.`);
    });
  }
  const valid = validateCommitment({
    wording: c.wording,
    action: c.action,
    scope,
    createdAt: deps.clock.now(),
    signingDeadline: new Date(c.signingDeadline),
    actionStart: new Date(c.actionStart),
    actionEnd: new Date(c.actionEnd),
  });
  if (valid.actionEnd.getTime() - valid.createdAt.getTime() > 400 * 86_400_000) {
    throw new AppError('invalid', 'A commitment runs for at most about a year.', { field: '/actionEnd' });
  }
  return db
    .insertInto('commitments')
    .values({
      territory_id: territory.id,
      created_by: actor.userId,
      wording: valid.wording,
      action: valid.action,
      scope: JSON.stringify(valid.scope),
      community_id: scope.kind === 'community' ? scope.communityId : null,
      corridor_id: scope.kind === 'corridor' ? scope.corridorId : null,
      created_at: valid.createdAt,
      signing_deadline: valid.signingDeadline,
      action_start: valid.actionStart,
      action_end: valid.actionEnd,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}
