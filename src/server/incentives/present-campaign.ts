/** @module Campaign responses as the API sends them: money in cents from the campaign's rules and its ledger, simulations from recorded gestures, each saying so. */
import { presentFigures, provenance, type Provenance } from '../core/figures.ts';

const LEDGER = ['Amounts are in euro cents, exact: budgets, payouts, top-ups and returns are postings of the campaign’s double-entry ledger (docs/incentives.md).', 'What a gesture earns follows the campaign’s rules as launched; a gesture is paid once.'];
const SIMULATION = ['A simulation applies the draft rules to the gestures recorded over the chosen weeks: it estimates, it pays nothing.', ...LEDGER.slice(0, 1)];

export function campaignProvenance(today: string, kind: 'ledger' | 'simulation' = 'ledger'): Provenance {
  return provenance({
    method: kind === 'ledger' ? LEDGER : SIMULATION,
    sources: [kind === 'ledger' ? { label: 'The campaign ledger kept by Maille', url: null, date: today } : { label: 'Gestures recorded in Maille over the simulated weeks', url: null, date: today }],
  });
}

export function presentCampaign<R>(result: R, today: string, kind: 'ledger' | 'simulation' = 'ledger'): R & { provenance: Provenance } {
  return { ...(presentFigures(result) as R & object), provenance: campaignProvenance(today, kind) };
}

export function presentCampaigns<R>(items: R[], today: string): { items: R[]; provenance: Provenance } {
  return { items: items.map((r) => presentFigures(r)), provenance: campaignProvenance(today) };
}
