// The admin corridor screen's demand profiles are the demo corridors' own (the web keeps a copy, since it imports no
// server code): same names, capacities and demand per slot, and scaling to the same capacity changes nothing.
import { describe, expect, it } from 'vitest';
import { DIJON_CORRIDORS } from '../src/server/corridors/corridor-presets.ts';
import { DEMAND_PRESETS, scaleDemand } from '../src/web/admin/demand-presets.ts';

describe('demand presets of the admin corridor screen', () => {
  it('copy the demo corridors exactly', () => {
    expect(DEMAND_PRESETS.map(({ slug, name, capacityPerHour, amDemand, pmDemand }) => ({ slug, name, capacityPerHour, amDemand, pmDemand }))).toEqual(
      DIJON_CORRIDORS.map(({ slug, name, capacityPerHour, amDemand, pmDemand }) => ({ slug, name, capacityPerHour, amDemand, pmDemand })),
    );
  });

  it('scale with the capacity, keeping the shape', () => {
    const preset = DEMAND_PRESETS[0]!;
    expect(scaleDemand(preset, 'am', preset.capacityPerHour)).toEqual(preset.amDemand);
    const half = scaleDemand(preset, 'pm', preset.capacityPerHour / 2);
    half.forEach((n, i) => expect(Math.abs(n - preset.pmDemand[i]! / 2)).toBeLessThanOrEqual(0.5));
  });
});
