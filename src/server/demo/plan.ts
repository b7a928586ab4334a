/** @module Pure plan of a synthetic territory: residents spread by population, communities of realistic sizes. */
import type { CommunityKind, CommunityVisibility, JoinPolicy } from '../core/database/schema.ts';
import { ASSOCIATIONS, DIJON_QUARTERS, FIRST_NAMES, LAST_INITIALS, SCHOOL_KINDS, SCHOOL_NAMES, WORKPLACES } from './names.ts';
import type { Random } from '../core/random.ts';

export interface CommuneInfo {
  code: string;
  name: string;
  population: number;
}

/**
 * Splits `total` residents across communes in proportion to population (largest remainder),
 * so the counts always add up exactly.
 * @example spreadByPopulation(10, [{code:'a',name:'A',population:3}, {code:'b',name:'B',population:1}]) // [8, 2]
 */
export function spreadByPopulation(total: number, communes: readonly CommuneInfo[]): number[] {
  const population = communes.reduce((s, c) => s + c.population, 0);
  if (population === 0) return communes.map(() => 0);
  const exact = communes.map((c) => (total * c.population) / population);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((s, n) => s + n, 0);
  const order = exact.map((x, i) => ({ i, frac: x - Math.floor(x) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    counts[i]! += 1;
    left -= 1;
  }
  return counts;
}

export function residentName(random: Random): string {
  return `${random.pick(FIRST_NAMES)} ${random.pick([...LAST_INITIALS])}.`;
}

export interface CommunityPlan {
  name: string;
  description: string;
  kind: CommunityKind;
  visibility: CommunityVisibility;
  joinPolicy: JoinPolicy;
  emailDomain: string | null;
  /** Commune whose residents it recruits from first (null: the whole territory). */
  communeCode: string | null;
  size: number;
}

// Typical sizes seen in local groups: a street or block association to a large employer's carpool group.
const SIZES: Record<CommunityKind, [number, number]> = {
  neighbourhood: [12, 150],
  workplace: [20, 300],
  school: [25, 200],
  association: [8, 120],
  other: [5, 60],
};

const KIND_MIX: CommunityKind[] = ['neighbourhood', 'neighbourhood', 'neighbourhood', 'workplace', 'workplace', 'school', 'school', 'association', 'association', 'other'];

/** `count` communities, with sizes scaled to the number of residents available. */
export function planCommunities(random: Random, count: number, communes: readonly CommuneInfo[], residents: number): CommunityPlan[] {
  const scale = Math.min(1, residents / 2000);
  const big = communes.filter((c) => c.population > 5000);
  const plans: CommunityPlan[] = [];
  const seen = new Map<string, number>();
  for (let i = 0; i < count; i += 1) {
    const kind = KIND_MIX[i % KIND_MIX.length]!;
    const commune = random.pick(big.length > 0 ? big : communes);
    const [min, max] = SIZES[kind];
    const size = Math.max(3, Math.round(random.int(min, max) * scale));
    const described = describe(random, kind, commune, i);
    // Two groups may share a place: number the later ones so every name in the directory is distinct.
    const n = (seen.get(described.name) ?? 0) + 1;
    seen.set(described.name, n);
    const name = n > 1 ? `${described.name} (${n})` : described.name;
    plans.push({ ...described, name, kind, communeCode: kind === 'workplace' ? null : commune.code, size });
  }
  return plans;
}

function describe(random: Random, kind: CommunityKind, commune: CommuneInfo, i: number) {
  switch (kind) {
    case 'neighbourhood': {
      const place = commune.name === 'Dijon' ? `quartier ${random.pick(DIJON_QUARTERS)}` : commune.name;
      return { name: `Voisins — ${place}`, description: `Entraide et trajets partagés entre voisins, ${place}.`, visibility: 'public' as const, joinPolicy: 'open' as const, emailDomain: null };
    }
    case 'workplace': {
      const site = random.pick(WORKPLACES);
      const domain = `site${i + 1}.exemple.fr`;
      return { name: `Trajets ${site}`, description: `Covoiturage et horaires décalés pour les salariés du site ${site}.`, visibility: 'private' as const, joinPolicy: 'email_domain' as const, emailDomain: domain };
    }
    case 'school': {
      const school = `${random.pick(SCHOOL_KINDS)} ${random.pick(SCHOOL_NAMES)}`;
      return { name: `Parents — ${school}, ${commune.name}`, description: `Pédibus, vélobus et covoiturage des parents de ${school}.`, visibility: 'private' as const, joinPolicy: 'invite' as const, emailDomain: null };
    }
    case 'association':
      return { name: `${random.pick(ASSOCIATIONS)} — ${commune.name}`, description: `Association locale à ${commune.name}.`, visibility: 'public' as const, joinPolicy: random.next() < 0.5 ? ('open' as const) : ('approval' as const), emailDomain: null };
    case 'other':
      return { name: `Groupe d’habitants ${commune.name}`, description: `Un groupe informel d’habitants de ${commune.name}.`, visibility: 'public' as const, joinPolicy: 'approval' as const, emailDomain: null };
  }
}
