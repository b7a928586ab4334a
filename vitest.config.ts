// Vitest runs four tiers (test/support/tiers.ts decides each file's from what it uses): unit — pure code, no
// database; db — storage on PGlite (and PostgreSQL when TEST_DATABASE_URL is set); http — in-process HTTP and Maille
// processes; e2e — the Chromium journeys in test/e2e. `npm test` runs them all, `npm run test:<tier>` one.
import path from 'node:path';
import { defineConfig } from 'vitest/config';
import { testTiers } from './test/support/tiers.ts';

const tiers = testTiers(path.resolve(import.meta.dirname));
// The test databases are prepared once for the whole run (a migrated PGlite snapshot, a PostgreSQL template): by the
// root, whose provided values every tier reads, and not again by each tier.
const once = { globalSetup: [] };

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two cores: two test files at a time keeps PGlite instances from starving each other.
    maxWorkers: 2,
    // Every answer any test sees is checked against the response its route declares (core/http/response-check.ts).
    env: { LOG_LEVEL: 'silent', MAILLE_CHECK_RESPONSES: '1' },
    globalSetup: ['test/support/global-setup.ts'],
    // Fails a test whose answers do not match their declared responses.
    setupFiles: ['test/support/response-check.ts'],
    projects: [
      // A unit test that reaches for a database fails (test/support/unit-setup.ts).
      { extends: true, test: { name: 'unit', include: tiers.unit, setupFiles: ['test/support/unit-setup.ts'], ...once } },
      { extends: true, test: { name: 'db', include: tiers.db, ...once } },
      { extends: true, test: { name: 'http', include: tiers.http, ...once } },
      { extends: true, test: { name: 'e2e', include: tiers.e2e, ...once } },
    ],
  },
});
