/** @module The factors table as a territory publishes it: one version with its edition and provenance, or the list of versions. */
import type { Database } from '../core/database/schema.ts';
import { notFound } from '../core/errors.ts';
import { provenance } from '../core/figures.ts';
import { resolveTerritory } from '../territories/index.ts';
import { currentFactors, factorsVersion, listVersions } from './factor-store.ts';
import { factorSources, factorsHref } from './provenance.ts';
import type { FactorsView, FactorVersions } from './schemas.ts';

/** The current factors version (or `version`, the one a past figure names), every factor with its source, date and components. */
export async function readFactors(db: Database, slug: string, version: number | undefined): Promise<FactorsView> {
  const territory = await resolveTerritory(db, slug);
  const set = version === undefined ? await currentFactors(db, territory.id) : await factorsVersion(db, territory.id, version);
  if (!set) throw notFound('Factors version');
  return {
    version: set.version,
    edition: set.edition,
    factors: [...set.factors.values()],
    provenance: provenance({
      method: ['Each factor as its source prints it (value = use + construction where the source splits it).'],
      sources: factorSources([set]),
      factors: [{ href: factorsHref(slug, set.version), version: set.version, edition: set.edition }],
    }),
  };
}

/** Every version of the territory's factors, newest first, each with the address that lists it. */
export async function listFactorVersions(db: Database, slug: string): Promise<FactorVersions> {
  const territory = await resolveTerritory(db, slug);
  const items = await listVersions(db, territory.id);
  return { items: items.map((v) => ({ ...v, href: factorsHref(slug, v.version) })) };
}
