// Password reset: one successful reset burns every other link of the account, reset mails are capped per hour,
// and asking for a reset runs the same statements whether or not the address has an account (timing: bench/).
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/database.ts';
import { buildTerritory, buildUser, type TerritoryFixture } from '../../../test/support/factories.ts';
import { Client, startTestApp, type TestApp } from '../../../test/support/http.ts';
import type { Database } from '../core/database/schema.ts';
import { RESET_MAILS, requestPasswordReset } from './reset-password.ts';

/** Records the SQL text of every statement run through the Kysely instance it is plugged into. */
class StatementRecorder implements KyselyPlugin {
  readonly statements: string[] = [];
  constructor(private readonly db: Database) {}
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.statements.push(this.db.getExecutor().compileQuery(args.node, args.queryId).sql);
    return args.node;
  }
  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }
}

describe.each(databaseKinds())('password reset on %s', (kind) => {
  let t: TestApp;
  let territory: TerritoryFixture;
  beforeAll(async () => {
    t = await startTestApp(kind);
    territory = await buildTerritory(t.database.db);
  });
  afterAll(() => t.close());

  const db = () => t.database.db;
  const ask = (email: string) => new Client(t.app).post('/api/auth/password-reset', { email });
  const tokensIn = async (email: string) => {
    const mails = await db().selectFrom('mail_outbox').select(['body_text', 'purpose']).where('to_address', '=', email).orderBy('id').execute();
    return mails.map((m) => ({ purpose: m.purpose, token: /token=([\w-]+)/.exec(m.body_text)?.[1] ?? '' }));
  };

  it('burns every other outstanding link of the account once one is used', async () => {
    const user = await buildUser(db(), { territory });
    expect((await ask(user.email)).statusCode).toBe(202);
    expect((await ask(user.email)).statusCode).toBe(202);
    const [first, second] = await tokensIn(user.email);
    expect(first?.purpose).toBe('password_reset');
    expect((await new Client(t.app).post('/api/auth/password-reset/confirm', { token: second!.token, password: 'a brand new password' })).statusCode).toBe(204);
    const stale = await new Client(t.app).post('/api/auth/password-reset/confirm', { token: first!.token, password: 'an attacker password' });
    expect(stale.statusCode).toBe(400);
    expect(stale.json()).toMatchObject({ code: 'invalid', field: '/token' });
    await new Client(t.app).signIn(user.email, 'a brand new password');
  });

  it(`sends at most ${RESET_MAILS.perAccount} reset mails per account per hour, answering 202 every time`, async () => {
    const user = await buildUser(db(), { territory });
    for (let i = 0; i < RESET_MAILS.perAccount + 3; i += 1) expect((await ask(user.email.toUpperCase())).statusCode).toBe(202);
    expect(await tokensIn(user.email)).toHaveLength(RESET_MAILS.perAccount);
    const tokens = await db().selectFrom('password_reset_tokens').select('id').where('user_id', '=', user.id).execute();
    expect(tokens).toHaveLength(RESET_MAILS.perAccount);
    t.clock.advance((RESET_MAILS.windowMinutes * 60 + 1) * 1000);
    expect((await ask(user.email)).statusCode).toBe(202);
    expect(await tokensIn(user.email)).toHaveLength(RESET_MAILS.perAccount + 1);
  });

  it('runs the same statements, in the same order, for a known address, an unknown one and a capped one', async () => {
    const user = await buildUser(db(), { territory });
    const run = async (email: string) => {
      const recorder = new StatementRecorder(db());
      const queued = await requestPasswordReset({ db: db().withPlugin(recorder), clock: t.clock, config: t.config }, email, 'req');
      return { queued, statements: recorder.statements };
    };
    const known = await run(user.email);
    const unknown = await run(`nobody-${user.id}@example.org`);
    expect(known.queued).toBe(true);
    expect(unknown.queued).toBe(false);
    expect(known.statements.length).toBeGreaterThanOrEqual(5);
    expect(unknown.statements).toEqual(known.statements);
    for (let i = 1; i < RESET_MAILS.perAccount; i += 1) await run(user.email);
    const capped = await run(user.email);
    expect(capped.queued).toBe(false);
    expect(capped.statements).toEqual(known.statements);
  });

  it('proves an unverified address when its reset link is used', async () => {
    const user = await buildUser(db(), { territory, unverified: true });
    expect((await ask(user.email)).statusCode).toBe(202);
    const [mail] = await tokensIn(user.email);
    expect((await new Client(t.app).post('/api/auth/password-reset/confirm', { token: mail!.token, password: 'a brand new password' })).statusCode).toBe(204);
    const row = await db().selectFrom('users').select('email_verified_at').where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(row.email_verified_at).not.toBeNull();
  });
});
