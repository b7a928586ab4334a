/** @module A person's community memberships in the data export; at erasure they go, and no community is left without an organiser. */
import type { PersonalDataSource } from '../core/personal-data.ts';
import { listMembershipsOf } from './list-memberships-of.ts';
import { releaseMemberships } from './release-memberships.ts';

export const communityPersonalData: PersonalDataSource = {
  exportAt: ['communities'],
  export: listMembershipsOf,
  erase: (trx, person) => releaseMemberships(trx, person.id),
};
