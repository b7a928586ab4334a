/** @module A resident creates a community and becomes its first organiser. */
import { newCode } from '../core/auth/tokens.ts';
import type { CommunityKind, CommunityVisibility, JoinPolicy } from '../core/database/schema.ts';
import { invalid } from '../core/errors.ts';
import type { RequestScope } from '../core/http/scope.ts';
import { inUnitOfWork, type Deps } from '../core/unit-of-work.ts';
import { recordAudit } from '../audit/index.ts';
import { requireResident } from '../territories/index.ts';
import { normaliseDomain } from './model.ts';
import { toCommunityView, type CommunityView } from './view.ts';

export interface CommunityInput {
  name: string;
  description?: string | undefined;
  kind: CommunityKind;
  visibility: CommunityVisibility;
  joinPolicy: JoinPolicy;
  emailDomain?: string | undefined;
}

/** Checks the fields that depend on each other; returns the e-mail domain to store. */
export function domainFor(joinPolicy: JoinPolicy, emailDomain: string | undefined): string | null {
  if (joinPolicy !== 'email_domain') return null;
  const domain = normaliseDomain(emailDomain ?? '');
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domain)) {
    throw invalid('/emailDomain', 'An e-mail-domain community needs a domain such as "dijon.fr".');
  }
  return domain;
}

export async function createCommunity(deps: Pick<Deps, 'db' | 'bus'>, { territory, viewer, requestId }: RequestScope, c: CommunityInput): Promise<CommunityView> {
  const actor = await requireResident(deps.db, territory, viewer);
  const name = c.name.trim();
  if (!name) throw invalid('/name', 'The name must not be blank.');
  const emailDomain = domainFor(c.joinPolicy, c.emailDomain);
  return inUnitOfWork(deps, async (work) => {
    const trx = work.db;
    const row = await trx
      .insertInto('communities')
      .values({
        territory_id: territory.id,
        name,
        description: c.description?.trim() ?? '',
        kind: c.kind,
        visibility: c.visibility,
        join_policy: c.joinPolicy,
        email_domain: emailDomain,
        invite_code: newCode(),
        created_by: actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('community_members')
      .values({ territory_id: territory.id, community_id: row.id, user_id: actor.userId, role: 'organiser', status: 'active' })
      .execute();
    await recordAudit(trx, {
      territoryId: territory.id,
      actorId: actor.userId,
      action: 'community.created',
      subjectType: 'community',
      subjectId: row.id,
      requestId,
    });
    work.publish('community.membership_changed', { territoryId: territory.id, communityId: row.id, userId: actor.userId });
    return toCommunityView(row, 1, { role: 'organiser', status: 'active' });
  });
}
