/** @module What every route handler receives: the ports (database, clock, mail, events) and config. */
import type { Config } from '../config.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../database/schema.ts';
import type { DatabaseKind } from '../database/connect.ts';
import type { EventBus } from '../events.ts';
import type { PersonalDataSource } from '../personal-data.ts';

export interface AppDeps {
  db: Database;
  databaseKind: DatabaseKind;
  clock: Clock;
  bus: EventBus;
  config: Config;
  version: string;
  /** Every capability's personal data, for export and erasure (the composition root's `personalDataSources`). */
  personalData: readonly PersonalDataSource[];
}
