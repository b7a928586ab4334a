/** @module The small-group rule: a figure derived from fewer than PRIVACY_MIN_GROUP people is never shown outside the group. */
import { Type, type TObject, type TSchema } from 'typebox';

/** What stands in for a figure, a cell or a week built from too few people (see docs/privacy.md). */
export interface Suppressed {
  suppressed: true;
  reason: 'small_group';
  /** The threshold in force: the page says "fewer than {minGroup} people". */
  minGroup: number;
}

/** A figure as shown to someone outside its group: the value, or the suppressed shape. */
export type Guarded<T> = T | Suppressed;

/** A cell (a week, a community row…) that keeps its labels `K` and loses every figure when suppressed. */
export type GuardedCell<T, K extends keyof T> = T | (Suppressed & Pick<T, K>);

export const DEFAULT_MIN_GROUP = 5;

/** The suppressed shape for a threshold. */
export function suppressed(minGroup: number): Suppressed {
  return { suppressed: true, reason: 'small_group', minGroup };
}

/**
 * True when a figure built from `people` distinct people may be shown outside the group. Zero people is a
 * small group too: "nobody did it" about a group of one says what that one person did.
 */
export function isShown(people: number, minGroup: number): boolean {
  return Number.isFinite(people) && people >= minGroup;
}

/**
 * One figure: `value` when at least `minGroup` people built it, else the suppressed shape.
 * @example guard(12.4, 3, 5) // { suppressed: true, reason: 'small_group', minGroup: 5 }
 */
export function guard<T>(value: T, people: number, minGroup: number): Guarded<T> {
  return isShown(people, minGroup) ? value : suppressed(minGroup);
}

/**
 * One cell: kept whole when at least `minGroup` people built it; otherwise only its labels `keep` remain,
 * next to the suppressed shape, so a chart still has the week and a table the community's name.
 * @example guardCell({ weekOf: '2026-11-30', co2eKg: 3 }, 1, 5, ['weekOf']) // { weekOf: '2026-11-30', suppressed: true, … }
 */
export function guardCell<T extends object, K extends keyof T>(cell: T, people: number, minGroup: number, keep: readonly K[]): GuardedCell<T, K> {
  if (isShown(people, minGroup)) return cell;
  const labels = {} as Pick<T, K>;
  for (const k of keep) labels[k] = cell[k];
  return { ...labels, ...suppressed(minGroup) };
}

export function isSuppressed(x: unknown): x is Suppressed {
  return typeof x === 'object' && x !== null && (x as { suppressed?: unknown }).suppressed === true;
}

/** The suppressed shape in a response schema. */
export const SuppressedSchema = Type.Object(
  {
    suppressed: Type.Literal(true),
    reason: Type.Literal('small_group'),
    minGroup: Type.Integer({ minimum: 1 }),
  },
  { description: 'Figure built from fewer than minGroup people, not shown outside the group (docs/privacy.md)' },
);

/** A figure's schema, or the suppressed shape. */
export function GuardedSchema<T extends TSchema>(schema: T) {
  return Type.Union([schema, SuppressedSchema]);
}

/** A cell's schema, or the labels `keep` of the cell plus the suppressed shape. */
export function GuardedCellSchema<T extends TObject>(cell: T, keep: readonly (keyof T['properties'] & string)[]) {
  const labels: Record<string, TSchema> = {};
  for (const k of keep) labels[k] = cell.properties[k] as TSchema;
  return Type.Union([cell, Type.Object({ ...labels, ...SuppressedSchema.properties })]);
}
