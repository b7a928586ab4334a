/** @module The mediation tables as Kysely types (migration 0009_mediation); part of the database's DB interface. */

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- tables are added with the migration
export interface MediationTables {}
