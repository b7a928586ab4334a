/** @module Small timing helpers for the matching bench: percentiles, memory after a full GC, tidy printing. */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

export interface Latency {
  p50: number;
  p99: number;
  mean: number;
  count: number;
}

/** Milliseconds per call: p50, p99 (nearest rank) and mean. */
export function summarise(ms: number[]): Latency {
  const sorted = [...ms].sort((a, b) => a - b);
  const rank = (p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN;
  return { p50: rank(0.5), p99: rank(0.99), mean: ms.reduce((s, v) => s + v, 0) / ms.length, count: ms.length };
}

export function timeEach<T>(items: readonly T[], run: (item: T) => void): number[] {
  return items.map((item) => {
    const started = performance.now();
    run(item);
    return performance.now() - started;
  });
}

/** Heap plus typed-array memory after a full collection, in MB (the index keeps its trees in typed arrays). */
export function usedMb(): number {
  gc();
  gc();
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 1e6;
}

export const fmt = (ms: number): string => (ms >= 100 ? ms.toFixed(0) : ms >= 1 ? ms.toFixed(2) : ms.toFixed(3));
export const show = (l: Latency): string => `p50 ${fmt(l.p50)} ms, p99 ${fmt(l.p99)} ms, mean ${fmt(l.mean)} ms (n = ${l.count})`;
export const count = (n: number): string => n.toLocaleString('en');

/** Evenly spread, deterministic sample of `n` items. */
export function sample<T>(items: readonly T[], n: number, offset = 0): T[] {
  const step = items.length / Math.min(n, items.length);
  return Array.from({ length: Math.min(n, items.length) }, (_, i) => items[Math.floor(offset + i * step) % items.length]!);
}
