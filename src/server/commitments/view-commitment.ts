/** @module A commitment as people see it: status, progress ("N more needed"), deadline, opted-in signer names. */
import type { Clock } from '../core/clock.ts';
import type { Viewer } from '../core/auth/sessions.ts';
import type { Database, Executor } from '../core/database/schema.ts';
import { notFound } from '../core/errors.ts';
import { canSeeCommunity } from '../communities/model.ts';
import { resolveTerritory } from '../territories/access.ts';
import { progressAt, statusAt } from './lifecycle.ts';
import type { ActionKind, Scope, Status } from './model.ts';
import { loadCommitment, type CommitmentRow } from './store.ts';
import type { Progress } from './targets.ts';

export interface CommitmentView {
  id: string;
  wording: string;
  action: ActionKind;
  scope: Scope;
  status: Status;
  progress: Progress;
  signers: number;
  /** Names of signers who chose to show them; the creator never sees e-mails. */
  publicNames: string[];
  signedByMe: boolean;
  signingDeadline: Date;
  actionStart: Date;
  actionEnd: Date;
  createdAt: Date;
}

/** A commitment of a private community is as invisible as the community itself. */
export async function requireVisible(db: Executor, row: CommitmentRow, viewer: Viewer | null): Promise<void> {
  if (!row.community_id) return;
  const community = await db.selectFrom('communities').select('visibility').where('id', '=', row.community_id).executeTakeFirstOrThrow();
  const membership = viewer
    ? await db.selectFrom('community_members').select(['role', 'status']).where('community_id', '=', row.community_id).where('user_id', '=', viewer.userId).executeTakeFirst()
    : undefined;
  if (!canSeeCommunity(community.visibility, membership ?? null)) throw notFound('Commitment');
}

export async function viewCommitment(deps: { db: Database; clock: Clock }, slug: string, id: string, viewer: Viewer | null): Promise<CommitmentView> {
  const territory = await resolveTerritory(deps.db, slug);
  const { row, state } = await loadCommitment(deps.db, territory.id, id);
  await requireVisible(deps.db, row, viewer);
  const now = deps.clock.now();
  const names = await deps.db
    .selectFrom('commitment_signatures as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select('u.display_name')
    .where('s.commitment_id', '=', row.id)
    .where('s.public_name', '=', true)
    .orderBy('s.signed_at')
    .limit(200)
    .execute();
  return {
    id: row.id,
    wording: row.wording,
    action: row.action,
    scope: state.commitment.scope,
    status: statusAt(state.commitment, state.signatures, now),
    progress: progressAt(state.commitment, state.signatures, now),
    signers: state.signatures.length,
    publicNames: names.map((n) => n.display_name ?? '').filter(Boolean),
    signedByMe: viewer !== null && state.signatures.some((s) => s.signerId === viewer.userId),
    signingDeadline: row.signing_deadline,
    actionStart: row.action_start,
    actionEnd: row.action_end,
    createdAt: row.created_at,
  };
}

/** The territory's commitments the viewer may see, newest deadline first. */
export async function listCommitments(deps: { db: Database; clock: Clock }, slug: string, viewer: Viewer | null): Promise<CommitmentView[]> {
  const territory = await resolveTerritory(deps.db, slug);
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
  for (const r of rows) out.push(await viewCommitment(deps, slug, r.id, viewer));
  return out;
}
