// In-process HTTP for tests: the real Fastify app on a real test database, called with app.inject.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { createMaille, type Maille } from '../../src/server/app.ts';
import { fixedClock } from '../../src/server/core/clock.ts';
import { loadConfig, type Config } from '../../src/server/core/config.ts';
import type { DatabaseKind } from '../../src/server/core/database/connect.ts';
import { openTestDatabase } from './database.ts';

export interface TestApp extends Maille {
  kind: DatabaseKind;
  config: Config;
  clock: ReturnType<typeof fixedClock>;
}

export async function startTestApp(kind: DatabaseKind, env: Record<string, string> = {}): Promise<TestApp> {
  const config = loadConfig({ LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', RATE_LIMIT_PER_MINUTE: '100000', MAILLE_DEMO: 'true', ...env });
  const clock = fixedClock(new Date());
  const database = await openTestDatabase(kind);
  const maille = await createMaille(config, { database, clock: clock });
  return { ...maille, kind, config, clock };
}

/** A signed-in (or anonymous) client that carries cookies and the CSRF header like the web app. */
export class Client {
  cookies: Record<string, string> = {};

  constructor(readonly app: FastifyInstance) {}

  async request(options: InjectOptions & { url: string }): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...(options.headers as Record<string, string> | undefined) };
    if (this.cookies.maille_csrf && options.method && options.method !== 'GET') headers['x-csrf-token'] = this.cookies.maille_csrf;
    const res = await this.app.inject({ ...options, headers, cookies: { ...this.cookies, ...(options.cookies ?? {}) } });
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired = c.value === '' || (c.expires !== undefined && c.expires.getTime() <= Date.now()) || c.maxAge === 0;
      if (expired) delete this.cookies[c.name];
      else this.cookies[c.name] = c.value;
    }
    return res;
  }

  get = (url: string) => this.request({ method: 'GET', url });
  post = (url: string, payload?: unknown) => this.request({ method: 'POST', url, ...(payload === undefined ? {} : { payload: payload as object }) });
  put = (url: string, payload?: unknown) => this.request({ method: 'PUT', url, ...(payload === undefined ? {} : { payload: payload as object }) });
  patch = (url: string, payload?: unknown) => this.request({ method: 'PATCH', url, payload: payload as object });
  delete = (url: string, payload?: unknown) => this.request({ method: 'DELETE', url, ...(payload === undefined ? {} : { payload: payload as object }) });

  async signIn(email: string, password: string): Promise<this> {
    const res = await this.post('/api/auth/sign-in', { email, password });
    if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
    return this;
  }
}

/** A client signed in as `user`. */
export function clientFor(app: FastifyInstance, user?: { email: string; password: string }): Promise<Client> | Client {
  const client = new Client(app);
  return user ? client.signIn(user.email, user.password) : client;
}
