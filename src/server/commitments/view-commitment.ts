/**
 * @module A commitment as people see it: status, progress ("N more needed"), deadline, opted-in signer names,
 * the automatic count during and after the action period, the kept rate, and what the viewer may do.
 */
import type { Viewer } from '../core/auth/sessions.ts';
import type { Database, Executor } from '../core/database/schema.ts';
import type { RequestScope } from '../core/http/scope.ts';
import type { Deps } from '../core/unit-of-work.ts';
import { AppError, notFound } from '../core/errors.ts';
import { canSeeCommunity } from '../communities/index.ts';
import { requireResident } from '../territories/index.ts';
import { mayEnterOffline } from './access.ts';
import { automaticCount } from './counting.ts';
import { canRecordCheck, keptRate } from './kept-rate.ts';
import { guardCommitmentFigures } from './guard-commitment.ts';
import { progressAt, statusAt } from './lifecycle.ts';
import type { CommitmentView, MySignature } from './schemas.ts';
import { loadCommitment, type CommitmentRow } from './store.ts';

export type { CommitmentView, MySignature } from './schemas.ts';

/** Everyone is inside a territory-wide commitment's group; a community commitment's group is the community's active members. */
async function inCommunity(db: Executor, row: CommitmentRow, viewer: Viewer | null): Promise<boolean> {
  if (!row.community_id) return true;
  if (!viewer) return false;
  const m = await db.selectFrom('community_members').select('status').where('community_id', '=', row.community_id).where('user_id', '=', viewer.userId).executeTakeFirst();
  return m?.status === 'active';
}

/** A commitment of a private community is as invisible as the community itself. */
export async function requireVisible(db: Executor, row: CommitmentRow, viewer: { userId: string } | null): Promise<void> {
  if (!row.community_id) return;
  const community = await db.selectFrom('communities').select('visibility').where('id', '=', row.community_id).executeTakeFirstOrThrow();
  const membership = viewer
    ? await db.selectFrom('community_members').select(['role', 'status']).where('community_id', '=', row.community_id).where('user_id', '=', viewer.userId).executeTakeFirst()
    : undefined;
  if (!canSeeCommunity(community.visibility, membership ?? null)) throw notFound('Commitment');
}

async function viewerPowers(db: Database, row: CommitmentRow, territoryId: string, viewer: Viewer | null): Promise<{ signFor: boolean; offline: boolean }> {
  if (!viewer) return { signFor: false, offline: false };
  // Inside a session on behalf, the mediator is the one who would enter a signature.
  const offline = await mayEnterOffline(db, territoryId, row, viewer.mediatorId ?? viewer.userId);
  return { signFor: Boolean(viewer.mediatorId), offline };
}

/** What reading commitments needs: the database, the clock, and the small-group threshold. */
type ReadDeps = Pick<Deps, 'db' | 'clock'> & { config: Pick<Deps['config'], 'privacyMinGroup'> };

export async function viewCommitment(deps: ReadDeps, { territory, viewer }: Pick<RequestScope, 'territory' | 'viewer'>, input: { id: string }): Promise<CommitmentView> {
  const { id } = input;
  const { row, state } = await loadCommitment(deps.db, territory.id, id);
  await requireVisible(deps.db, row, viewer);
  const now = deps.clock.now();
  const [names, checks, mineRow, automatic, powers] = await Promise.all([
    deps.db
      .selectFrom('commitment_signatures as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .select('u.display_name')
      .where('s.commitment_id', '=', row.id)
      .where('s.public_name', '=', true)
      .orderBy('s.signed_at')
      .limit(200)
      .execute(),
    deps.db.selectFrom('commitment_signatures').select(['user_id', 'kept']).where('commitment_id', '=', row.id).where('kept', 'is not', null).execute(),
    viewer
      ? deps.db
          .selectFrom('commitment_signatures')
          .select(['signed_at', 'entry', 'public_name', 'kept', 'checked_at'])
          .where('commitment_id', '=', row.id)
          .where('user_id', '=', viewer.userId)
          .executeTakeFirst()
      : undefined,
    automaticCount(deps.db, row, now),
    viewerPowers(deps.db, row, territory.id, viewer),
  ]);
  const status = statusAt(state.commitment, state.signatures, now);
  const open = status === 'collecting' || status === 'succeeded';
  const mine: MySignature | null =
    mineRow && viewer
      ? {
          signedAt: mineRow.signed_at,
          entry: mineRow.entry,
          publicName: mineRow.public_name,
          kept: mineRow.kept,
          checkedAt: mineRow.checked_at,
          automaticCount: (await automaticCount(deps.db, row, now, viewer.userId))?.gestures ?? null,
        }
      : null;
  return {
    id: row.id,
    wording: row.wording,
    action: row.action,
    scope: state.commitment.scope,
    status,
    ...guardCommitmentFigures(
      {
        progress: progressAt(state.commitment, state.signatures, now),
        signers: state.signatures.length,
        automatic,
        keptRate: keptRate(checks.map((c) => ({ signerId: c.user_id, kept: c.kept === true }))),
      },
      { signer: mine !== null, inCommunity: await inCommunity(deps.db, row, viewer) },
      deps.config.privacyMinGroup,
    ),
    publicNames: names.map((n) => n.display_name ?? '').filter(Boolean),
    signedByMe: mine !== null,
    createdByMe: viewer !== null && row.created_by === viewer.userId,
    mine,
    canCheck: mine !== null && canRecordCheck(status),
    canSignFor: open && powers.signFor,
    canEnterOffline: open && powers.offline,
    signingDeadline: row.signing_deadline,
    actionStart: row.action_start,
    actionEnd: row.action_end,
    createdAt: row.created_at,
  };
}

/** The territory's commitments the viewer may see, newest deadline first. */
export async function listCommitments(deps: ReadDeps, scope: RequestScope): Promise<CommitmentView[]> {
  const { territory, viewer } = scope;
  const rows = await deps.db
    .selectFrom('commitments as c')
    .leftJoin('communities as cm', 'cm.id', 'c.community_id')
    .select('c.id')
    .where('c.territory_id', '=', territory.id)
    .where((eb) =>
      eb.or([
        eb('c.community_id', 'is', null),
        eb('cm.visibility', '=', 'public'),
        eb.exists(eb.selectFrom('community_members as m').select('m.user_id').whereRef('m.community_id', '=', 'c.community_id').where('m.user_id', '=', viewer?.userId ?? '0')),
      ]),
    )
    .orderBy('c.signing_deadline', 'desc')
    .limit(100)
    .execute();
  const out: CommitmentView[] = [];
  for (const r of rows) out.push(await viewCommitment(deps, scope, { id: r.id }));
  return out;
}

/** "My commitments": those the viewer launched or signed in this territory (a private community's only while they belong to it), newest deadline first. */
export async function listMyCommitments(deps: ReadDeps, scope: RequestScope): Promise<CommitmentView[]> {
  const { territory, viewer } = scope;
  const actor = await requireResident(deps.db, territory, viewer);
  const rows = await deps.db
    .selectFrom('commitments as c')
    .select('c.id')
    .where('c.territory_id', '=', territory.id)
    .where((eb) =>
      eb.or([
        eb('c.created_by', '=', actor.userId),
        eb.exists(eb.selectFrom('commitment_signatures as s').select('s.user_id').whereRef('s.commitment_id', '=', 'c.id').where('s.user_id', '=', actor.userId)),
      ]),
    )
    .orderBy('c.signing_deadline', 'desc')
    .limit(100)
    .execute();
  const out: CommitmentView[] = [];
  for (const r of rows) {
    try {
      out.push(await viewCommitment(deps, scope, { id: r.id }));
    } catch (error) {
      // A private community's commitment stays hidden once its member has left.
      if (!(error instanceof AppError && error.code === 'not_found')) throw error;
    }
  }
  return out;
}
