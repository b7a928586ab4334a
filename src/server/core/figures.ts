/** @module Figures as the API shows them: one rounding rule (significant figures by what the inputs are worth) and one provenance shape. */
import { Type } from 'typebox';

/**
 * Significant figures each kind of figure is shown with. Emission factors are modelled averages whose spread
 * between vehicles of one class is tens of percent (docs/impact-factors.md), so CO2e keeps two; euros rest on a
 * fiscal scale that is an upper estimate of a driver's saving, two; distances come from commute profiles
 * (0.1 km), three; delays come from the queue model over invented demand counts, two.
 */
export const PRECISION = {
  co2eKg: 2,
  euros: 2,
  carKm: 3,
  vehicleHours: 2,
  share: 3,
} as const;

export type FigureKind = keyof typeof PRECISION;

/**
 * Rounds to `digits` significant figures, but never below the unit: a total of 7 884.9 kg shows as 7 885, not
 * 7 900 (whole units are counted, not estimated away); 7.8228 shows as 7.8 and 0.14225 as 0.14 with two digits.
 * Non-finite values and zero come back unchanged.
 * @example roundFigure(7.822800000000001, 2) // 7.8
 * @example roundFigure(7884.91, 2) // 7885
 */
export function roundFigure(x: number, digits: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const magnitude = Math.floor(Math.log10(Math.abs(x)));
  const decimals = Math.max(0, digits - 1 - magnitude);
  const factor = 10 ** decimals;
  // Math.round rounds half towards +∞; rounding the magnitude keeps −2.5 and 2.5 symmetric.
  const rounded = (Math.sign(x) * Math.round(Math.abs(x) * factor)) / factor;
  return Number(rounded.toFixed(decimals));
}

/** `roundFigure` with the significant figures of a kind of figure. */
export function round(kind: FigureKind, x: number): number {
  return roundFigure(x, PRECISION[kind]);
}

/** One source a figure rests on: what it is, where to read it, of which date. */
export interface Source {
  label: string;
  url: string | null;
  /** YYYY-MM-DD: the edition or computation date. */
  date: string;
}

/** The factor edition behind figures: where the full table is listed. */
export interface FactorsPointer {
  /** `GET` this to read every factor, its source, date and components. */
  href: string;
  version: number;
  edition: { id: string; name: string; date: string; source: string };
}

/**
 * Carried by every API response that shows figures: how they were computed (`method`), what they rest on
 * (`sources`, each dated), and, for impact figures, the factors version and edition they were computed with.
 */
export interface Provenance {
  method: string[];
  sources: Source[];
  /** The factors versions the figures were computed with (each gesture keeps its own); empty when no factor is involved. */
  factors: FactorsPointer[];
  /** How the figures are rounded (docs/impact-factors.md, "Precision"). */
  rounding: string;
}

/** `Provenance` in a response schema: the one shape every figure-bearing response carries. */
export const ProvenanceSchema = Type.Object(
  {
    method: Type.Array(Type.String()),
    sources: Type.Array(Type.Object({ label: Type.String(), url: Type.Union([Type.String(), Type.Null()]), date: Type.String() })),
    factors: Type.Array(
      Type.Object({
        href: Type.String(),
        version: Type.Integer(),
        edition: Type.Object({ id: Type.String(), name: Type.String(), date: Type.String(), source: Type.String() }),
      }),
    ),
    rounding: Type.String(),
  },
  { description: 'How the figures were computed, what they rest on (dated), the factors versions used and the rounding rule (docs/impact-factors.md)' },
);

export const ROUNDING_NOTE = 'Significant figures by what the inputs are worth: CO2e and euros 2, car-km 3, queue delays 2; never below the unit (docs/impact-factors.md).';

export function provenance(input: { method: string[]; sources?: Source[]; factors?: FactorsPointer[] }): Provenance {
  return { method: input.method, sources: input.sources ?? [], factors: input.factors ?? [], rounding: ROUNDING_NOTE };
}

/** Significant figures for the figures of one response; CO2e and euros follow the factors used. */
export interface FigureDigits { co2eKg: number; euros: number }

const DEFAULT_DIGITS: FigureDigits = { co2eKg: PRECISION.co2eKg, euros: PRECISION.euros };

/** Which rule a numeric field follows, by its name: the API names figures by their unit. */
function digitsFor(key: string, digits: FigureDigits): number | null {
  if (/Kg$|PerKm$/.test(key)) return digits.co2eKg;
  if (/^euros$|Euros$/.test(key)) return digits.euros;
  if (/[a-z]Km$/.test(key)) return PRECISION.carKm;
  if (/Hours$/.test(key)) return PRECISION.vehicleHours;
  if (/(Share|^share|^fraction|^rate|Rate)$/.test(key)) return PRECISION.share;
  return null;
}

// Factor tables are shown exactly as their source prints them; provenance holds no figures.
const VERBATIM = new Set(['factors', 'provenance', 'components']);

/**
 * The one place API figures are rounded: every numeric field named by its unit (…Kg, euros, …Km, …Hours,
 * shares and rates) by `roundFigure`; any other non-integer loses binary noise only (0.1 + 0.2 → 0.3), so
 * a distance entered as 7.2 km stays 7.2. Factor tables and provenance blocks are left verbatim.
 */
export function presentFigures<T>(value: T, digits: FigureDigits = DEFAULT_DIGITS, key = ''): T {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || Number.isInteger(value)) return value;
    const d = digitsFor(key, digits);
    return (d === null ? Number(value.toPrecision(12)) : roundFigure(value, d)) as T;
  }
  if (Array.isArray(value)) return value.map((v) => presentFigures(v, digits, key)) as T;
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = VERBATIM.has(k) ? v : presentFigures(v, digits, k);
  return out as T;
}
