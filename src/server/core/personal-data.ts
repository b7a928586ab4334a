/**
 * @module The personal-data registry: each capability that keeps something about a person declares one source, what
 * it exports (GDPR art. 15 and 20) and how it erases; the composition root lists them (`src/server/personal-data.ts`)
 * and accounts runs them, so accounts knows none of them.
 */
import type { Database, Transaction } from './database/schema.ts';

/** The person being erased: their id, the address on file, and their name and addresses to scrub from others' words. */
export interface ErasedPerson {
  id: string;
  email: string | null;
  /** Display name and e-mail addresses, for the safety net that scrubs what others were told about the person. */
  needles: readonly string[];
}

export interface PersonalDataSource {
  /** Where its export goes in the document, e.g. `['mobility', 'carpool']`; absent when it only erases. */
  exportAt?: readonly [string, ...string[]];
  export?: (db: Database, userId: string) => Promise<unknown>;
  /** Erases or anonymises inside the erasure transaction, in the order of the registry. */
  erase?: (trx: Transaction, person: ErasedPerson, now: Date) => Promise<void>;
}

/** Every source's export, placed at its path in one document. */
export async function exportPersonalData(db: Database, sources: readonly PersonalDataSource[], userId: string): Promise<Record<string, unknown>> {
  const document: Record<string, unknown> = {};
  for (const source of sources) {
    if (!source.export || !source.exportAt) continue;
    const value = await source.export(db, userId);
    const path = source.exportAt;
    let node = document;
    for (const key of path.slice(0, -1)) {
      node[key] ??= {};
      node = node[key] as Record<string, unknown>;
    }
    node[path[path.length - 1]!] = value;
  }
  return document;
}

/** Every source's erasure, in order, inside the caller's transaction. */
export async function erasePersonalData(trx: Transaction, sources: readonly PersonalDataSource[], person: ErasedPerson, now: Date): Promise<void> {
  for (const source of sources) await source.erase?.(trx, person, now);
}
