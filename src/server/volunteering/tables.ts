/** @module The volunteering tables as Kysely types (migration 0007_volunteering); part of the database's DB interface. */

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- tables are added with the migration
export interface VolunteeringTables {}
