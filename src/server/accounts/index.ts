/**
 * @module The public entry of accounts: the only file other capabilities, the composition root and the CLI import from
 * it (dependency rules in .dependency-cruiser.cjs; docs/architecture.md). Kept to what they use by `npm run entries`.
 */
export { createOfflineUser } from './create-offline-user.ts';
export { deleteAccount, eraseAccount } from './delete-account.ts';
export { getMe } from './get-me.ts';
export { grantSignIn } from './grant-sign-in.ts';
export { normaliseEmail, passwordProblem } from './model.ts';
export { accountRoutes } from './routes.ts';
export { Email, Me, Password } from './schemas.ts';
export { verifiedEmailOf } from './verify-email.ts';
