/** @module Shapes of the admin API answers, as the pages read them: the server's schemas, dates as ISO strings. */
import type { AuditAction, AuditSubjectType } from '../../server/audit/schemas.ts';
import type { CorridorInput } from '../../server/corridors/schemas.ts';
import type { FactorsView, FactorVersions } from '../../server/impact/schemas.ts';
import type { PersonRecord, PersonSummary, Role } from '../../server/territories/schemas.ts';
import type { Wire } from '../core/wire.ts';

export type { AuditAction, AuditSubjectType, Role };
export type Person = Wire<PersonSummary>;
export type PersonView = Wire<PersonRecord>;
export type CorridorDefinition = CorridorInput & { id: string };
export type Factors = Wire<FactorsView>;
export type FactorVersionList = Wire<FactorVersions>;

/** The roles an admin gives and takes, in the order the screens list them (`resident` is everyone's). */
export const GIVEN_ROLES = ['admin', 'operator', 'mediator', 'merchant'] as const satisfies readonly Role[];
