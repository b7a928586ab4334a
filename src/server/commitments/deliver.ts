/** @module Commitment notices through Maille's notifications: milestones to every signer and the creator, the nudge, the check, a signature entered for someone. */
import type { Executor } from '../core/database/schema.ts';
import { notify, type NotifyContext } from '../notifications/index.ts';
import { progressAt } from './lifecycle.ts';
import { noticeMail, type CommitmentNotice } from './messages.ts';
import type { CommitmentState } from './model.ts';
import type { CommitmentRow } from './store.ts';
import { formatProgress } from './targets.ts';

export interface NoticeTarget {
  territory: { id: string; slug: string };
  row: CommitmentRow;
  state: CommitmentState;
}

/** The web page of a commitment, the link every notice carries. */
export const commitmentLink = (slug: string, id: string) => `/t/${encodeURIComponent(slug)}/engagements/${id}`;

/** Everyone who signed, and the creator (who launched it and wants to know too). */
export function signersAndCreator(target: NoticeTarget): string[] {
  const ids = target.state.signatures.map((s) => s.signerId);
  if (target.row.created_by) ids.push(target.row.created_by);
  return ids;
}

/** Sends one notice about a commitment to `userIds`, in the transaction that decided it. */
export async function sendNotice(
  trx: Executor,
  target: NoticeTarget,
  kind: CommitmentNotice,
  userIds: readonly string[],
  ctx: NotifyContext,
  extra: { entry?: 'mediator' | 'offline' } = {},
): Promise<{ notified: number; mailed: number }> {
  const { row, state } = target;
  const progress = progressAt(state.commitment, state.signatures, ctx.now);
  const bucket = progress.buckets.length === 1 ? progress.buckets[0] : undefined;
  const progressText = (locale: 'fr' | 'en') =>
    bucket ? formatProgress(bucket, locale) : locale === 'fr' ? `encore ${progress.remaining}` : `${progress.remaining} more needed`;
  return notify(
    trx,
    {
      territoryId: target.territory.id,
      userIds,
      kind: `commitment.${kind}`,
      // The wording is its creator's words: erasing the creator scrubs it from these notices and mails.
      about: [row.created_by],
      params: { commitmentId: row.id, wording: row.wording, remaining: progress.remaining, signers: state.signatures.length, ...(extra.entry ? { entry: extra.entry } : {}) },
      link: commitmentLink(target.territory.slug, row.id),
      mail: (locale) =>
        noticeMail(kind, { wording: row.wording, progress: progressText(locale), actionStart: row.action_start, actionEnd: row.action_end, entry: extra.entry }, locale),
    },
    ctx,
  );
}
