/**
 * @module A person without e-mail or password (an assisted account a mediator opens on a paper consent): the `users`
 * row, in the caller's transaction. They sign in once they take their account over (`grant-sign-in.ts`).
 */
import type { Executor } from '../core/database/schema.ts';

export async function createOfflineUser(trx: Executor, input: { displayName: string; locale: 'fr' | 'en'; now: Date }): Promise<string> {
  const user = await trx
    .insertInto('users')
    .values({ email: null, password_hash: null, display_name: input.displayName, locale: input.locale, created_at: input.now, deleted_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return user.id;
}
