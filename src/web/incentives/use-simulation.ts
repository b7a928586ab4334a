/** @module Live simulation of a draft: debounced (400 ms) POST /campaigns/simulate, the stale request aborted when the draft changes. */
import { useEffect, useState } from 'preact/hooks';
import { callApi, territoryPath } from '../core/api.ts';
import { pointerOf, toApiError, type ApiError } from '../core/api-error.ts';
import { incentiveApi } from './paths.ts';
import type { CampaignInput, SimulationView } from './types.ts';

export const SIMULATION_WEEKS = [4, 8, 12] as const;
export type SimulationWeeks = (typeof SIMULATION_WEEKS)[number];
export const DEBOUNCE_MS = 400;

export interface SimulationState {
  /** waiting: the draft cannot be read yet; running: a request is on its way (the last result stays shown). */
  status: 'waiting' | 'running' | 'done' | 'error';
  result?: SimulationView;
  error?: ApiError;
  /** The JSON pointer a 400 named, e.g. "/campaign/rules/2/cents". */
  pointer?: string;
}

export function useSimulation(slug: string, input: CampaignInput | null, weeks: SimulationWeeks): SimulationState {
  const [state, setState] = useState<SimulationState>({ status: 'waiting' });
  // The draft as text: a new object with the same content does not start a new request.
  const key = input === null ? null : JSON.stringify(input);
  useEffect(() => {
    if (key === null) {
      setState((s) => ({ status: 'waiting', ...(s.result ? { result: s.result } : {}) }));
      return;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      setState((s) => ({ status: 'running', ...(s.result ? { result: s.result } : {}) }));
      callApi<SimulationView>('POST', territoryPath(slug, incentiveApi.simulate), { body: { campaign: JSON.parse(key) as CampaignInput, weeks }, signal: controller.signal }).then(
        (result) => setState({ status: 'done', result }),
        (caught: unknown) => {
          if (controller.signal.aborted) return;
          setState({ status: 'error', error: toApiError(caught), pointer: pointerOf(caught) });
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [slug, key, weeks]);
  return state;
}
