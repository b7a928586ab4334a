/**
 * @module What a ride tells its people at each step (proposed, accepted, declined, cancelled, a message, confirmed,
 * and the reminder to confirm): one notification through notifications' `notify()` — in-app, and a mail as each
 * person chose — written in the step's own unit of work, so it exists only if the step commits; then, after commit,
 * `carpool.ride_changed`, which the ride page follows live. The notice names the ride (its day and departure) and
 * links to it; it is sent `about` the person whose name or words it carries, so erasing them scrubs it.
 */
import type { Executor } from '../core/database/schema.ts';
import type { ScopeTerritory } from '../core/http/scope.ts';
import type { Deps, UnitOfWork } from '../core/unit-of-work.ts';
import { blockedAmong } from '../moderation/index.ts';
import { notify, type NotificationLocale } from '../notifications/index.ts';
import type { MatchRow } from './match-access.ts';

/** The steps that tell someone. */
export const RIDE_NOTICES = ['proposed', 'accepted', 'declined', 'cancelled', 'message', 'confirmed', 'confirmed_both', 'confirm_reminder'] as const;
export type RideNotice = (typeof RIDE_NOTICES)[number];

/** How much of a message the notice and its mail quote. */
export const MESSAGE_EXCERPT = 200;

/** The web page of a ride: the link every notice about it carries. */
export function ridePath(slug: string, matchId: string): string {
  return `/t/${encodeURIComponent(slug)}/covoiturage/trajets/${encodeURIComponent(matchId)}`;
}

const TIME_ZONE = 'Europe/Paris';
const dayFormat = {
  fr: new Intl.DateTimeFormat('fr-FR', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }),
};
const timeFormat = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: TIME_ZONE });

/** "lundi 14 décembre" / "Monday 14 December" for a calendar day. */
export function rideDay(date: string, locale: NotificationLocale): string {
  return dayFormat[locale].format(new Date(`${date}T12:00:00Z`));
}

/** "07:40", the ride's departure on French clocks. */
export function rideTime(startsAt: Date): string {
  return timeFormat.format(startsAt);
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MESSAGE_EXCERPT ? `${flat.slice(0, MESSAGE_EXCERPT - 1)}…` : flat;
}

interface Words {
  day: string;
  time: string;
  name: string;
  message: string;
  reason: string;
}

/** The mail of each notice, French first. Subjects begin with the ride they are about. */
const MAIL: Record<RideNotice, Record<NotificationLocale, (w: Words) => { subject: string; text: string }>> = {
  proposed: {
    fr: (w) => ({ subject: `Covoiturage du ${w.day} : ${w.name} vous propose un trajet`, text: `${w.name} vous propose de covoiturer le ${w.day}, départ vers ${w.time}. Acceptez ou déclinez sur la page du trajet.` }),
    en: (w) => ({ subject: `Carpool on ${w.day}: ${w.name} offers you a ride`, text: `${w.name} proposes to carpool on ${w.day}, leaving around ${w.time}. Accept or decline on the ride's page.` }),
  },
  accepted: {
    fr: (w) => ({ subject: `Covoiturage du ${w.day} : ${w.name} a accepté`, text: `${w.name} a accepté le covoiturage du ${w.day}, départ vers ${w.time}. Vous pouvez vous écrire sur la page du trajet.` }),
    en: (w) => ({ subject: `Carpool on ${w.day}: ${w.name} accepted`, text: `${w.name} accepted the carpool on ${w.day}, leaving around ${w.time}. You can write to each other on the ride's page.` }),
  },
  declined: {
    fr: (w) => ({ subject: `Covoiturage du ${w.day} : ${w.name} a décliné`, text: `${w.name} a décliné le covoiturage du ${w.day}.${w.reason ? ` Raison : ${w.reason}` : ''} D’autres correspondances vous attendent peut-être.` }),
    en: (w) => ({ subject: `Carpool on ${w.day}: ${w.name} declined`, text: `${w.name} declined the carpool on ${w.day}.${w.reason ? ` Reason: ${w.reason}` : ''} Other matches may be waiting for you.` }),
  },
  cancelled: {
    fr: (w) => ({ subject: `Covoiturage du ${w.day} : ${w.name} a annulé`, text: `${w.name} a annulé le covoiturage du ${w.day}. Raison : ${w.reason}` }),
    en: (w) => ({ subject: `Carpool on ${w.day}: ${w.name} cancelled`, text: `${w.name} cancelled the carpool on ${w.day}. Reason: ${w.reason}` }),
  },
  message: {
    fr: (w) => ({ subject: `Covoiturage du ${w.day} : message de ${w.name}`, text: `${w.name} vous écrit : « ${w.message} ». Répondez sur la page du trajet.` }),
    en: (w) => ({ subject: `Carpool on ${w.day}: message from ${w.name}`, text: `${w.name} writes: “${w.message}”. Answer on the ride's page.` }),
  },
  confirmed: {
    fr: (w) => ({ subject: `Covoiturage du ${w.day} : ${w.name} a confirmé le trajet`, text: `${w.name} a confirmé que le covoiturage du ${w.day} a eu lieu. Confirmez-le aussi d’un clic sur la page du trajet.` }),
    en: (w) => ({ subject: `Carpool on ${w.day}: ${w.name} confirmed the ride`, text: `${w.name} confirmed that the carpool on ${w.day} took place. Confirm it too in one click on the ride's page.` }),
  },
  confirmed_both: {
    fr: (w) => ({ subject: `Covoiturage du ${w.day} : confirmé par vous deux`, text: `${w.name} a confirmé à son tour que le covoiturage du ${w.day} a eu lieu : il compte pour vous deux. Merci !` }),
    en: (w) => ({ subject: `Carpool on ${w.day}: confirmed by both of you`, text: `${w.name} confirmed too that the carpool on ${w.day} took place: it counts for both of you. Thank you!` }),
  },
  confirm_reminder: {
    fr: (w) => ({ subject: `Covoiturage du ${w.day} : a-t-il eu lieu ?`, text: `Le covoiturage du ${w.day} (départ vers ${w.time}) est passé. S’il a eu lieu, confirmez-le d’un clic sur la page du trajet : il comptera pour vous deux. Sinon, annulez-le.` }),
    en: (w) => ({ subject: `Carpool on ${w.day}: did it happen?`, text: `The carpool on ${w.day} (leaving around ${w.time}) is over. If it took place, confirm it in one click on the ride's page: it counts for both of you. If not, cancel it.` }),
  },
};

export interface RideNoticeInput {
  notice: RideNotice;
  /** Who acted (named in the notice, never told), or null for the reminder job. */
  from: string | null;
  /** Who is told: the ride's other person, or both for the reminder. */
  to: readonly string[];
  message?: string;
  reason?: string | null;
}

type Ride = Pick<MatchRow, 'id' | 'trip_date' | 'starts_at'>;

/**
 * Tells `to` about a step of `ride`, inside `work`'s transaction: people who blocked the actor, or whom the actor
 * blocked, are not told. Queues the mail wake-up and the ride page's live update for after commit.
 * @returns how many people were told, and how many mails were queued now
 */
export async function tellRide(work: UnitOfWork, deps: Pick<Deps, 'clock' | 'config'>, territory: ScopeTerritory, ride: Ride, input: RideNoticeInput): Promise<{ notified: number; mailed: number }> {
  work.publish('carpool.ride_changed', { territoryId: territory.id, matchId: ride.id });
  const blocked = input.from ? await blockedAmong(work.db, input.from, input.to) : new Set<string>();
  const to = input.to.filter((id) => id !== input.from && !blocked.has(id));
  if (to.length === 0) return { notified: 0, mailed: 0 };
  const name = input.from ? await displayName(work.db, input.from) : '';
  const message = input.message ? excerpt(input.message) : '';
  const reason = input.reason?.trim() ?? '';
  const time = rideTime(ride.starts_at);
  const sent = await notify(
    work.db,
    {
      territoryId: territory.id,
      userIds: to,
      kind: `carpool.${input.notice}`,
      // `matchId` and `when` survive the scrubbing of an erased person's notices; `name`, `message`, `reason` do not.
      params: { matchId: ride.id, when: ride.trip_date, time, ...(name ? { name } : {}), ...(message ? { message } : {}), ...(reason ? { reason } : {}) },
      about: input.from ? [input.from] : [],
      link: ridePath(territory.slug, ride.id),
      mail: (locale) => MAIL[input.notice][locale]({ day: rideDay(ride.trip_date, locale), time, name, message, reason }),
    },
    { now: deps.clock.now(), publicUrl: deps.config.publicUrl },
  );
  work.mailQueued(sent.mailed);
  return sent;
}

async function displayName(db: Executor, userId: string): Promise<string> {
  const row = await db.selectFrom('users').select('display_name').where('id', '=', userId).executeTakeFirst();
  return row?.display_name ?? '';
}

/** The ride's other person. */
export function otherParty(ride: Pick<MatchRow, 'driver_id' | 'passenger_id'>, userId: string): string {
  return ride.driver_id === userId ? ride.passenger_id : ride.driver_id;
}
