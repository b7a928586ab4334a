/**
 * @module Groups readings that arrive at the same time (MQTT publishes of many devices) into one transaction: each
 * submitter waits for the commit of the batch that holds its readings, then gets its own share of the result. One
 * batch is written at a time per process, so batches of one process never deadlock on each other's rollups.
 */
import { ingestWithOutcomes, type IngestDeps, type IngestResult, type ReadingInput, type ReadingSource } from './ingest-readings.ts';

type Territory = { id: string; slug: string };
interface Pending {
  territory: Territory;
  source: ReadingSource;
  readings: ReadingInput[];
  resolve: (result: IngestResult) => void;
  reject: (error: unknown) => void;
}

export interface IngestBatcher {
  /** Stores these readings with whatever else is waiting; resolves once they are committed. */
  submit(territory: Territory, source: ReadingSource, readings: ReadingInput[]): Promise<IngestResult>;
  /** Resolves when nothing is waiting or being written. */
  idle(): Promise<void>;
}

/** Readings per transaction at most: big enough to amortise a commit, small enough to keep a batch under a second. */
export const MAX_BATCH_READINGS = 5000;

export function createIngestBatcher(deps: IngestDeps, options: { maxReadings?: number } = {}): IngestBatcher {
  const max = options.maxReadings ?? MAX_BATCH_READINGS;
  const queue: Pending[] = [];
  let running: Promise<void> | null = null;

  async function writeGroup(group: Pending[]): Promise<void> {
    const first = group[0]!;
    try {
      const { outcomes, result } = await ingestWithOutcomes(deps, first.territory, first.source, group.flatMap((p) => p.readings));
      let offset = 0;
      for (const p of group) {
        const end = offset + p.readings.length;
        const mine = outcomes.slice(offset, end);
        const rejected = result.rejected.filter((r) => r.index >= offset && r.index < end).map((r) => ({ ...r, index: r.index - offset }));
        p.resolve({ stored: mine.filter((o) => o === 'stored').length, duplicates: mine.filter((o) => o === 'duplicate').length, rejected });
        offset = end;
      }
    } catch (error) {
      for (const p of group) p.reject(error);
    }
  }

  async function drain(): Promise<void> {
    while (queue.length > 0) {
      const first = queue[0]!;
      const group: Pending[] = [];
      let n = 0;
      // The waiting submissions of the same territory and source, in arrival order, up to `max` readings.
      while (queue.length > 0) {
        const next = queue[0]!;
        if (next.territory.id !== first.territory.id || next.source !== first.source) break;
        if (group.length > 0 && n + next.readings.length > max) break;
        group.push(queue.shift()!);
        n += next.readings.length;
      }
      await writeGroup(group);
    }
  }

  // A submission that arrives while the last drain is finishing starts the next one.
  function kick(): void {
    if (running) return;
    running = drain().finally(() => {
      running = null;
      if (queue.length > 0) kick();
    });
  }

  return {
    submit(territory, source, readings) {
      return new Promise<IngestResult>((resolve, reject) => {
        queue.push({ territory, source, readings, resolve, reject });
        kick();
      });
    },
    async idle() {
      while (running) await running;
    },
  };
}
