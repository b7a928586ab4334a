/** @module The mutual-aid tables as Kysely types (migration 0006_mutual_aid); part of the database's DB interface. */

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- tables are added with the migration
export interface MutualAidTables {}
