/**
 * @module Gives an account without sign-in its e-mail and password hash (a resident taking over the account a mediator
 * opened), in the caller's transaction; a taken address fails with PostgreSQL's unique violation, for the caller to word.
 */
import type { Executor } from '../core/database/schema.ts';

export async function grantSignIn(trx: Executor, userId: string, input: { email: string; passwordHash: string }): Promise<void> {
  await trx.updateTable('users').set({ email: input.email, password_hash: input.passwordHash }).where('id', '=', userId).execute();
}
