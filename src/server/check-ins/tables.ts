/** @module The check-ins tables as Kysely types (migration 0008_check_ins); part of the database's DB interface. */

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- tables are added with the migration
export interface CheckInsTables {}
