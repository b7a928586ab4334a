/** @module An operator imports a factor edition (or publishes an edit) as the territory's new version, audited; past gestures keep theirs. */
import type { RequestScope } from '../core/http/scope.ts';
import { localDate } from '../core/time-of-day.ts';
import type { Deps } from '../core/unit-of-work.ts';
import { recordAudit } from '../audit/index.ts';
import { requireTerritoryRole } from '../territories/index.ts';
import { writeFactorVersion } from './factor-store.ts';
import { validateEdition, type FactorEdition } from './factors.ts';

/** A factor as submitted: the fields added with editions may be left out of an operator's edit. */
export type FactorInput = Omit<FactorEdition['factors'][number], 'sourceUrl' | 'components' | 'significantDigits' | 'basis'> &
  Partial<Pick<FactorEdition['factors'][number], 'sourceUrl' | 'components' | 'significantDigits' | 'basis'>>;

function complete(factors: FactorInput[]): FactorEdition['factors'] {
  return factors.map((f) => ({ ...f, sourceUrl: f.sourceUrl ?? null, components: f.components ?? null, significantDigits: f.significantDigits ?? 2, basis: f.basis ?? null }));
}

/**
 * Writes `edition` as a new version. An operator's edit without an edition of its own is recorded as one
 * (`territory-edit-<date>`, named by its reason), so every version says where it comes from.
 */
export async function importEdition(
  { db, clock }: Pick<Deps, 'db' | 'clock'>,
  { territory, viewer, requestId }: RequestScope,
  input: { edition: Omit<FactorEdition, 'factors'> | null; factors: FactorInput[]; reason: string },
): Promise<{ version: number; edition: string }> {
  const actor = await requireTerritoryRole(db, territory, viewer, ['operator', 'admin']);
  const today = localDate(clock.now());
  const edition: FactorEdition = {
    ...(input.edition ?? { id: `territory-edit-${today}`, name: input.reason, date: today, source: `${territory.name}: published by an operator` }),
    factors: complete(input.factors),
  };
  validateEdition(edition);
  return db.transaction().execute(async (trx) => {
    const info = { id: edition.id, name: edition.name, date: edition.date, source: edition.source };
    const version = await writeFactorVersion(trx, territory.id, info, edition.factors, actor.userId);
    await recordAudit(trx, { territoryId: territory.id, actorId: actor.userId, action: 'impact.factors_published', subjectType: 'impact_factors', subjectId: String(version), reason: input.reason, details: { edition: edition.id, editionDate: edition.date }, requestId });
    return { version, edition: edition.id };
  });
}
