/**
 * @module The demo territory's volunteering: five invented organisations (labelled « démo ») in Dijon Métropole — a food
 * bank, a tutoring association kept by the demo organiser, a CCAS, a repair café and shared gardens — a dozen published
 * missions over the coming weeks, a few past ones whose answered applications give each organisation real response
 * figures, applications from synthetic residents, one organisation and one mission waiting in the operator's queue.
 * Places go through the same checks as the API (commune of the point, H3 cell, exact address kept apart).
 */
import type { Database, Transaction } from '../core/database/schema.ts';
import { cellCenter, toCell } from '../core/geo.ts';
import { localDate, localInstant } from '../core/time-of-day.ts';
import { communeAt } from '../territories/index.ts';
import { addDays, AREA_RESOLUTION, type Public, type Skill } from '../volunteering/index.ts';
import { inVoice, voiceOf } from './names.ts';
import { DEMO_ACCOUNTS, DEMO_SLUG } from './seed-demo.ts';
import { syntheticPeople } from './synthetic-people.ts';

type When =
  | { kind: 'once'; inDays: number; from: string; to: string }
  | { kind: 'weekly'; weekdays: number[]; from: string; to: string; startsInDays: number; weeks: number };

interface DemoMission {
  title: string;
  description: string;
  when: When;
  /** Null: online. */
  place: { lat: number; lng: number; address: string } | null;
  needed: number;
  skills: Skill[];
  publics: Public[];
  /** Applications from synthetic residents: accepted ones, then ones awaiting an answer. */
  accepted: number;
  awaiting: number;
}

interface DemoOrganisation {
  name: string;
  kind: 'association' | 'public_service';
  description: string;
  contactEmail: string;
  contactPhone: string | null;
  communeCode: string;
  /** Kept by organisateur@demo.maille.fr. */
  keptByDemoOrganiser: boolean;
  /** How many hours it typically takes to answer (its past applications), and whether it leaves one unanswered. */
  answersWithinHours: number[];
  missions: DemoMission[];
}

const SAT = 6;

/** Invented organisations and missions — names marked « (démo) » so nobody mistakes them for real ones. */
export const DEMO_ORGANISATIONS: readonly DemoOrganisation[] = [
  {
    name: 'Banque alimentaire du Grand Dijon (démo)',
    kind: 'association',
    description: 'Nous collectons les invendus et les dons, les trions et les distribuons aux épiceries sociales et associations de la métropole.',
    contactEmail: 'benevoles@banque-alimentaire.demo.maille.fr',
    contactPhone: '03 80 00 00 01',
    communeCode: '21166',
    keptByDemoOrganiser: false,
    answersWithinHours: [3, 5, 8, 20, 26],
    missions: [
      { title: 'Tri des denrées au dépôt', description: 'Trier les dons par famille de produits, vérifier les dates, préparer les palettes pour les partenaires. Chaussures fermées conseillées.', when: { kind: 'weekly', weekdays: [2, 4], from: '09:00', to: '12:00', startsInDays: 2, weeks: 10 }, place: { lat: 47.2935, lng: 5.0075, address: '8 rue de la Fontaine, Chenôve' }, needed: 6, skills: ['food_aid', 'logistics'], publics: ['people_in_need'], accepted: 3, awaiting: 1 },
      { title: 'Collecte au supermarché de Quetigny', description: 'Accueillir les clients à l’entrée, expliquer la collecte, remettre les sacs et ranger les dons dans les cartons.', when: { kind: 'once', inDays: 9, from: '09:30', to: '13:00' }, place: { lat: 47.3145, lng: 5.1065, address: 'Centre commercial, avenue de Bourgogne, Quetigny' }, needed: 8, skills: ['reception', 'food_aid'], publics: ['everyone'], accepted: 4, awaiting: 2 },
      { title: 'Chauffeur pour la ramasse du matin', description: 'Conduire le camion de la banque alimentaire (permis B) pour récupérer les invendus chez trois commerçants partenaires.', when: { kind: 'weekly', weekdays: [5], from: '07:30', to: '10:00', startsInDays: 3, weeks: 8 }, place: { lat: 47.2935, lng: 5.0075, address: '8 rue de la Fontaine, Chenôve' }, needed: 2, skills: ['driving', 'logistics'], publics: ['people_in_need'], accepted: 1, awaiting: 0 },
    ],
  },
  {
    name: 'Coup de pouce scolaire des Grésilles (démo)',
    kind: 'association',
    description: 'Aide aux devoirs et ateliers de lecture pour les enfants du quartier des Grésilles, en lien avec les écoles et les familles.',
    contactEmail: 'contact@coup-de-pouce.demo.maille.fr',
    contactPhone: null,
    communeCode: '21231',
    keptByDemoOrganiser: true,
    answersWithinHours: [10, 30, 48],
    missions: [
      { title: 'Aide aux devoirs (CP–CM2)', description: 'Accompagner un petit groupe d’enfants dans leurs devoirs : lecture, calcul, leçons. Aucune compétence particulière, de la patience suffit.', when: { kind: 'weekly', weekdays: [1, 4], from: '16:45', to: '18:00', startsInDays: 3, weeks: 12 }, place: { lat: 47.3315, lng: 5.0585, address: 'Maison de quartier, 3 rue Balzac, Dijon' }, needed: 5, skills: ['tutoring'], publics: ['children', 'families'], accepted: 2, awaiting: 2 },
      { title: 'Lecture à distance avec un collégien', description: 'Une demi-heure de lecture à voix haute en visio avec un élève de sixième, une fois par semaine.', when: { kind: 'weekly', weekdays: [3], from: '14:00', to: '14:30', startsInDays: 4, weeks: 10 }, place: null, needed: 4, skills: ['tutoring', 'listening'], publics: ['young_people'], accepted: 1, awaiting: 1 },
    ],
  },
  {
    name: 'CCAS de Talant (démo)',
    kind: 'public_service',
    description: 'Le centre communal d’action sociale accompagne les aînés et les familles : visites de convivialité, aide aux démarches, courses.',
    contactEmail: 'ccas@talant.demo.maille.fr',
    contactPhone: '03 80 00 00 03',
    communeCode: '21617',
    keptByDemoOrganiser: false,
    answersWithinHours: [2, 4, 4, 6, 9, 12],
    missions: [
      { title: 'Appels de convivialité aux aînés isolés', description: 'Appeler chaque semaine deux ou trois personnes âgées qui vivent seules, prendre des nouvelles, signaler un besoin au CCAS.', when: { kind: 'weekly', weekdays: [2], from: '10:00', to: '11:30', startsInDays: 2, weeks: 12 }, place: null, needed: 6, skills: ['listening'], publics: ['seniors'], accepted: 2, awaiting: 0 },
      { title: 'Accompagner les courses des seniors', description: 'Accompagner à pied une personne âgée au marché et porter ses sacs jusqu’à chez elle.', when: { kind: 'once', inDays: 6, from: '09:00', to: '11:00' }, place: { lat: 47.3372, lng: 5.0055, address: 'Place du marché, Talant' }, needed: 3, skills: ['listening'], publics: ['seniors'], accepted: 1, awaiting: 1 },
      { title: 'Atelier numérique : prendre en main son smartphone', description: 'Aider des aînés à envoyer un message, passer un appel vidéo, prendre rendez-vous en ligne, avec le médiateur numérique du CCAS.', when: { kind: 'once', inDays: 13, from: '14:00', to: '16:30' }, place: { lat: 47.3372, lng: 5.0055, address: 'Salle des associations, Talant' }, needed: 4, skills: ['digital'], publics: ['seniors'], accepted: 1, awaiting: 2 },
    ],
  },
  {
    name: 'Repair café de Longvic (démo)',
    kind: 'association',
    description: 'Un samedi par mois, on répare ensemble petit électroménager, vélos, vêtements et jouets au lieu de les jeter.',
    contactEmail: 'repair@longvic.demo.maille.fr',
    contactPhone: null,
    communeCode: '21355',
    keptByDemoOrganiser: false,
    answersWithinHours: [24, 40, 70],
    missions: [
      { title: 'Réparateur bénévole au repair café', description: 'Diagnostiquer et réparer avec les visiteurs : un grille-pain, une lampe, une chambre à air. Outils fournis.', when: { kind: 'once', inDays: 16, from: '14:00', to: '18:00' }, place: { lat: 47.2875, lng: 5.0645, address: 'Salle Jean-Moulin, Longvic' }, needed: 5, skills: ['diy'], publics: ['everyone'], accepted: 2, awaiting: 1 },
      { title: 'Accueil et café au repair café', description: 'Accueillir les visiteurs, noter les objets à réparer, tenir le coin café.', when: { kind: 'once', inDays: 16, from: '13:30', to: '18:00' }, place: { lat: 47.2875, lng: 5.0645, address: 'Salle Jean-Moulin, Longvic' }, needed: 2, skills: ['reception', 'cooking'], publics: ['everyone'], accepted: 0, awaiting: 1 },
    ],
  },
  {
    name: 'Jardins partagés de Fontaine (démo)',
    kind: 'association',
    description: 'Des parcelles cultivées ensemble au pied des immeubles, ouvertes aux habitants et aux écoles du quartier.',
    contactEmail: 'jardins@fontaine.demo.maille.fr',
    contactPhone: null,
    communeCode: '21278',
    keptByDemoOrganiser: false,
    answersWithinHours: [6, 18],
    missions: [
      { title: 'Chantier de printemps au jardin', description: 'Préparer les buttes, pailler, installer les récupérateurs d’eau. Gants fournis, goûter offert.', when: { kind: 'once', inDays: 11, from: '09:30', to: '12:30' }, place: { lat: 47.3425, lng: 5.0215, address: 'Jardin des Carrières, Fontaine-lès-Dijon' }, needed: 10, skills: ['gardening'], publics: ['everyone', 'families'], accepted: 3, awaiting: 1 },
      { title: 'Atelier jardinage avec les enfants du centre de loisirs', description: 'Semer et planter avec un groupe d’enfants de 6 à 10 ans, encadré par une animatrice.', when: { kind: 'weekly', weekdays: [3], from: '10:00', to: '11:30', startsInDays: 5, weeks: 6 }, place: { lat: 47.3425, lng: 5.0215, address: 'Jardin des Carrières, Fontaine-lès-Dijon' }, needed: 3, skills: ['gardening', 'activities'], publics: ['children'], accepted: 1, awaiting: 0 },
    ],
  },
];

/** An organisation waiting for the operator, and a mission awaiting publication (so the validation queue is not empty). */
const PENDING_ORGANISATION = {
  name: 'Les Bouquineurs de Saint-Apollinaire (démo)',
  description: 'Une boîte à livres et des lectures partagées à la médiathèque, le samedi matin.',
  contactEmail: 'bouquineurs@demo.maille.fr',
  communeCode: '21540',
};

/** What applicants write, in their voice (names.ts `inVoice`). */
export const MESSAGES = [
  'Bonjour, je suis disponible et {motivé|motivée}, j’ai déjà fait ce type de mission.',
  '{Retraité|Retraitée}, j’ai du temps en semaine et j’aimerais me rendre utile.',
  '{Étudiant|Étudiante}, je peux venir toutes les semaines pendant le semestre.',
  'Première fois que je fais du bénévolat, j’ai hâte !',
  'Je travaille à côté, je peux venir sur ma pause.',
];

export interface VolunteeringSeedResult {
  organisations: number;
  missions: number;
  participations: number;
}

function missionValues(m: DemoMission, today: string) {
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  if (m.when.kind === 'once') {
    let day = addDays(today, m.when.inDays);
    // Public events (collections, repair cafés, garden work) fall on a Saturday.
    if (m.when.inDays >= 9) while (new Date(`${day}T12:00:00Z`).getUTCDay() !== SAT) day = addDays(day, 1);
    return { schedule: 'once' as const, starts_at: localInstant(day, minutes(m.when.from)), ends_at: localInstant(day, minutes(m.when.to)), weekdays: null, start_minute: null, end_minute: null, first_day: null, last_day: null };
  }
  const first = addDays(today, m.when.startsInDays);
  return {
    schedule: 'weekly' as const,
    starts_at: null,
    ends_at: null,
    weekdays: m.when.weekdays,
    start_minute: minutes(m.when.from),
    end_minute: minutes(m.when.to),
    first_day: first,
    last_day: addDays(first, m.when.weeks * 7),
  };
}

async function placeValues(trx: Transaction, territoryId: string, place: DemoMission['place']) {
  if (!place) return { online: true, commune_code: null, cell: null, approx_lat: null, approx_lng: null };
  const commune = await communeAt(trx, territoryId, place, '/place');
  const cell = toCell(place, AREA_RESOLUTION);
  const centre = cellCenter(cell);
  return { online: false, commune_code: commune, cell, approx_lat: centre.lat, approx_lng: centre.lng };
}

/** Adds the demo volunteering once (when the demo territory has no organisation yet); returns what was added, or null. */
export async function ensureDemoVolunteering(db: Database, now: Date): Promise<VolunteeringSeedResult | null> {
  const territory = await db.selectFrom('territories').select('id').where('slug', '=', DEMO_SLUG).executeTakeFirst();
  if (!territory) return null;
  const any = await db.selectFrom('organisations').select('id').where('territory_id', '=', territory.id).limit(1).executeTakeFirst();
  if (any) return null;
  const byEmail = async (email: string) =>
    (await db.selectFrom('users').select('id').where('email', '=', email).where('deleted_at', 'is', null).executeTakeFirst())?.id ?? null;
  const organiser = await byEmail(DEMO_ACCOUNTS.find((a) => a.email.startsWith('organisateur'))!.email);
  const operator = await byEmail(DEMO_ACCOUNTS.find((a) => a.roles.includes('operator'))!.email);
  const resident = await byEmail(DEMO_ACCOUNTS[0]!.email);
  const synthetic = await syntheticPeople(db, territory.id, 60);
  const volunteers = synthetic.map((r) => r.id);
  const voices = new Map(synthetic.map((r) => [r.id, voiceOf(r.displayName)]));
  const messageOf = (who: string, i: number) => inVoice(MESSAGES[i % MESSAGES.length]!, voices.get(who) ?? null);
  const today = localDate(now);
  const HOUR = 3_600_000;
  const DAY = 24 * HOUR;
  const result: VolunteeringSeedResult = { organisations: 0, missions: 0, participations: 0 };
  let next = 0;
  const volunteer = () => (volunteers.length === 0 ? null : volunteers[next++ % volunteers.length]!);

  await db.transaction().execute(async (trx) => {
    for (const [i, o] of DEMO_ORGANISATIONS.entries()) {
      const appliedAt = new Date(now.getTime() - (60 + i * 7) * DAY);
      const applicant = o.keptByDemoOrganiser ? organiser : volunteer();
      const org = await trx
        .insertInto('organisations')
        .values({
          territory_id: territory.id,
          name: o.name,
          kind: o.kind,
          description: o.description,
          contact_email: o.contactEmail,
          contact_phone: o.contactPhone,
          commune_code: o.communeCode,
          status: 'validated',
          applied_by: applicant,
          applied_at: appliedAt,
          decided_by: operator,
          decided_at: new Date(appliedAt.getTime() + 2 * DAY),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      result.organisations += 1;
      if (applicant) await trx.insertInto('organisation_members').values({ territory_id: territory.id, organisation_id: org.id, user_id: applicant, added_at: new Date(appliedAt.getTime() + 2 * DAY) }).execute();

      // A past, completed mission whose answered applications give the organisation its response figures.
      const pastDay = addDays(today, -20 - i);
      const firstPlace = o.missions.find((m) => m.place)?.place ?? null;
      const past = await trx
        .insertInto('missions')
        .values({
          territory_id: territory.id,
          organisation_id: org.id,
          title: `${o.missions[0]!.title} (session passée)`,
          description: o.missions[0]!.description,
          schedule: 'once',
          starts_at: localInstant(pastDay, 9 * 60),
          ends_at: localInstant(pastDay, 12 * 60),
          weekdays: null,
          start_minute: null,
          end_minute: null,
          first_day: null,
          last_day: null,
          ...(await placeValues(trx, territory.id, firstPlace)),
          volunteers_needed: o.answersWithinHours.length + 1,
          skills: o.missions[0]!.skills,
          publics: o.missions[0]!.publics,
          status: 'completed',
          created_by: applicant,
          created_at: new Date(now.getTime() - 40 * DAY),
          submitted_at: new Date(now.getTime() - 40 * DAY),
          published_at: new Date(now.getTime() - 39 * DAY),
          decided_by: operator,
          completed_at: localInstant(pastDay, 12 * 60),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      result.missions += 1;
      if (firstPlace) await trx.insertInto('mission_addresses').values({ mission_id: past.id, territory_id: territory.id, address: firstPlace.address }).execute();
      for (const [k, hours] of o.answersWithinHours.entries()) {
        const who = volunteer();
        if (!who) break;
        const applied = new Date(now.getTime() - (35 - k) * DAY);
        await trx
          .insertInto('participations')
          .values({
            territory_id: territory.id,
            mission_id: past.id,
            user_id: who,
            message: messageOf(who, k),
            status: 'accepted',
            applied_at: applied,
            awaiting_since: applied,
            answered_at: new Date(applied.getTime() + hours * HOUR),
            attendance: k % 4 === 3 ? 'absent' : 'present',
            attendance_at: localInstant(pastDay, 13 * 60),
          })
          .execute();
        result.participations += 1;
      }

      for (const [j, m] of o.missions.entries()) {
        const created = new Date(now.getTime() - (12 - j) * DAY);
        const mission = await trx
          .insertInto('missions')
          .values({
            territory_id: territory.id,
            organisation_id: org.id,
            title: m.title,
            description: m.description,
            ...missionValues(m, today),
            ...(await placeValues(trx, territory.id, m.place)),
            volunteers_needed: m.needed,
            skills: m.skills,
            publics: m.publics,
            status: 'published',
            created_by: applicant,
            created_at: created,
            submitted_at: created,
            published_at: new Date(created.getTime() + DAY),
            decided_by: operator,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        result.missions += 1;
        if (m.place) await trx.insertInto('mission_addresses').values({ mission_id: mission.id, territory_id: territory.id, address: m.place.address }).execute();
        for (let k = 0; k < m.accepted + m.awaiting; k += 1) {
          const who = volunteer();
          if (!who) break;
          const applied = new Date(now.getTime() - (9 - k) * DAY + k * HOUR);
          const accepted = k < m.accepted;
          await trx
            .insertInto('participations')
            .values({
              territory_id: territory.id,
              mission_id: mission.id,
              user_id: who,
              message: messageOf(who, j + k),
              status: accepted ? 'accepted' : 'applied',
              applied_at: applied,
              awaiting_since: applied,
              answered_at: accepted ? new Date(applied.getTime() + o.answersWithinHours[k % o.answersWithinHours.length]! * HOUR) : null,
            })
            .execute();
          result.participations += 1;
        }
      }
    }

    // The demo resident already helps with the senior shopping (so « mes participations » shows an accepted mission and its address).
    if (resident) {
      const shopping = await trx.selectFrom('missions').select('id').where('territory_id', '=', territory.id).where('title', '=', 'Accompagner les courses des seniors').executeTakeFirst();
      if (shopping) {
        const applied = new Date(now.getTime() - 3 * DAY);
        await trx
          .insertInto('participations')
          .values({ territory_id: territory.id, mission_id: shopping.id, user_id: resident, message: 'Je fais mes courses au marché le samedi, je peux accompagner quelqu’un.', status: 'accepted', applied_at: applied, awaiting_since: applied, answered_at: new Date(applied.getTime() + 5 * HOUR) })
          .execute();
        result.participations += 1;
      }
    }

    // The operator's queue: one organisation to validate and one mission to publish.
    const pendingApplicant = volunteer();
    await trx
      .insertInto('organisations')
      .values({
        territory_id: territory.id,
        name: PENDING_ORGANISATION.name,
        kind: 'association',
        description: PENDING_ORGANISATION.description,
        contact_email: PENDING_ORGANISATION.contactEmail,
        commune_code: PENDING_ORGANISATION.communeCode,
        applied_by: pendingApplicant,
        applied_at: new Date(now.getTime() - DAY),
      })
      .execute();
    result.organisations += 1;
    const gardens = await trx.selectFrom('organisations').select('id').where('territory_id', '=', territory.id).where('name', '=', DEMO_ORGANISATIONS[4]!.name).executeTakeFirstOrThrow();
    const awaitingDay = addDays(today, 24);
    const place = { lat: 47.3425, lng: 5.0215, address: 'Jardin des Carrières, Fontaine-lès-Dijon' };
    const awaiting = await trx
      .insertInto('missions')
      .values({
        territory_id: territory.id,
        organisation_id: gardens.id,
        title: 'Fête des récoltes',
        description: 'Tenir un stand de dégustation et accueillir les familles à la fête des récoltes du jardin.',
        schedule: 'once',
        starts_at: localInstant(awaitingDay, 14 * 60),
        ends_at: localInstant(awaitingDay, 18 * 60),
        weekdays: null,
        start_minute: null,
        end_minute: null,
        first_day: null,
        last_day: null,
        ...(await placeValues(trx, territory.id, place)),
        volunteers_needed: 6,
        skills: ['reception', 'cooking'],
        publics: ['everyone', 'families'],
        status: 'awaiting_validation',
        created_at: new Date(now.getTime() - DAY),
        submitted_at: new Date(now.getTime() - DAY),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('mission_addresses').values({ mission_id: awaiting.id, territory_id: territory.id, address: place.address }).execute();
    result.missions += 1;
  });
  return result;
}
