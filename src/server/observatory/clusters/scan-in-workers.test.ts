// Worker threads change when the replicas finish, never what they find: same clusters and p-values as one thread.
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../core/random.ts';
import { scanPoissonInWorkers } from './scan-in-workers.ts';
import { scanPoisson } from './scan-poisson.ts';
import { syntheticMap } from './synthetic-maps.ts';

describe('the scan on worker threads', () => {
  it('reports exactly what the one-thread scan reports, whatever the number of workers', async () => {
    const cells = syntheticMap(seededRandom(8), { cells: 120, hotspots: [{ x: 7000, y: 2000, radius: 1500, risk: 2 }] });
    const options = { seed: 3, replicas: 199, maxClusters: 4 };
    const alone = scanPoisson(cells, options);
    expect(alone[0]!.pValue).toBeLessThan(0.05);
    expect(await scanPoissonInWorkers(cells, { ...options, workers: 2 })).toEqual(alone);
    expect(await scanPoissonInWorkers(cells, { ...options, workers: 3 })).toEqual(alone);
    expect(await scanPoissonInWorkers(cells, { ...options, workers: 1 })).toEqual(alone);
  });
});
