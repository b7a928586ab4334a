/** @module The moderation tables as Kysely types (migration 0010_moderation); part of the database's DB interface. */

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- tables are added with the migration
export interface ModerationTables {}
