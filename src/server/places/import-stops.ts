/**
 * @module Operators and admins import meeting points from a GTFS `stops.txt`: new stop_ids become meeting points, known
 * ones are updated (name and place; the kind, notes and active flag an operator set are kept), and every row not
 * imported is reported with its line and why. A malformed file is refused whole (400 naming the line), before any write.
 */
import type { RequestScope } from '../core/http/scope.ts';
import { inUnitOfWork, type Deps } from '../core/unit-of-work.ts';
import { AppError } from '../core/errors.ts';
import { auditActor, recordAudit } from '../audit/index.ts';
import { requireTerritoryRole } from '../territories/index.ts';
import { CsvFormatError, readStops, type StopRejection } from './gtfs.ts';
import { communeOfPoint } from './offline-geocoder.ts';
import type { ImportBody, ImportReport } from './schemas.ts';

export async function importStops(deps: Pick<Deps, 'db' | 'clock'>, { territory, viewer, requestId }: RequestScope, input: ImportBody): Promise<ImportReport> {
  await requireTerritoryRole(deps.db, territory, viewer, ['operator', 'admin']);
  let read: ReturnType<typeof readStops>;
  try {
    read = readStops(input.file);
  } catch (error) {
    if (error instanceof CsvFormatError) {
      throw new AppError('invalid', `This is not a readable stops.txt: line ${error.line}: ${error.problem}.`, { field: '/file', reason: 'malformed_file' });
    }
    throw error;
  }
  const kind = input.kind ?? 'bus_stop';
  const now = deps.clock.now();
  return inUnitOfWork(deps, async ({ db }) => {
    const rejected: StopRejection[] = [...read.rejected];
    const existing = new Map(
      (
        await db
          .selectFrom('meeting_points')
          .select(['id', 'gtfs_stop_id', 'name', 'lat', 'lon'])
          .where('territory_id', '=', territory.id)
          .where('gtfs_stop_id', 'is not', null)
          .execute()
      ).map((r) => [r.gtfs_stop_id!, r]),
    );
    let imported = 0;
    let updated = 0;
    let unchanged = 0;
    for (const stop of read.stops) {
      const commune = await communeOfPoint(db, territory.id, stop);
      if (!commune) {
        rejected.push({ line: stop.line, stopId: stop.stopId, reason: 'outside_territory', detail: `${stop.lat}, ${stop.lon} is outside ${territory.name}` });
        continue;
      }
      const known = existing.get(stop.stopId);
      if (!known) {
        await db
          .insertInto('meeting_points')
          .values({ territory_id: territory.id, name: stop.name, kind: stop.station ? 'station' : kind, lat: stop.lat, lon: stop.lon, commune_code: commune.code, notes: null, gtfs_stop_id: stop.stopId, created_at: now, updated_at: now })
          .execute();
        imported += 1;
      } else if (known.name !== stop.name || known.lat !== stop.lat || known.lon !== stop.lon) {
        await db
          .updateTable('meeting_points')
          .set({ name: stop.name, lat: stop.lat, lon: stop.lon, commune_code: commune.code, updated_at: now })
          .where('id', '=', known.id)
          .execute();
        updated += 1;
      } else unchanged += 1;
    }
    rejected.sort((a, b) => a.line - b.line);
    await recordAudit(db, {
      territoryId: territory.id,
      ...auditActor(viewer!),
      action: 'place.meeting_points_imported',
      subjectType: 'territory',
      subjectId: territory.id,
      details: { format: 'gtfs stops.txt', imported, updated, unchanged, rejected: rejected.length },
      requestId,
      at: now,
    });
    return { imported, updated, unchanged, rejected };
  });
}
