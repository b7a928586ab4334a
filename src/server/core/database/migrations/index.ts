/** @module The ordered, forward-only list of migrations. Append; never edit a released one. */
import type { Migration } from 'kysely';
import * as m0001 from './0001_foundation.ts';
import * as m0002 from './0002_mobility.ts';
import * as m0003 from './0003_commitments.ts';
import * as m0004 from './0004_incentives.ts';
import * as m0005 from './0005_commitment_followup.ts';
import * as m0006 from './0006_mutual_aid.ts';
import * as m0007 from './0007_volunteering.ts';
import * as m0008 from './0008_check_ins.ts';
import * as m0009 from './0009_mediation.ts';
import * as m0010 from './0010_moderation.ts';
import * as m0012 from './0012_offline_signatures.ts';
import * as m0013 from './0013_account_trust.ts';
import * as m0014 from './0014_factor_editions.ts';
import * as m0015 from './0015_counterfactuals.ts';
import * as m0016 from './0016_jobs.ts';
import * as m0017 from './0017_places.ts';
import * as m0018 from './0018_carpool_reminders.ts';
import * as m0019 from './0019_observatory.ts';
import * as m0021 from './0021_ngsi_subscriptions.ts';
import * as m0022 from './0022_observatory_alerts.ts';
import * as m0023 from './0023_observatory_commands.ts';

export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_mobility': m0002,
  '0003_commitments': m0003,
  '0004_incentives': m0004,
  '0005_commitment_followup': m0005,
  '0006_mutual_aid': m0006,
  '0007_volunteering': m0007,
  '0008_check_ins': m0008,
  '0009_mediation': m0009,
  '0010_moderation': m0010,
  '0012_offline_signatures': m0012,
  '0013_account_trust': m0013,
  '0014_factor_editions': m0014,
  '0015_counterfactuals': m0015,
  '0016_jobs': m0016,
  '0017_places': m0017,
  '0018_carpool_reminders': m0018,
  '0019_observatory': m0019,
  '0021_ngsi_subscriptions': m0021,
  '0022_observatory_alerts': m0022,
  '0023_observatory_commands': m0023,
};
