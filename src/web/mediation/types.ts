/** @module Shapes of the mediation API answers, as the pages read them. */

export type ConsentStatus = 'active' | 'withdrawn' | 'taken_over';

export interface AssistedAccount {
  userId: string;
  displayName: string;
  communeCode: string | null;
  communeName: string | null;
  consentRef: string;
  consentAt: string;
  createdBy: string | null;
  createdByName: string | null;
  status: ConsentStatus;
}

export interface MediationSession {
  id: string;
  residentId: string;
  residentName: string;
  reason: string;
  startedAt: string;
  expiresAt: string;
  endedAt: string | null;
}

export interface AuditEntry {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  onBehalfOfId: string | null;
  onBehalfOfName: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  reason: string | null;
  details: Record<string, unknown>;
}
