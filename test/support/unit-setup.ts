// The unit tier is pure code: a unit test file that loads a database engine fails here, and belongs in the db tier.
import { vi } from 'vitest';

vi.mock('@electric-sql/pglite', () => {
  throw new Error('PGlite was loaded by a unit test: a test that reaches a database belongs in the db tier (test/support/tiers.ts).');
});
vi.mock('pg', () => {
  throw new Error('The PostgreSQL client was loaded by a unit test: a test that reaches a database belongs in the db tier (test/support/tiers.ts).');
});
