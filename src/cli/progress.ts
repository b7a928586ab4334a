/** @module A progress bar for long CLI work (seeding), quiet when output is not a terminal. */
import cliProgress from 'cli-progress';

export function progressBar(label: string): { update: (done: number, total: number) => void; stop: () => void } {
  if (!process.stderr.isTTY) {
    let lastShown = -1;
    return {
      update: (done, total) => {
        const tenth = Math.floor((10 * done) / Math.max(total, 1));
        if (tenth !== lastShown) {
          lastShown = tenth;
          process.stderr.write(`${label}: ${done}/${total}\n`);
        }
      },
      stop: () => undefined,
    };
  }
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% | {value}/{total} | {duration}s`, stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update: (done, total) => {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.update(done);
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}
