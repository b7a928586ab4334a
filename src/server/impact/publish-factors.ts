/** @module An operator publishes a new version of the territory's factors; past gestures keep theirs. */
import type { Viewer } from '../core/auth/sessions.ts';
import type { Database } from '../core/database/schema.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { requireTerritoryRole, resolveTerritory } from '../territories/access.ts';
import { writeFactorVersion } from './factor-store.ts';
import { validateFactors, type Factor } from './factors.ts';

export async function publishFactors(
  db: Database,
  input: { slug: string; viewer: Viewer | null; factors: Factor[]; reason: string; requestId: string },
): Promise<number> {
  const territory = await resolveTerritory(db, input.slug);
  const actor = await requireTerritoryRole(db, territory, input.viewer, ['operator', 'admin']);
  validateFactors(input.factors);
  return db.transaction().execute(async (trx) => {
    const version = await writeFactorVersion(trx, territory.id, input.factors);
    await recordAudit(trx, { territoryId: territory.id, actorId: actor.userId, action: 'impact.factors_published', subjectType: 'impact_factors', subjectId: String(version), reason: input.reason, requestId: input.requestId });
    return version;
  });
}
