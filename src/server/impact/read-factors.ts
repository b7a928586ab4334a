/** @module The factors table as a territory publishes it: one version with its edition and provenance, or the list of versions. */
import { notFound } from '../core/errors.ts';
import { provenance } from '../core/figures.ts';
import type { RequestScope } from '../core/http/scope.ts';
import type { Deps } from '../core/unit-of-work.ts';
import { currentFactors, factorsVersion, listVersions } from './factor-store.ts';
import { factorSources, factorsHref } from './provenance.ts';
import type { FactorsView, FactorVersions } from './schemas.ts';

/** The current factors version (or `version`, the one a past figure names), every factor with its source, date and components. */
export async function readFactors({ db }: Pick<Deps, 'db'>, { territory }: RequestScope, { version }: { version?: number | undefined }): Promise<FactorsView> {
  const set = version === undefined ? await currentFactors(db, territory.id) : await factorsVersion(db, territory.id, version);
  if (!set) throw notFound('Factors version');
  return {
    version: set.version,
    edition: set.edition,
    factors: [...set.factors.values()],
    provenance: provenance({
      method: ['Each factor as its source prints it (value = use + construction where the source splits it).'],
      sources: factorSources([set]),
      factors: [{ href: factorsHref(territory.slug, set.version), version: set.version, edition: set.edition }],
    }),
  };
}

/** Every version of the territory's factors, newest first, each with the address that lists it. */
export async function listFactorVersions({ db }: Pick<Deps, 'db'>, { territory }: RequestScope): Promise<FactorVersions> {
  const items = await listVersions(db, territory.id);
  return { items: items.map((v) => ({ ...v, href: factorsHref(territory.slug, v.version) })) };
}
