// Periodic jobs: run on the interval, never two runs at once, errors reported and the next run still happens.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startIntervalJob } from './jobs.ts';

describe('startIntervalJob', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs every interval, skips a tick while a run is going, reports errors, and stops', async () => {
    let release: () => void = () => undefined;
    let runs = 0;
    const errors: unknown[] = [];
    const job = startIntervalJob(
      () => {
        runs += 1;
        if (runs === 2) return Promise.reject(new Error('boom'));
        return new Promise<void>((resolve) => (release = resolve));
      },
      1000,
      (error) => errors.push(error),
    );
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs).toBe(1);
    await vi.advanceTimersByTimeAsync(3000);
    expect(runs).toBe(1);
    release();
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs).toBe(2);
    await vi.advanceTimersByTimeAsync(1000);
    expect(errors).toHaveLength(1);
    expect(runs).toBe(3);
    job.stop();
    release();
    await vi.advanceTimersByTimeAsync(5000);
    expect(runs).toBe(3);
  });
});
