/**
 * @module A mediator creates an assisted account: a person without e-mail or password, resident of the territory in
 * a commune, with the reference and day of the paper consent form they signed. Audited "by M on behalf of R".
 */
import type { Database } from '../core/database/schema.ts';
import type { RequestScope } from '../core/http/scope.ts';
import type { Deps } from '../core/unit-of-work.ts';
import { AppError, invalid } from '../core/errors.ts';
import { localDate, localInstant } from '../core/time-of-day.ts';
import { isUniqueViolation } from '../core/database/errors.ts';
import { createOfflineUser } from '../accounts/index.ts';
import { recordAudit } from '../audit/index.ts';
import { addResident } from '../territories/index.ts';
import { requireMediator } from './access.ts';
import { consentDateProblem } from './model.ts';
import { findAssisted, type AssistedAccount } from './store.ts';

export interface CreateAssistedInput {
  displayName: string;
  commune: string;
  consentRef: string;
  /** Day the paper form was signed (YYYY-MM-DD, Paris); today when absent. */
  consentDate?: string | undefined;
  locale?: 'fr' | 'en' | undefined;
}

/**
 * Creates the account, or returns the one a retried request already created with the same form (`created: false`).
 * Publishes nothing (an audit entry, no mail): a plain transaction.
 */
export async function createAssistedAccount(
  deps: Pick<Deps, 'db' | 'clock'>,
  { territory, viewer, requestId }: RequestScope,
  input: CreateAssistedInput,
): Promise<{ account: AssistedAccount; created: boolean }> {
  const actor = await requireMediator(deps.db, territory, viewer);
  const displayName = input.displayName.trim();
  if (!displayName) throw invalid('/displayName', 'Give the name the person wants to be called by.');
  const consentRef = input.consentRef.trim();
  if (!consentRef) throw invalid('/consentRef', 'Give the reference of the signed paper consent form.');
  const now = deps.clock.now();
  const today = localDate(now);
  const day = input.consentDate ?? today;
  const problem = consentDateProblem(day, today);
  if (problem) throw invalid('/consentDate', `The consent date ${problem}.`);
  const consentAt = day === today ? now : new Date(Math.min(localInstant(day, 12 * 60).getTime(), now.getTime()));

  const existing = await deps.db
    .selectFrom('assisted_accounts')
    .select(['user_id', 'created_by'])
    .where('territory_id', '=', territory.id)
    .where((eb) => eb(eb.fn('lower', ['consent_ref']), '=', consentRef.toLowerCase()))
    .executeTakeFirst();
  if (existing) return sameFormAgain(deps.db, territory.id, existing, actor.userId, displayName);

  try {
    const userId = await deps.db.transaction().execute(async (trx) => {
      const user = { id: await createOfflineUser(trx, { displayName, locale: input.locale ?? 'fr', now }) };
      await addResident(trx, territory, user.id, input.commune, requestId);
      await trx
        .insertInto('assisted_accounts')
        .values({ territory_id: territory.id, user_id: user.id, created_by: actor.userId, consent_ref: consentRef, consent_at: consentAt, created_at: now })
        .execute();
      await recordAudit(trx, {
        territoryId: territory.id,
        actorId: actor.userId,
        onBehalfOfId: user.id,
        action: 'mediation.assisted_created',
        subjectType: 'user',
        subjectId: user.id,
        reason: 'consent',
        details: { consentRef, consentDate: day },
        requestId,
        at: now,
      });
      return user.id;
    });
    return { account: (await findAssisted(deps.db, territory.id, userId))!, created: true };
  } catch (error) {
    if (isUniqueViolation(error)) throw refUsed();
    throw error;
  }
}

const refUsed = () => new AppError('conflict', 'Another assisted account already has this consent form reference.', { field: '/consentRef', reason: 'consent_ref_used' });

/** A retry by the same mediator for the same person gets the account back; anything else is a reused reference. */
async function sameFormAgain(
  db: Database,
  territoryId: string,
  existing: { user_id: string; created_by: string | null },
  mediatorId: string,
  displayName: string,
): Promise<{ account: AssistedAccount; created: boolean }> {
  const account = await findAssisted(db, territoryId, existing.user_id);
  if (!account || existing.created_by !== mediatorId || account.displayName !== displayName) throw refUsed();
  return { account, created: false };
}
