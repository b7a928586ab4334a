/**
 * @module The public entry of demo: the only file other capabilities, the composition root and the CLI import from
 * it (dependency rules in .dependency-cruiser.cjs; docs/architecture.md). Kept to what they use by `npm run entries`.
 */
export { ensureDemoCampaign } from './seed-campaign.ts';
export { ensureDemoCheckIns } from './seed-check-ins.ts';
export { ensureDemoCommitments } from './seed-commitments.ts';
export { ensureDemoCorridors } from './seed-corridors.ts';
export { DEMO_ACCOUNTS, DEMO_NAME, DEMO_PASSWORD, DEMO_SLUG, hasDemoAccounts, seedDemoIfEmpty } from './seed-demo.ts';
export { ensureDemoShops } from './seed-incentives.ts';
export { ensureDemoAssisted } from './seed-mediation.ts';
export { seedDemoMobility } from './seed-mobility.ts';
export { ensureDemoMutualAid } from './seed-mutual-aid.ts';
export { ensureDemoObservatory } from './seed-observatory.ts';
export { seedTerritory } from './seed-territory.ts';
export { ensureDemoVolunteering } from './seed-volunteering.ts';
