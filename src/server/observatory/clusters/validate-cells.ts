/** @module Input checks of the scan: a bad cell is an `invalid` AppError naming the field, never a NaN downstream. */
import { invalid } from '../../core/errors.ts';
import type { ScanCell, ScanOptions, SpaceTimeCell, SpaceTimeOptions } from './types.ts';

function checkPlace(cell: { id: unknown; x: number; y: number; population: number }, at: string, ids: Set<string>): void {
  if (typeof cell.id !== 'string' || cell.id === '') throw invalid(`${at}/id`, 'Each cell needs a non-empty id.');
  if (ids.has(cell.id)) throw invalid(`${at}/id`, `Cell id ${cell.id} appears twice.`);
  ids.add(cell.id);
  if (!Number.isFinite(cell.x)) throw invalid(`${at}/x`, 'A cell position must be a finite number of metres.');
  if (!Number.isFinite(cell.y)) throw invalid(`${at}/y`, 'A cell position must be a finite number of metres.');
  if (!Number.isFinite(cell.population) || cell.population <= 0) {
    throw invalid(`${at}/population`, 'A cell population must be positive: leave out cells where nobody lives.');
  }
}

function checkCount(value: number, field: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw invalid(field, 'A case count must be a non-negative integer.');
}

function checkOptions(options: SpaceTimeOptions): void {
  const { maxPopulationShare, replicas, maxClusters, maxDays, seed } = options;
  if (maxPopulationShare !== undefined && !(maxPopulationShare > 0 && maxPopulationShare <= 1)) {
    throw invalid('/maxPopulationShare', 'The largest window is a share of the population, above 0 and at most 1.');
  }
  if (replicas !== undefined && (!Number.isSafeInteger(replicas) || replicas < 1)) throw invalid('/replicas', 'At least one replica.');
  if (maxClusters !== undefined && (!Number.isSafeInteger(maxClusters) || maxClusters < 1)) throw invalid('/maxClusters', 'At least one cluster.');
  if (maxDays !== undefined && (!Number.isSafeInteger(maxDays) || maxDays < 1)) throw invalid('/maxDays', 'At least one day.');
  if (seed !== undefined && !Number.isSafeInteger(seed)) throw invalid('/seed', 'The seed is an integer.');
}

/** Throws an `invalid` AppError (field `/cells/<i>/<name>`) on the first bad cell or option. */
export function validateScanInput(cells: readonly ScanCell[], options: ScanOptions = {}): void {
  if (cells.length === 0) throw invalid('/cells', 'The scan needs at least one cell.');
  const ids = new Set<string>();
  cells.forEach((cell, i) => {
    checkPlace(cell, `/cells/${i}`, ids);
    checkCount(cell.cases, `/cells/${i}/cases`);
  });
  checkOptions(options);
}

/** The same checks for the space-time variant: every cell has as many days as the first. */
export function validateSpaceTimeInput(cells: readonly SpaceTimeCell[], options: SpaceTimeOptions = {}): void {
  if (cells.length === 0) throw invalid('/cells', 'The scan needs at least one cell.');
  const days = cells[0]!.casesByDay.length;
  if (days === 0) throw invalid('/cells/0/casesByDay', 'The study period has at least one day.');
  const ids = new Set<string>();
  cells.forEach((cell, i) => {
    checkPlace(cell, `/cells/${i}`, ids);
    if (cell.casesByDay.length !== days) throw invalid(`/cells/${i}/casesByDay`, `Every cell has ${days} days of counts.`);
    cell.casesByDay.forEach((n, d) => checkCount(n, `/cells/${i}/casesByDay/${d}`));
  });
  checkOptions(options);
}
