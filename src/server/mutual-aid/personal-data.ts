/**
 * @module A person's mutual-aid data, for their export and their erasure. Erasure deletes addresses, profile, offers
 * and requests still under way; done and cancelled requests stay without their words (their numbers still count in
 * the collective value, under an id that no longer leads to anyone).
 */
import type { Database, Transaction } from '../core/database/schema.ts';
import { eraseAddresses, ownAddresses } from './address.ts';
import type { PersonalDataSource } from '../core/personal-data.ts';

export async function exportMutualAidData(db: Database, userId: string) {
  const requests = await db.selectFrom('aid_requests').selectAll().where('requester_id', '=', userId).orderBy('id').execute();
  const [addresses, offersMade, standingOffers, helperProfiles, helped] = await Promise.all([
    ownAddresses(db, requests, userId),
    db.selectFrom('aid_request_offers').select(['request_id', 'message', 'created_at', 'withdrawn_at']).where('helper_id', '=', userId).orderBy('id').execute(),
    db.selectFrom('aid_offers').select(['id', 'kind', 'text', 'weekdays', 'times', 'cell', 'commune_code', 'created_at', 'closed_at']).where('helper_id', '=', userId).orderBy('id').execute(),
    db.selectFrom('aid_helper_profiles').selectAll().where('user_id', '=', userId).execute(),
    // Requests I was accepted for: what I did, with the thanks I received — not the requester's address.
    db
      .selectFrom('aid_requests')
      .select(['id', 'kind', 'status', 'cell', 'commune_code', 'matched_at', 'done_at', 'hours_reported', 'thanks_message', 'thanked_at'])
      .where('accepted_helper_id', '=', userId)
      .orderBy('id')
      .execute(),
  ]);
  const requestsOut = requests.map(({ idempotency_key: _key, ...r }) => ({ ...r, address: addresses.find((a) => a.requestId === r.id) ?? null }));
  return { requests: requestsOut, offersMade, standingOffers, helperProfiles, helped };
}

export async function eraseMutualAidData(trx: Transaction, userId: string): Promise<void> {
  const mine = await trx.selectFrom('aid_requests').select(['id', 'status']).where('requester_id', '=', userId).execute();
  await eraseAddresses(trx, mine.map((r) => r.id));
  const underWay = mine.filter((r) => r.status !== 'done' && r.status !== 'cancelled').map((r) => r.id);
  if (underWay.length) await trx.deleteFrom('aid_requests').where('id', 'in', underWay).execute();
  await trx.updateTable('aid_requests').set({ description: null, thanks_message: null }).where('requester_id', '=', userId).execute();
  // As a helper: requests I was accepted for and not yet done go back to the other offers.
  const accepted = await trx.selectFrom('aid_requests').select('id').where('accepted_helper_id', '=', userId).where('status', '=', 'matched').execute();
  await trx.deleteFrom('aid_request_offers').where('helper_id', '=', userId).execute();
  for (const r of accepted) {
    const others = await trx.selectFrom('aid_request_offers').select('id').where('request_id', '=', r.id).where('withdrawn_at', 'is', null).limit(1).executeTakeFirst();
    await trx.updateTable('aid_requests').set({ status: others ? 'offered' : 'open', accepted_helper_id: null, matched_at: null }).where('id', '=', r.id).execute();
  }
  await trx.updateTable('aid_requests').set({ thanks_message: null }).where('accepted_helper_id', '=', userId).execute();
  await trx.deleteFrom('aid_offers').where('helper_id', '=', userId).execute();
  await trx.deleteFrom('aid_helper_profiles').where('user_id', '=', userId).execute();
}

export const mutualAidPersonalData: PersonalDataSource = {
  exportAt: ['mutualAid'],
  export: exportMutualAidData,
  erase: (trx, person) => eraseMutualAidData(trx, person.id),
};
