/**
 * @module Indicators published by authorities (cases, incidence, vaccination per commune and day, Santé publique France
 * style): a CSV imported with its title, publisher, licence and URL. Rows of the territory's communes are stored, the
 * others listed with their line and reason. Operators and admins; audited.
 */
import { sql } from 'kysely';
import { isCalendarDate } from '../core/dates.ts';
import { AppError } from '../core/errors.ts';
import type { RequestScope } from '../core/http/scope.ts';
import { inUnitOfWork, type Deps } from '../core/unit-of-work.ts';
import { auditActor, recordAudit } from '../audit/index.ts';
import { requireTerritoryRole } from '../territories/index.ts';
import { CsvError, parseCsv } from './csv.ts';
import type { IndicatorImportBody, IndicatorReport, IndicatorSource, IndicatorSourceList } from './schemas.ts';
import type { Executor } from '../core/database/schema.ts';

const STAFF = ['operator', 'admin'] as const;
/** Accepted header names, lower case: the commune's INSEE code, the day, and (long format) the indicator and its value. */
export const COMMUNE_COLUMNS = ['com', 'code_commune', 'codgeo', 'insee', 'code_insee', 'commune'];
export const DAY_COLUMNS = ['jour', 'date', 'day'];
export const INDICATOR_COLUMNS = ['indicateur', 'indicator'];
export const VALUE_COLUMNS = ['valeur', 'value'];
const MAX_LISTED = 100;

type Value = { commune_code: string; day: string; indicator: string; value: number };

/** A day as YYYY-MM-DD from YYYY-MM-DD or DD/MM/YYYY, or null. */
function dayOf(raw: string): string | null {
  const text = raw.trim();
  const fr = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  const iso = fr ? `${fr[3]}-${fr[2]}-${fr[1]}` : text.slice(0, 10);
  return isCalendarDate(iso) && (fr || text.length === 10) ? iso : null;
}

/** A number written with a dot or a decimal comma, or null. */
function numberOf(raw: string): number | null {
  const text = raw.trim().replace(/\s/g, '').replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

export async function importIndicators(deps: Pick<Deps, 'db' | 'clock'>, { territory, viewer, requestId }: RequestScope, input: IndicatorImportBody): Promise<IndicatorReport> {
  await requireTerritoryRole(deps.db, territory, viewer, STAFF);
  let csv: ReturnType<typeof parseCsv>;
  try {
    csv = parseCsv(input.csv);
  } catch (error) {
    if (error instanceof CsvError) throw new AppError('invalid', error.message, { field: '/csv', reason: 'malformed_file' });
    throw error;
  }
  const find = (names: string[]) => csv.header.findIndex((h) => names.includes(h));
  const [communeAt, dayAt, indicatorAt, valueAt] = [find(COMMUNE_COLUMNS), find(DAY_COLUMNS), find(INDICATOR_COLUMNS), find(VALUE_COLUMNS)];
  if (communeAt < 0 || dayAt < 0) throw new AppError('invalid', `The header needs a commune column (${COMMUNE_COLUMNS.join(', ')}) and a day column (${DAY_COLUMNS.join(', ')}).`, { field: '/csv', reason: 'malformed_file' });
  const long = indicatorAt >= 0 && valueAt >= 0;
  // Wide format: every other column is an indicator named by its header.
  const wide = long ? [] : csv.header.map((name, i) => ({ name, i })).filter(({ i }) => i !== communeAt && i !== dayAt);
  if (!long && wide.length === 0) throw new AppError('invalid', 'No indicator: send indicateur and valeur columns, or one column per indicator.', { field: '/csv', reason: 'malformed_file' });
  const now = deps.clock.now();
  return inUnitOfWork(deps, async ({ db }) => {
    const communes = new Set((await db.selectFrom('communes').select('code').where('territory_id', '=', territory.id).execute()).map((c) => c.code));
    const values = new Map<string, Value>();
    const rejected: IndicatorReport['rejected'] = [];
    let rejectedRows = 0;
    const reject = (line: number, field: string, reason: string) => {
      rejectedRows += 1;
      if (rejected.length < MAX_LISTED) rejected.push({ line, field, reason });
    };
    for (const { line, cells } of csv.rows) {
      const commune = cells[communeAt]!.trim();
      const day = dayOf(cells[dayAt]!);
      if (!communes.has(commune)) {
        reject(line, csv.header[communeAt]!, 'unknown_commune');
        continue;
      }
      if (!day) {
        reject(line, csv.header[dayAt]!, 'bad_time');
        continue;
      }
      const pairs = long ? [{ name: cells[indicatorAt]!.trim(), raw: cells[valueAt]!, column: csv.header[valueAt]! }] : wide.map(({ name, i }) => ({ name, raw: cells[i]!, column: name }));
      for (const { name, raw, column } of pairs) {
        // An empty cell in a wide file is a value not published that day, not an error.
        if (!long && raw.trim() === '') continue;
        const value = numberOf(raw);
        if (!name || name.length > 64) reject(line, csv.header[indicatorAt] ?? column, 'wrong_value');
        else if (value === null) reject(line, column, 'wrong_value');
        else values.set(`${commune}|${day}|${name}`, { commune_code: commune, day, indicator: name, value });
      }
    }
    const source = await db
      .insertInto('observatory_indicator_sources')
      .values({ territory_id: territory.id, title: input.title.trim(), publisher: input.publisher.trim(), licence: input.licence.trim(), url: input.url ?? null, imported_at: now, imported_by: viewer!.userId, rows_imported: values.size, rows_rejected: rejectedRows })
      .returning('id')
      .executeTakeFirstOrThrow();
    const rows = [...values.values()];
    for (let i = 0; i < rows.length; i += 1000) {
      await db
        .insertInto('observatory_indicator_values')
        .values(rows.slice(i, i + 1000).map((v) => ({ ...v, source_id: source.id, territory_id: territory.id })))
        .execute();
    }
    await recordAudit(db, { territoryId: territory.id, ...auditActor(viewer!), action: 'observatory.indicators_imported', details: { sourceId: source.id, title: input.title.trim(), imported: values.size, rejected: rejectedRows }, requestId, at: now });
    return { source: (await readSources(db, territory.id, source.id))[0]!, rejected };
  });
}

async function readSources(db: Executor, territoryId: string, id?: string): Promise<IndicatorSource[]> {
  let q = db
    .selectFrom('observatory_indicator_sources as s')
    .leftJoin('observatory_indicator_values as v', 'v.source_id', 's.id')
    .select(['s.id', 's.title', 's.publisher', 's.licence', 's.url', 's.imported_at', 's.rows_imported', 's.rows_rejected'])
    .select((eb) => [eb.fn.min('v.day').as('first_day'), eb.fn.max('v.day').as('last_day'), sql<string[] | null>`array_remove(array_agg(distinct v.indicator), null)`.as('indicators')])
    .where('s.territory_id', '=', territoryId)
    .groupBy('s.id')
    .orderBy('s.id', 'desc');
  if (id) q = q.where('s.id', '=', id);
  const rows = await q.execute();
  const day = (d: unknown) => (d === null || d === undefined ? null : d instanceof Date ? d.toISOString().slice(0, 10) : typeof d === 'string' ? d.slice(0, 10) : null);
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    publisher: r.publisher,
    licence: r.licence,
    url: r.url,
    importedAt: r.imported_at,
    rowsImported: r.rows_imported,
    rowsRejected: r.rows_rejected,
    indicators: [...(r.indicators ?? [])].sort(),
    firstDay: day(r.first_day),
    lastDay: day(r.last_day),
  }));
}

/** The indicator files imported into the territory, newest first. Operators and admins. */
export async function listIndicatorSources(deps: Pick<Deps, 'db'>, { territory, viewer }: RequestScope): Promise<IndicatorSourceList> {
  await requireTerritoryRole(deps.db, territory, viewer, STAFF);
  return { items: await readSources(deps.db, territory.id) };
}
