/**
 * @module The Poisson scan with its replicas split across worker threads. Each worker runs `poissonReplicaMaxima`
 * (and the two functions it calls) from their source text (no TypeScript loader needed in the worker) on a contiguous range of replicas; replica r draws
 * from its own seed, so the clusters and p-values are exactly those of `scanPoisson`, whatever the number of workers.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { drawReplicaCounts, largestWindowLlr, poissonReplicaMaxima, type PoissonReplicaJob } from './poisson-replicas.ts';
import { finishPoissonScan, preparePoissonScan } from './scan-poisson.ts';
import type { Cluster, ScanCell, ScanOptions } from './types.ts';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
${drawReplicaCounts.toString()}
${largestWindowLlr.toString()}
${poissonReplicaMaxima.toString()}
const out = new Float64Array(workerData.to - workerData.from);
poissonReplicaMaxima(workerData.job, workerData.from, workerData.to, out);
parentPort.postMessage(out, [out.buffer]);
`;

function runWorker(job: PoissonReplicaJob, from: number, to: number): Promise<Float64Array> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { job, from, to } });
    worker.once('message', (out: Float64Array) => resolve(out));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`scan worker stopped with exit code ${code}`));
    });
  });
}

/** The largest LLR of replicas 0 … replicas − 1, computed by `workers` threads (one thread: no worker at all). */
export async function poissonReplicaMaximaInWorkers(job: PoissonReplicaJob, replicas: number, workers: number): Promise<Float64Array> {
  const threads = Math.max(1, Math.min(workers, replicas));
  const maxima = new Float64Array(replicas);
  if (threads === 1) {
    poissonReplicaMaxima(job, 0, replicas, maxima);
    return maxima;
  }
  const bounds = Array.from({ length: threads + 1 }, (_, i) => Math.round((i * replicas) / threads));
  const parts = await Promise.all(bounds.slice(0, -1).map((from, i) => runWorker(job, from, bounds[i + 1]!)));
  parts.forEach((part, i) => maxima.set(part, bounds[i]));
  return maxima;
}

/**
 * `scanPoisson` on worker threads (default: one per core), for maps where the replicas take seconds.
 * @example await scanPoissonInWorkers(cells, { workers: 2 }) // same clusters as scanPoisson(cells), sooner
 */
export async function scanPoissonInWorkers(cells: readonly ScanCell[], options: ScanOptions & { workers?: number } = {}): Promise<Cluster[]> {
  const scan = preparePoissonScan(cells, options);
  if (scan.job.totalCases === 0) return [];
  const maxima = await poissonReplicaMaximaInWorkers(scan.job, scan.replicas, options.workers ?? availableParallelism());
  return finishPoissonScan(scan, maxima);
}
