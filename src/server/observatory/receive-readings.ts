/**
 * @module The HTTP batch of readings: a feeder's ingest key (`Authorization: Bearer`) or an operator's session, a JSON
 * array or a CSV text, one transaction. Accepted readings are stored and rejected ones listed with their row and
 * field; when every reading is rejected the answer is a 400 naming the first.
 */
import type { FastifyRequest } from 'fastify';
import { AppError } from '../core/errors.ts';
import type { RequestScope } from '../core/http/scope.ts';
import type { Deps } from '../core/unit-of-work.ts';
import { requireTerritoryRole } from '../territories/index.ts';
import { CsvError, parseCsv } from './csv.ts';
import { ingestReadings } from './ingest-readings.ts';
import { verifyKey } from './keys.ts';
import { MAX_BATCH, type IngestAnswer } from './schemas.ts';
import type { ReadingInput } from './validate-reading.ts';

export const CSV_HEADER = ['entity_id', 'attribute', 'observed_at', 'value', 'unit_code'] as const;

/** The bearer key of a request, if any. */
export function bearerOf(request: Pick<FastifyRequest, 'headers'>): string | null {
  const header = request.headers.authorization;
  return typeof header === 'string' && /^Bearer\s+\S+$/i.test(header) ? header.replace(/^Bearer\s+/i, '').trim() : null;
}

/** A live ingest key of the territory, or an operator's or admin's session; 401 / 403 otherwise. */
export async function requireFeeder(deps: Pick<Deps, 'db' | 'clock'>, scope: RequestScope, bearer: string | null): Promise<void> {
  if (bearer !== null) {
    const key = await verifyKey(deps.db, scope.territory.id, bearer, 'ingest', deps.clock.now());
    if (!key) throw new AppError('unauthenticated', 'This key is unknown, revoked, of another territory or without the ingest scope.');
    return;
  }
  await requireTerritoryRole(deps.db, scope.territory, scope.viewer, ['operator', 'admin']);
}

/** The readings of a CSV batch (header entity_id,attribute,observed_at,value,unit_code; unit_code optional). */
export function readingsOfCsv(text: string): ReadingInput[] {
  let parsed: ReturnType<typeof parseCsv>;
  try {
    parsed = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvError) throw new AppError('invalid', error.message, { field: `/line/${error.line}`, reason: 'malformed_file' });
    throw error;
  }
  const at = (name: string) => parsed.header.indexOf(name);
  const missing = CSV_HEADER.filter((name) => name !== 'unit_code' && at(name) < 0);
  if (missing.length > 0) throw new AppError('invalid', `The header must name ${CSV_HEADER.join(',')} (unit_code optional); missing: ${missing.join(', ')}.`, { field: '/line/1', reason: 'malformed_file' });
  if (parsed.rows.length === 0 || parsed.rows.length > MAX_BATCH) throw new AppError('invalid', `A batch holds 1 to ${MAX_BATCH} readings.`, { field: '/line/2', reason: 'malformed_file' });
  const unit = at('unit_code');
  return parsed.rows.map(({ cells }) => {
    const raw = cells[at('value')]!.trim();
    const number = raw !== '' && /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(raw) ? Number(raw) : null;
    const unitCode = unit >= 0 ? cells[unit]!.trim() : '';
    return { entityId: cells[at('entity_id')]!.trim(), attribute: cells[at('attribute')]!.trim(), observedAt: cells[at('observed_at')]!.trim(), value: number ?? raw, ...(unitCode ? { unitCode } : {}) };
  });
}

/** Stores a batch (already authorized). */
export async function receiveReadings(deps: Pick<Deps, 'db' | 'clock' | 'config'>, scope: RequestScope, body: ReadingInput[] | string): Promise<IngestAnswer> {
  const readings = typeof body === 'string' ? readingsOfCsv(body) : body;
  const result = await ingestReadings(deps, scope.territory, 'http', readings);
  if (result.stored + result.duplicates === 0 && result.rejected.length > 0) {
    const first = result.rejected[0]!;
    const list = result.rejected.slice(0, 5).map((r) => `row ${r.index} ${r.field}: ${r.reason}`).join('; ');
    throw new AppError('invalid', `Every reading was rejected (${result.rejected.length}): ${list}.`, { field: `/${first.index}${first.field}`, reason: first.reason });
  }
  return result;
}
