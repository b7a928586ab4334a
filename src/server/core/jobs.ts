/** @module Periodic jobs inside an API process: one run at a time, errors logged, the timer never keeps the process alive. */

export interface IntervalJob {
  stop(): void;
}

/**
 * Runs `run` every `everyMs`; a run still going when the next is due is not doubled. The jobs Maille runs this
 * way are idempotent, so several API processes may run them side by side.
 */
export function startIntervalJob(run: () => Promise<unknown>, everyMs: number, onError: (error: unknown) => void): IntervalJob {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    run()
      .catch(onError)
      .finally(() => {
        running = false;
      });
  }, everyMs).unref();
  return { stop: () => clearInterval(timer) };
}
