/**
 * @module A campaign as the public sees it: what it paid, to how many people, for how many gestures — shown only once
 * at least PRIVACY_MIN_GROUP people were paid (a campaign that paid one person would show what that person did).
 * Operators and admins see their campaigns' money whole: they account for it, and the ledger is theirs to audit.
 */
import { guard } from '../core/privacy/small-group.ts';
import type { CampaignView, ShownCampaignView } from './schemas.ts';

const GUARDED = ['spentCents', 'remainingCents', 'returnedCents', 'awardedGestures', 'people'] as const;

export type { ShownCampaignView } from './schemas.ts';

export function guardCampaignView(view: CampaignView, manager: boolean, minGroup: number): ShownCampaignView {
  if (manager) return view;
  const out: ShownCampaignView = { ...view };
  for (const k of GUARDED) out[k] = guard(view[k], view.people, minGroup);
  return out;
}
