/**
 * @module The personal-data registry as the composition root wires it: every capability's source, in the order
 * erasure runs them (memberships first, so no community is left without an organiser; notifications last, so what
 * others were told is scrubbed after every capability has had its say). Accounts runs the list and knows none of them.
 */
import { carpoolPersonalData } from './carpool/personal-data.ts';
import { checkInPersonalData } from './check-ins/personal-data.ts';
import { commitmentPersonalData } from './commitments/personal-data.ts';
import { communityPersonalData } from './communities/personal-data.ts';
import { commutePersonalData } from './commute/personal-data.ts';
import type { PersonalDataSource } from './core/personal-data.ts';
import { corridorPersonalData } from './corridors/personal-data.ts';
import { impactPersonalData } from './impact/personal-data.ts';
import { incentivePersonalData } from './incentives/wallet-personal-data.ts';
import { mediationPersonalData } from './mediation/personal-data.ts';
import { moderationPersonalData } from './moderation/personal-data.ts';
import { mutualAidPersonalData } from './mutual-aid/personal-data.ts';
import { notificationPersonalData } from './notifications/personal-data.ts';
import { territoryPersonalData } from './territories/personal-data.ts';
import { volunteeringPersonalData } from './volunteering/personal-data.ts';

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
