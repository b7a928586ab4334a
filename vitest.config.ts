// Vitest runs every tier: pure model tests, storage tests on PGlite (and PostgreSQL when
// TEST_DATABASE_URL is set), in-process HTTP tests, and the Chromium journeys in test/e2e.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.ts', 'bench/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    // Fails a test whose answers do not match their declared responses (when MAILLE_CHECK_RESPONSES=1).
    setupFiles: ['test/support/response-check.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two cores: two test files at a time keeps PGlite instances from starving each other.
    maxWorkers: 2,
    env: { LOG_LEVEL: 'silent' },
  },
});
