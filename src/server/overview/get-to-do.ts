/**
 * @module The operator's to-do list on the home page: how many items wait in each queue. Counts of queues, no
 * personal data: not a staff read of a person, so not audited. Operators and admins only.
 */
import type { RequestScope } from '../core/http/scope.ts';
import type { Deps } from '../core/unit-of-work.ts';
import { countFlaggedRides } from '../carpool/index.ts';
import { countOpenAlerts } from '../check-ins/index.ts';
import { countShopsOwed } from '../incentives/index.ts';
import { countOpenReports } from '../moderation/index.ts';
import { countOpenObservatoryAlerts } from '../observatory/index.ts';
import { requireTerritoryRole } from '../territories/index.ts';
import { countVolunteeringToDo } from '../volunteering/index.ts';
import type { ToDo } from './schemas.ts';

export async function getToDo({ db }: Pick<Deps, 'db'>, { territory, viewer }: RequestScope): Promise<ToDo> {
  await requireTerritoryRole(db, territory, viewer, ['operator', 'admin']);
  const volunteering = await countVolunteeringToDo(db, territory.id);
  return {
    items: [
      { kind: 'organisations', count: volunteering.organisations },
      { kind: 'missions', count: volunteering.missions },
      { kind: 'flagged_carpools', count: await countFlaggedRides(db, territory.id) },
      { kind: 'reports', count: await countOpenReports(db, territory.id) },
      { kind: 'shops_owed', count: (await countShopsOwed(db, territory.id)).shops },
      { kind: 'check_in_alerts', count: await countOpenAlerts(db, territory.id) },
      { kind: 'observatory_alerts', count: await countOpenObservatoryAlerts(db, territory.id) },
    ],
  };
}
