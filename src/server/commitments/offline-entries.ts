/**
 * @module Signatures typed in from paper, as their person sees them: the notice telling them (in-app and mail, as they
 * chose), their entries still to confirm or still withdrawable, and what export and erasure do with them.
 */
import type { Database, Executor } from '../core/database/schema.ts';
import type { RequestScope } from '../core/http/scope.ts';
import type { Deps } from '../core/unit-of-work.ts';
import { notify, type NotifyContext } from '../notifications/index.ts';
import { requireResident } from '../territories/index.ts';
import { offlineMail, type OfflineNotice } from './offline-messages.ts';
import type { CommitmentRow } from './store.ts';
import type { MyOfflineEntry } from './schemas.ts';

/** Where a person confirms or withdraws: their commitments page. */
export const myCommitmentsLink = (slug: string) => `/t/${encodeURIComponent(slug)}/mes-engagements`;

/** Tells the person an entry was made for them; params hold ids only (the web app words it). Returns mails queued. */
export async function tellOfflineEntry(
  trx: Executor,
  input: { territory: { id: string; slug: string }; row: CommitmentRow; entryId: string; userId: string; kind: OfflineNotice },
  ctx: NotifyContext,
): Promise<number> {
  const { row } = input;
  const told = await notify(
    trx,
    {
      territoryId: input.territory.id,
      userIds: [input.userId],
      kind: `commitment.${input.kind}`,
      params: { commitmentId: row.id, entryId: input.entryId },
      link: myCommitmentsLink(input.territory.slug),
      mail: (locale) => offlineMail(input.kind, { wording: row.wording, deadline: row.signing_deadline }, locale),
    },
    ctx,
  );
  return told.mailed;
}

export type { MyOfflineEntry } from './schemas.ts';

/** My entries still open to a decision: pending ones, and confirmed ones until the signing deadline (withdrawable). */
export async function listMyOfflineEntries(deps: Pick<Deps, 'db' | 'clock'>, { territory, viewer }: RequestScope): Promise<MyOfflineEntry[]> {
  const actor = await requireResident(deps.db, territory, viewer);
  const rows = await deps.db
    .selectFrom('commitment_offline_entries as e')
    .innerJoin('commitments as c', 'c.id', 'e.commitment_id')
    .select(['e.id', 'e.commitment_id', 'c.wording', 'e.state', 'e.reference', 'e.entered_at', 'c.signing_deadline'])
    .where('e.territory_id', '=', territory.id)
    .where('e.user_id', '=', actor.userId)
    .where('e.state', '<>', 'withdrawn')
    .where('c.signing_deadline', '>=', deps.clock.now())
    .orderBy('e.entered_at', 'desc')
    .limit(100)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    commitmentId: r.commitment_id,
    wording: r.wording,
    state: r.state as MyOfflineEntry['state'],
    reference: r.reference,
    enteredAt: r.entered_at,
    signingDeadline: r.signing_deadline,
  }));
}

/** For the data export: entries made for the person, and those they typed in for others (what, not who). */
export async function exportOfflineEntries(db: Database, userId: string) {
  const [forMe, byMe] = await Promise.all([
    db.selectFrom('commitment_offline_entries').select(['id', 'commitment_id', 'reference', 'entered_at', 'state', 'confirmed_by', 'decided_at']).where('user_id', '=', userId).orderBy('id').execute(),
    db.selectFrom('commitment_offline_entries').select(['id', 'commitment_id', 'reference', 'entered_at', 'state']).where('entered_by', '=', userId).orderBy('id').execute(),
  ]);
  return { forMe, byMe };
}

/** Erasure: entries made for the person go (a pending one can never be confirmed); confirmed signatures stay, nameless. */
export async function eraseOfflineEntries(trx: Executor, userId: string): Promise<void> {
  await trx.deleteFrom('commitment_offline_entries').where('user_id', '=', userId).execute();
}
