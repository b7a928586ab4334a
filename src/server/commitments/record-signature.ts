/** @module One signature, whoever enters it: the pure transition, the row, the fired milestones and their delivery, in the caller's transaction. */
import type { Executor } from '../core/database/schema.ts';
import type { SignatureEntry } from './tables.ts';
import type { NotifyContext } from '../notifications/index.ts';
import { sendNotice, signersAndCreator } from './deliver.ts';
import { applySignature, refusalError, statusAt } from './lifecycle.ts';
import type { CommitmentState } from './model.ts';
import type { CommitmentRow } from './store.ts';
import type { SignAnswer } from './schemas.ts';

export interface SignatureRequest {
  signerId: string;
  commune: string | null;
  publicName: boolean;
  entry: SignatureEntry;
  /** The mediator or organiser entering it; null when self-signed. */
  signedBy: string | null;
  consentRef: string | null;
  /** False when the person is told otherwise (they confirmed it themselves, or the caller sends its own notice). */
  tell?: boolean | undefined;
}

/** The answer a signature gets (schemas.ts `SignAnswer`), and the mails it queued: the caller wakes the dispatcher after commit. */
export type SignatureOutcome = SignAnswer & { mailed: number };

/**
 * Runs `applySignature` (deadline, double signing, commune), inserts the row, stores the fired milestones and
 * delivers the new one to every signer and the creator; a signature entered for someone also tells them.
 * The commitment row must be locked by the caller.
 */
export async function recordSignature(
  trx: Executor,
  target: { territory: { id: string; slug: string }; row: CommitmentRow; state: CommitmentState },
  request: SignatureRequest,
  ctx: NotifyContext,
): Promise<SignatureOutcome> {
  const { row, state } = target;
  const result = applySignature(state, { signerId: request.signerId, commune: request.commune }, ctx.now);
  if (!result.ok) throw refusalError(result.refusal);
  const signature = result.state.signatures.at(-1)!;
  await trx
    .insertInto('commitment_signatures')
    .values({
      territory_id: target.territory.id,
      commitment_id: row.id,
      user_id: request.signerId,
      commune_code: signature.commune,
      public_name: request.publicName,
      signed_at: ctx.now,
      entry: request.entry,
      signed_by: request.signedBy,
      consent_ref: request.consentRef,
    })
    .execute();
  await trx.updateTable('commitments').set({ fired: [...result.state.fired] }).where('id', '=', row.id).execute();
  const next = { ...target, state: result.state };
  let mailed = 0;
  for (const milestone of result.notify) mailed += (await sendNotice(trx, next, milestone, signersAndCreator(next), ctx)).mailed;
  if (request.entry !== 'self' && request.tell !== false) mailed += (await sendNotice(trx, next, 'signed_for_you', [request.signerId], ctx, { entry: request.entry })).mailed;
  return { status: statusAt(result.state.commitment, result.state.signatures, ctx.now), notify: result.notify, mailed };
}
