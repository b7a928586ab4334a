/** @module Commitment responses as the API sends them: shares rounded by the one rule, and where the counts and the target come from. */
import { presentFigures, provenance, type Provenance, type Source } from '../core/figures.ts';
import { localDate } from '../core/time-of-day.ts';

export const COMMITMENT_METHOD = [
  'Signers are the signatures recorded in Maille (an offline signature counts once confirmed); required = the target count, or the target share × base rounded up.',
  'neededShare is the real threshold, required ÷ base; signedShare = signers ÷ base.',
  'A corridor commitment’s base and share are chosen by its organiser, usually from the queue model’s suggestion on the corridor page of that day.',
];

type View = { id: string; createdAt: Date | string; scope: { kind: string; corridorId?: string } };

function sourcesOf(view: View, slug: string, today: string): Source[] {
  const out: Source[] = [{ label: 'Signatures recorded in Maille', url: null, date: today }];
  if (view.scope.kind === 'corridor' && view.scope.corridorId) {
    const launched = localDate(new Date(view.createdAt));
    out.push({ label: `Target chosen on launch from the queue model of corridor ${view.scope.corridorId} (suggested share that clears the morning jam)`, url: `/api/territories/${slug}/corridors/${view.scope.corridorId}`, date: launched });
  }
  return out;
}

export function presentCommitment<V extends View>(view: V, slug: string, today: string): V & { provenance: Provenance } {
  return { ...presentFigures(view), provenance: provenance({ method: COMMITMENT_METHOD, sources: sourcesOf(view, slug, today) }) };
}

export function presentCommitments<V extends View>(items: V[], slug: string, today: string): { items: (V & { provenance: Provenance })[]; provenance: Provenance } {
  return { items: items.map((v) => presentCommitment(v, slug, today)), provenance: provenance({ method: COMMITMENT_METHOD, sources: [{ label: 'Signatures recorded in Maille', url: null, date: today }] }) };
}
