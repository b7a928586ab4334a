/** @module The ordered, forward-only list of migrations. Append; never edit a released one. */
import type { Migration } from 'kysely';
import * as m0001 from './0001_foundation.ts';
import * as m0002 from './0002_mobility.ts';
import * as m0003 from './0003_commitments.ts';
import * as m0004 from './0004_incentives.ts';
import * as m0005 from './0005_commitment_followup.ts';

export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_mobility': m0002,
  '0003_commitments': m0003,
  '0004_incentives': m0004,
  '0005_commitment_followup': m0005,
};
