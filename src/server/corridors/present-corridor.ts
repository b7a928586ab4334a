/** @module Corridor responses as the API sends them: the queue model named, with its date, on every figure and on the share it suggests. */
import { presentFigures, provenance, type Provenance, type Source } from '../core/figures.ts';
import { MODEL_NOTE } from './get-corridor.ts';

export const CORRIDOR_METHOD = [
  MODEL_NOTE,
  'Queues, delays and vehicle-hours are computed by the queue model when the page is read, over the demand per slot entered with the corridor; they are model figures, not measurements.',
  'shareNeeded is the queue model’s suggestion (source: queue_model, computedOn: the day computed): the smallest share of peak drivers whose move clears the jam.',
];

function sources(date: string): Source[] {
  return [
    { label: 'Maille queue model (deterministic point queue, Vickrey bottleneck) — docs/queue-model.md', url: null, date },
    { label: 'Baseline demand per slot and capacity entered with each corridor by the territory’s operators (the demo’s are invented)', url: null, date },
  ];
}

export function corridorProvenance(date: string): Provenance {
  return provenance({ method: CORRIDOR_METHOD, sources: sources(date) });
}

type View = { date: string };

export function presentCorridor<V extends View>(view: V): V & { provenance: Provenance } {
  return { ...presentFigures(view), provenance: corridorProvenance(view.date) };
}

export function presentCorridors<V extends View>(items: V[], today: string): { items: V[]; provenance: Provenance } {
  return { items: items.map((v) => presentFigures(v)), provenance: corridorProvenance(items[0]?.date ?? today) };
}

/** A recorded shift: the delay it spared others (queue model); "how many others did it" counts from the gestures recorded this week. */
export function presentShift<R extends object>(result: R, today: string): R & { provenance: Provenance } {
  return {
    ...result,
    provenance: provenance({
      method: [
        'delaySpared: this shift’s equal share of the queue delay its corridor-day’s recorded shifts spared the other drivers (queue model; the shifters’ own gain left out; negative when they made others wait longer).',
        'Others who recorded the same kind of gesture this week, in the territory and in each of your communities (small groups suppressed).',
      ],
      sources: [...sources(today), { label: 'Gestures recorded in Maille', url: null, date: today }],
    }),
  };
}
