/**
 * @module The personal-data registry as the composition root wires it: every capability's source, in the order
 * erasure runs them (memberships first, so no community is left without an organiser; notifications last, so what
 * others were told is scrubbed after every capability has had its say). Accounts runs the list and knows none of them.
 */
import { carpoolPersonalData } from './carpool/index.ts';
import { checkInPersonalData } from './check-ins/index.ts';
import { commitmentPersonalData } from './commitments/index.ts';
import { communityPersonalData } from './communities/index.ts';
import { commutePersonalData } from './commute/index.ts';
import type { PersonalDataSource } from './core/personal-data.ts';
import { corridorPersonalData } from './corridors/index.ts';
import { impactPersonalData } from './impact/index.ts';
import { incentivePersonalData } from './incentives/index.ts';
import { mediationPersonalData } from './mediation/index.ts';
import { moderationPersonalData } from './moderation/index.ts';
import { mutualAidPersonalData } from './mutual-aid/index.ts';
import { notificationPersonalData } from './notifications/index.ts';
import { territoryPersonalData } from './territories/index.ts';
import { volunteeringPersonalData } from './volunteering/index.ts';

export const personalDataSources: readonly PersonalDataSource[] = [
  communityPersonalData,
  commutePersonalData,
  carpoolPersonalData,
  corridorPersonalData,
  impactPersonalData,
  moderationPersonalData,
  incentivePersonalData,
  checkInPersonalData,
  mutualAidPersonalData,
  commitmentPersonalData,
  mediationPersonalData,
  volunteeringPersonalData,
  territoryPersonalData,
  notificationPersonalData,
];
