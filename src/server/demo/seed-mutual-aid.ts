/**
 * @module Demo mutual aid in Dijon Métropole, all synthetic: helpers with profiles (home kept as an H3 cell), open
 * requests in the coming days — most in central Dijon, so the demo resident (who is a helper too) finds requests
 * near her —, some already offered, standing offers, and done requests in the past six weeks with hours and thanks so
 * the collective value shows. Addresses are invented and marked as such.
 */
import type { Insertable } from 'kysely';
import type { Database } from '../core/database/schema.ts';
import { geometryContains, toCell, type LatLng } from '../core/geo.ts';
import { AID_RESOLUTION } from '../mutual-aid/index.ts';
import type { AidKind, AidOffersTable, AidTime, AidUrgency } from '../mutual-aid/index.ts';
import { bboxOf } from '../territories/index.ts';
import { loadCommunes, type CommuneFeature } from './load-communes.ts';
import { inVoice, voiceOf } from './names.ts';
import { seededRandom, type Random } from '../core/random.ts';
import { DEMO_ACCOUNTS, DEMO_SLUG } from './seed-demo.ts';
import { syntheticPeople } from './synthetic-people.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Central Dijon (place de la Libération): the demo resident's area as a helper. */
const DIJON_CENTRE: LatLng = { lat: 47.3215, lng: 5.0415 };

/** Open requests: what, how urgent, when (hours from now), a few words in the requester's voice (names.ts `inVoice`). */
export const OPEN: readonly { kind: AidKind; urgency: AidUrgency; from: number; span: number; text: string }[] = [
  { kind: 'groceries', urgency: 'today', from: 2, span: 8, text: 'Quelques courses à la supérette : lait, pain, fruits, une dizaine d’articles. Je ne peux plus porter de charges.' },
  { kind: 'pharmacy', urgency: 'today', from: 1, span: 6, text: 'Récupérer une ordonnance déjà préparée à la pharmacie du quartier.' },
  { kind: 'call', urgency: 'this_week', from: 3, span: 96, text: 'Je vis {seul|seule} depuis l’hiver ; un appel de temps en temps me ferait du bien.' },
  { kind: 'visit', urgency: 'this_week', from: 24, span: 72, text: 'Une visite pour un café et une partie de cartes, un après-midi.' },
  { kind: 'homework', urgency: 'this_week', from: 26, span: 96, text: 'Aide aux devoirs de maths pour mon fils en 4e, une heure le mercredi.' },
  { kind: 'repairs', urgency: 'flexible', from: 30, span: 240, text: 'Fixer une étagère et changer une ampoule au plafond (je n’ai pas d’escabeau).' },
  { kind: 'lift', urgency: 'this_week', from: 48, span: 24, text: 'Un trajet jusqu’au CHU pour un rendez-vous, aller seulement.' },
  { kind: 'groceries', urgency: 'flexible', from: 20, span: 168, text: 'Courses de la semaine au marché des Halles, liste courte.' },
  { kind: 'other', urgency: 'flexible', from: 12, span: 200, text: 'Aide pour remplir un dossier en ligne (je n’ai pas d’ordinateur).' },
];

/** Done requests: kind, the hours reported (null: the estimate counts), a thank-you or none. */
const DONE: readonly { kind: AidKind; hours: number | null; thanks: string | null }[] = [
  { kind: 'groceries', hours: 1, thanks: 'Merci beaucoup, tout y était !' },
  { kind: 'call', hours: null, thanks: 'Merci pour ces appels, ils me font du bien.' },
  { kind: 'pharmacy', hours: 0.5, thanks: null },
  { kind: 'visit', hours: 2, thanks: 'Quel plaisir cette visite, à la semaine prochaine.' },
  { kind: 'homework', hours: 1, thanks: 'Merci, il a eu 15 à son contrôle !' },
  { kind: 'repairs', hours: null, thanks: null },
  { kind: 'lift', hours: 1.5, thanks: 'Merci pour le trajet.' },
  { kind: 'groceries', hours: null, thanks: null },
  { kind: 'call', hours: 0.5, thanks: null },
  { kind: 'groceries', hours: 1, thanks: 'Merci !' },
];

/** Standing offers, their words in the helper's voice. */
export const STANDING: readonly { kind: AidKind; text: string; weekdays: number[]; times: AidTime[] }[] = [
  { kind: 'groceries', text: 'Je fais mes courses le mardi matin au marché, je peux prendre une liste.', weekdays: [2], times: ['morning'] },
  { kind: 'call', text: '{Retraité|Retraitée}, j’ai du temps pour appeler des voisins isolés en fin d’après-midi.', weekdays: [1, 3, 5], times: ['afternoon'] },
  { kind: 'homework', text: '{Étudiant|Étudiante} en maths, aide aux devoirs collège et lycée le mercredi.', weekdays: [3], times: ['afternoon'] },
  { kind: 'repairs', text: 'Petits travaux (étagères, robinet qui fuit) le samedi, j’ai mes outils.', weekdays: [6], times: ['morning', 'afternoon'] },
  { kind: 'lift', text: 'Je vais à Chenôve tous les jeudis soir, une place libre dans ma voiture.', weekdays: [4], times: ['evening'] },
  { kind: 'pharmacy', text: 'Je passe devant la pharmacie tous les jours en rentrant du travail.', weekdays: [1, 2, 3, 4, 5], times: ['evening'] },
];

const STREETS = ['rue Chabot-Charny', 'rue de la Préfecture', 'rue Berbisey', 'avenue Victor Hugo', 'rue Monge', 'boulevard de Sévigné', 'rue d’Auxonne', 'rue Devosge', 'rue Jean-Jacques Rousseau'];

function near(random: Random, centre: LatLng, spreadDeg: number): LatLng {
  return { lat: centre.lat + (random.next() - 0.5) * spreadDeg, lng: centre.lng + (random.next() - 0.5) * spreadDeg * 1.4 };
}

function pointIn(random: Random, commune: CommuneFeature): LatLng {
  const [w, s, e, n] = bboxOf([commune.boundary]);
  for (let i = 0; i < 200; i += 1) {
    const p = { lat: s + random.next() * (n - s), lng: w + random.next() * (e - w) };
    if (geometryContains(commune.boundary, p)) return p;
  }
  return { lat: (s + n) / 2, lng: (w + e) / 2 };
}

export interface DemoMutualAid {
  helpers: number;
  openRequests: number;
  doneRequests: number;
  offers: number;
}

/** Seeds the demo territory's mutual aid once (when it has no request yet); returns what it added, or null. */
export async function ensureDemoMutualAid(db: Database, now: Date, seed = 2031): Promise<DemoMutualAid | null> {
  const territory = await db.selectFrom('territories').select('id').where('slug', '=', DEMO_SLUG).executeTakeFirst();
  if (!territory) return null;
  const any = await db.selectFrom('aid_requests').select('id').where('territory_id', '=', territory.id).limit(1).executeTakeFirst();
  if (any) return null;
  const random = seededRandom(seed);
  const communes = await loadCommunes();
  const dijon = communes.find((c) => c.name === 'Dijon') ?? communes[0]!;
  const inDijon = (p: LatLng) => (geometryContains(dijon.boundary, p) ? p : DIJON_CENTRE);
  const synthetic = await syntheticPeople(db, territory.id);
  if (synthetic.length < 8) return null;
  const resident = await db
    .selectFrom('users as u')
    .innerJoin('territory_members as m', 'm.user_id', 'u.id')
    .select('u.id')
    .where('m.territory_id', '=', territory.id)
    .where('u.email', '=', DEMO_ACCOUNTS[0]!.email)
    .executeTakeFirst();
  const byCode = new Map(communes.map((c) => [c.code, c]));
  // Helpers take every third synthetic resident (at most 16), requesters the others.
  const helperRows = synthetic.filter((_, i) => i % 3 === 0).slice(0, 16);
  const requesterRows = synthetic.filter((_, i) => i % 3 !== 0);
  const cellOf = (p: LatLng) => toCell(p, AID_RESOLUTION);
  return db.transaction().execute(async (trx) => {
    // Helpers: half around central Dijon (so open requests there find them), the rest at home in their commune.
    const helpers = helperRows.map((r, i) => {
      const home = i % 2 === 0 ? inDijon(near(random, DIJON_CENTRE, 0.03)) : pointIn(random, byCode.get(r.communeCode ?? '') ?? dijon);
      const communeCode = i % 2 === 0 ? dijon.code : (byCode.get(r.communeCode ?? '')?.code ?? dijon.code);
      const skills = [...new Set<AidKind>([random.pick(['groceries', 'pharmacy', 'call'] as const), random.pick(['visit', 'homework', 'repairs', 'lift', 'groceries'] as const), 'other'])];
      return { userId: r.id, voice: voiceOf(r.displayName), home, communeCode, skills };
    });
    for (const h of helpers) {
      await trx
        .insertInto('aid_helper_profiles')
        .values({ territory_id: territory.id, user_id: h.userId, skills: h.skills, weekdays: [1, 2, 3, 4, 5, 6].filter(() => random.next() < 0.7).concat([7]), times: ['afternoon', 'evening'], radius_km: random.pick([2, 3, 5, 8]), home_cell: cellOf(h.home), commune_code: h.communeCode, updated_at: new Date(now.getTime() - 20 * DAY) })
        .execute();
    }
    // The demo resident helps too: groceries, pharmacy, calls and visits within 5 km of central Dijon.
    if (resident) {
      await trx
        .insertInto('aid_helper_profiles')
        .values({ territory_id: territory.id, user_id: resident.id, skills: ['groceries', 'pharmacy', 'visit', 'call'], weekdays: [1, 2, 3, 4, 5, 6, 7], times: ['morning', 'afternoon', 'evening'], radius_km: 5, home_cell: cellOf(DIJON_CENTRE), commune_code: dijon.code, updated_at: now })
        .execute();
    }
    // Open requests, most in central Dijon; the first few already have an offer.
    let openRequests = 0;
    for (const [i, o] of OPEN.entries()) {
      const requester = requesterRows[i % requesterRows.length]!;
      const central = i < 7;
      const place = central ? inDijon(near(random, DIJON_CENTRE, 0.025)) : pointIn(random, byCode.get(requester.communeCode ?? '') ?? dijon);
      const communeCode = central ? dijon.code : (byCode.get(requester.communeCode ?? '')?.code ?? dijon.code);
      const offeredBy = i % 3 === 1 ? helpers[i % helpers.length] : undefined;
      const row = await trx
        .insertInto('aid_requests')
        .values({
          territory_id: territory.id,
          requester_id: requester.id,
          kind: o.kind,
          urgency: o.urgency,
          window_from: new Date(now.getTime() + o.from * HOUR),
          window_to: new Date(now.getTime() + (o.from + o.span) * HOUR),
          description: inVoice(o.text, voiceOf(requester.displayName)),
          cell: cellOf(place),
          commune_code: communeCode,
          status: offeredBy ? 'offered' : 'open',
          created_at: new Date(now.getTime() - random.int(1, 20) * HOUR),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('aid_request_addresses')
        .values({ request_id: row.id, territory_id: territory.id, address: `${random.int(2, 60)} ${random.pick(STREETS)}, ${central ? 'Dijon' : (byCode.get(communeCode)?.name ?? 'Dijon')} (adresse fictive, démo)`, contact: random.next() < 0.5 ? 'Sonner à l’interphone (démo)' : null })
        .execute();
      if (offeredBy) {
        await trx.insertInto('aid_request_offers').values({ territory_id: territory.id, request_id: row.id, helper_id: offeredBy.userId, message: 'Je peux passer, dites-moi.', created_at: new Date(now.getTime() - HOUR) }).execute();
      }
      openRequests += 1;
    }
    // Done requests over the past six weeks (their addresses are erased, as when a real request closes).
    let doneRequests = 0;
    for (let week = 1; week <= 6; week += 1) {
      const count = 2 + (week % 3);
      for (let k = 0; k < count; k += 1) {
        const d = DONE[(week * 3 + k) % DONE.length]!;
        const requester = requesterRows[(week * 7 + k) % requesterRows.length]!;
        const helper = helpers[(week + k) % helpers.length]!;
        const doneAt = new Date(now.getTime() - (week * 7 - random.int(0, 5)) * DAY - random.int(1, 8) * HOUR);
        const created = new Date(doneAt.getTime() - random.int(6, 48) * HOUR);
        const place = near(random, helper.home, 0.02);
        await trx
          .insertInto('aid_requests')
          .values({
            territory_id: territory.id,
            requester_id: requester.id,
            kind: d.kind,
            urgency: random.pick(['today', 'this_week', 'flexible'] as const),
            window_from: created,
            window_to: new Date(doneAt.getTime() + 2 * HOUR),
            description: inVoice(OPEN.find((o) => o.kind === d.kind)?.text ?? 'Un coup de main.', voiceOf(requester.displayName)),
            cell: cellOf(place),
            commune_code: helper.communeCode,
            status: 'done',
            accepted_helper_id: helper.userId,
            hours_reported: d.hours,
            created_at: created,
            matched_at: new Date(created.getTime() + 2 * HOUR),
            done_at: doneAt,
            thanks_message: d.thanks,
            thanked_at: d.thanks ? new Date(doneAt.getTime() + HOUR) : null,
          })
          .execute();
        doneRequests += 1;
      }
    }
    const offers: Insertable<AidOffersTable>[] = STANDING.map((s, i) => {
      const h = helpers[i % helpers.length]!;
      return { territory_id: territory.id, helper_id: h.userId, kind: s.kind, text: inVoice(s.text, h.voice), weekdays: s.weekdays, times: s.times, cell: cellOf(h.home), commune_code: h.communeCode, created_at: new Date(now.getTime() - random.int(2, 30) * DAY) };
    });
    await trx.insertInto('aid_offers').values(offers).execute();
    return { helpers: helpers.length + (resident ? 1 : 0), openRequests, doneRequests, offers: offers.length };
  });
}
