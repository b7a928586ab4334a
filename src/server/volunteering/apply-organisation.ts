/** @module A signed-in resident applies for an organisation account (association or public service): pending until an operator decides. */
import type { RequestScope } from '../core/http/scope.ts';
import type { Deps } from '../core/unit-of-work.ts';
import { AppError, invalid } from '../core/errors.ts';
import { isUniqueViolation } from '../core/database/errors.ts';
import { auditActor } from '../audit/index.ts';
import { recordAudit } from '../audit/index.ts';
import { requireResident } from '../territories/index.ts';
import type { OrganisationKind } from './tables.ts';

export interface OrganisationInput {
  name: string;
  kind: OrganisationKind;
  description: string;
  contactEmail?: string | undefined;
  contactPhone?: string | undefined;
  commune?: string | undefined;
}

function text(value: string, field: string, min: number, what: string): string {
  const trimmed = value.trim().replace(/\s+/g, ' ');
  if (trimmed.length < min) throw invalid(field, `Give ${what} (at least ${min} characters).`);
  return trimmed;
}

const nameTaken = () => new AppError('conflict', 'An organisation of this name already exists or is being validated in this territory.', { reason: 'name_taken', field: '/name' });

export async function applyForOrganisation(
  deps: Pick<Deps, 'db' | 'clock'>,
  { territory, viewer, requestId }: RequestScope,
  o: OrganisationInput,
): Promise<{ id: string; status: 'pending' }> {
  const actor = await requireResident(deps.db, territory, viewer);
  const name = text(o.name, '/name', 2, 'the organisation’s name');
  const description = o.description.trim();
  if (description.length < 10) throw invalid('/description', 'Describe the organisation in a sentence or two (at least 10 characters).');
  const email = o.contactEmail?.trim() || null;
  if (email !== null && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw invalid('/contactEmail', 'This e-mail address does not look right.');
  const phone = o.contactPhone?.trim() || null;
  if (phone !== null && !/^\+?[0-9 .()-]{6,30}$/.test(phone)) throw invalid('/contactPhone', 'This phone number does not look right.');
  if (email === null && phone === null) throw invalid('/contactEmail', 'Give an e-mail address or a phone number volunteers can reach.');
  if (o.commune) {
    const commune = await deps.db.selectFrom('communes').select('code').where('territory_id', '=', territory.id).where('code', '=', o.commune).executeTakeFirst();
    if (!commune) throw invalid('/commune', `No commune of ${territory.name} has this code.`);
  }
  const now = deps.clock.now();
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('organisations')
        .values({
          territory_id: territory.id,
          name,
          kind: o.kind,
          description,
          contact_email: email,
          contact_phone: phone,
          commune_code: o.commune ?? null,
          applied_by: actor.userId,
          applied_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(trx, {
        territoryId: territory.id,
        ...auditActor(viewer!),
        action: 'volunteering.organisation_applied',
        subjectType: 'organisation',
        subjectId: row.id,
        details: { kind: o.kind },
        requestId,
        at: now,
      });
      return { id: row.id, status: 'pending' as const };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
}
