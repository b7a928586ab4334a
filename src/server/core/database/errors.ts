/** @module What a database error means, read from its PostgreSQL SQLSTATE (the same on PGlite and a server). */

/** PostgreSQL's unique_violation (23505): a row with the same key exists. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505';
}
