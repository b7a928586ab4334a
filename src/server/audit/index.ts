/**
 * @module The public entry of audit: the only file other capabilities, the composition root and the CLI import from
 * it (dependency rules in .dependency-cruiser.cjs; docs/architecture.md). Kept to what they use by `npm run entries`.
 */
export { auditActor } from './actor.ts';
export { listAudit, listAuditAbout } from './list-audit.ts';
export { recordAudit } from './record-audit.ts';
export * as auditSchemas from './schemas.ts';
export { JsonObject, JsonValueSchema } from './schemas.ts';
export type { AuditAction, AuditRecord, JsonValue } from './schemas.ts';
export { StaffReason, auditStaffRead, statedReason } from './staff-read.ts';
