/** @module The shapes of the cluster-detection engine: cells in, clusters out (docs/observatory-clusters.md). */

/** One map cell: a centroid in local metres, its case count and its population at risk. */
export interface ScanCell {
  id: string;
  /** Easting in metres (projected, or lat/lon converted to local metres with `toLocalMetres`). */
  x: number;
  /** Northing in metres. */
  y: number;
  /** Cases observed in the cell (a non-negative integer). */
  cases: number;
  /** Population at risk (positive, need not be an integer). */
  population: number;
}

/** One map cell with its cases per day, oldest day first, the last element being the most recent day. */
export interface SpaceTimeCell {
  id: string;
  x: number;
  y: number;
  population: number;
  casesByDay: readonly number[];
}

export type ClusterMethod = 'kulldorff-poisson' | 'space-time-permutation';

/** A detected cluster: a circle (and, for the space-time variant, the last `days` days). */
export interface Cluster {
  /** Id of the centre cell. */
  centre: string;
  /** Distance from the centre's centroid to the farthest centroid in the window. */
  radiusMetres: number;
  /** Cells in the window, nearest to the centre first. */
  cellIds: string[];
  cases: number;
  expected: number;
  /** (cases / expected) inside over (cases / expected) outside; null when every case is inside. */
  relativeRisk: number | null;
  /** Log-likelihood ratio of the window. */
  llr: number;
  /** Monte Carlo p-value: (1 + replicas whose maximum LLR ≥ this LLR) / (replicas + 1). */
  pValue: number;
  method: ClusterMethod;
  replicas: number;
  /** Space-time variant only: the cylinder covers the last `days` days of the study period. */
  days?: number;
}

export interface ScanOptions {
  /** Largest window, as a share of the total population at risk (default 0.5). */
  maxPopulationShare?: number;
  /** Monte Carlo replicas (default 999). */
  replicas?: number;
  /** Seed of the replicas (default 1); same seed, same p-values. */
  seed?: number;
  /** Most clusters reported: the most likely one, then non-overlapping secondary ones (default 10). */
  maxClusters?: number;
}

export interface SpaceTimeOptions extends ScanOptions {
  /** Longest time window, in days, always ending on the last day (default 7, at most the study period). */
  maxDays?: number;
}

export const DEFAULTS = { maxPopulationShare: 0.5, replicas: 999, seed: 1, maxClusters: 10, maxDays: 7 } as const;
