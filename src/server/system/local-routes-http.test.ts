// The CLI's way into a running Maille on a PGlite folder: the lock file's token opens it, nothing else does.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMaille, type Maille } from '../app.ts';
import { loadConfig } from '../core/config.ts';
import { openDatabase } from '../core/database/connect.ts';
import { readLock } from '../core/database/data-dir-lock.ts';

const dataDir = mkdtempSync(path.join(tmpdir(), 'maille-local-'));
let maille: Maille;

beforeAll(async () => {
  const config = loadConfig({ LOG_LEVEL: 'silent', MAILLE_DEMO: 'false', MAILLE_DATA_DIR: dataDir });
  maille = await createMaille(config, { database: await openDatabase({ dataDir }), jobs: false });
}, 180_000);

afterAll(async () => {
  await maille.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('local administration routes', () => {
  it('answer like an unknown route without the token, or with another one', async () => {
    for (const url of ['/api/local/mail', '/api/local/backup']) {
      for (const headers of [{}, { authorization: 'Bearer not-the-token' }, { authorization: readLock(dataDir)!.token }]) {
        const res = await maille.app.inject({ method: 'GET', url, headers });
        expect(res.statusCode, url).toBe(404);
        expect(res.json()).toMatchObject({ detail: `No route for GET ${url}.` });
      }
    }
  });

  it('list the outbox and hand over a backup with the token from the lock file', async () => {
    const authorization = `Bearer ${readLock(dataDir)!.token}`;
    const mail = await maille.app.inject({ method: 'GET', url: '/api/local/mail?limit=5', headers: { authorization } });
    expect(mail.statusCode).toBe(200);
    expect(mail.json()).toEqual({ items: [] });
    const backup = await maille.app.inject({ method: 'GET', url: '/api/local/backup', headers: { authorization } });
    expect(backup.statusCode).toBe(200);
    expect(backup.headers['content-type']).toBe('application/gzip');
    expect(gunzipSync(backup.rawPayload).toString('latin1')).toContain('PG_VERSION');
  });
});
