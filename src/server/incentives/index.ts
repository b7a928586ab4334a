/**
 * @module The public entry of incentives: the only file other capabilities, the composition root and the CLI import from
 * it (dependency rules in .dependency-cruiser.cjs; docs/architecture.md). Kept to what they use by `npm run entries`.
 */
export { checkCampaignInput } from './campaign-input.ts';
export type { CampaignInput } from './campaign-input.ts';
export { campaignRoutes } from './campaign-routes.ts';
export { maxPerPersonPerDay, maxPerPersonPerMonth, minProofClass, onWeekdays, onlyKinds, perGesture, timeWindowBonus } from './campaign-rules.ts';
export { budgetAccount, fundingAccount } from './campaign-store.ts';
export { countShopsOwed } from './count-to-do.ts';
export { SETTLE_CAMPAIGNS, SETTLE_SOON_MS, incentiveJobs } from './jobs.ts';
export { postTransaction } from './ledger-store.ts';
export { settleCampaign } from './settle-campaign.ts';
export { incentivePersonalData } from './wallet-personal-data.ts';
export { walletRoutes } from './wallet-routes.ts';
