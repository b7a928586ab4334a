/** @module Volunteering notices through notify(): who is told what, and the mail in French and English (the web app words the in-app ones from kind and params). */
import type { Executor } from '../core/database/schema.ts';
import { blockedAmong } from '../moderation/index.ts';
import { notify, type NotificationLocale, type NotifyContext } from '../notifications/index.ts';

export type VolunteeringNotice =
  | 'application_received'
  | 'accepted'
  | 'refused'
  | 'promoted'
  | 'reminder'
  | 'mission_cancelled'
  | 'participation_cancelled'
  | 'organisation_validated'
  | 'organisation_refused'
  | 'mission_published'
  | 'mission_returned';

export const missionLink = (slug: string, id: string) => `/t/${encodeURIComponent(slug)}/benevolat/missions/${id}`;
export const organisationLink = (slug: string, id: string) => `/t/${encodeURIComponent(slug)}/benevolat/organisations/${id}`;
export const myOrganisationLink = (slug: string) => `/t/${encodeURIComponent(slug)}/benevolat/mon-organisation`;

export interface NoticeParams {
  missionId?: string;
  organisationId?: string;
  /** The mission's title or the organisation's name. */
  title: string;
  reason?: string | null;
  /** The start of the occurrence a reminder is about. */
  when?: Date | null;
  position?: number;
}

function day(d: Date | null | undefined, locale: NotificationLocale): string {
  if (!d) return '';
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { timeZone: 'Europe/Paris', weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }).format(d);
}

/** Subject and text of one notice's mail. */
export function noticeMail(kind: VolunteeringNotice, p: NoticeParams, locale: NotificationLocale): { subject: string; text: string } {
  const fr = locale === 'fr';
  const t = p.title;
  const because = p.reason ? (fr ? `\nMotif : ${p.reason}` : `\nReason: ${p.reason}`) : '';
  switch (kind) {
    case 'application_received':
      return fr
        ? { subject: `Maille : nouvelle candidature pour « ${t} »`, text: `Une personne propose son aide pour la mission « ${t} ». Répondez-lui vite : votre taux et votre délai de réponse sont affichés sur la page de votre organisation.` }
        : { subject: `Maille: new application for “${t}”`, text: `Someone offers to help with the mission “${t}”. Answer soon: your response rate and delay are shown on your organisation’s page.` };
    case 'accepted':
      return fr
        ? { subject: `Maille : votre candidature pour « ${t} » est acceptée`, text: `Bonne nouvelle : l’organisation vous attend pour la mission « ${t} ». L’adresse exacte est maintenant visible sur la page de la mission.` }
        : { subject: `Maille: your application for “${t}” is accepted`, text: `Good news: the organisation is expecting you for the mission “${t}”. The exact address is now shown on the mission’s page.` };
    case 'refused':
      return fr
        ? { subject: `Maille : votre candidature pour « ${t} »`, text: `L’organisation ne peut pas retenir votre candidature pour la mission « ${t} ».${because}\nD’autres missions vous attendent sur Maille.` }
        : { subject: `Maille: your application for “${t}”`, text: `The organisation cannot take up your application for the mission “${t}”.${because}\nOther missions are waiting for you on Maille.` };
    case 'promoted':
      return fr
        ? { subject: `Maille : une place s’est libérée pour « ${t} »`, text: `Une place s’est libérée pour la mission « ${t} » : vous quittez la liste d’attente et l’organisation va étudier votre candidature.` }
        : { subject: `Maille: a place freed up for “${t}”`, text: `A place freed up for the mission “${t}”: you are off the waiting list and the organisation will consider your application.` };
    case 'reminder':
      return fr
        ? { subject: `Maille : rappel, « ${t} » demain`, text: `Petit rappel : la mission « ${t} » a lieu ${day(p.when, locale)}. Si vous ne pouvez plus venir, annulez votre participation pour libérer la place.` }
        : { subject: `Maille: reminder, “${t}” tomorrow`, text: `A quick reminder: the mission “${t}” takes place on ${day(p.when, locale)}. If you can no longer come, cancel your participation to free the place.` };
    case 'mission_cancelled':
      return fr
        ? { subject: `Maille : la mission « ${t} » est annulée`, text: `L’organisation a annulé la mission « ${t} ».${because}\nMerci pour votre engagement.` }
        : { subject: `Maille: the mission “${t}” is cancelled`, text: `The organisation cancelled the mission “${t}”.${because}\nThank you for your commitment.` };
    case 'participation_cancelled':
      return fr
        ? { subject: `Maille : votre participation à « ${t} » est annulée`, text: `L’organisation a annulé votre participation à la mission « ${t} ».${because}` }
        : { subject: `Maille: your participation in “${t}” is cancelled`, text: `The organisation cancelled your participation in the mission “${t}”.${because}` };
    case 'organisation_validated':
      return fr
        ? { subject: `Maille : « ${t} » est validée`, text: `Le territoire a validé votre organisation « ${t} ». Vous pouvez publier vos missions de bénévolat.` }
        : { subject: `Maille: “${t}” is validated`, text: `The territory validated your organisation “${t}”. You can now post volunteering missions.` };
    case 'organisation_refused':
      return fr
        ? { subject: `Maille : votre demande pour « ${t} »`, text: `Le territoire n’a pas validé l’organisation « ${t} ».${because}` }
        : { subject: `Maille: your request for “${t}”`, text: `The territory did not validate the organisation “${t}”.${because}` };
    case 'mission_published':
      return fr
        ? { subject: `Maille : « ${t} » est publiée`, text: `La mission « ${t} » est validée et publiée : les bénévoles peuvent candidater.` }
        : { subject: `Maille: “${t}” is published`, text: `The mission “${t}” is validated and published: volunteers can apply.` };
    case 'mission_returned':
      return fr
        ? { subject: `Maille : « ${t} » est à revoir`, text: `Le territoire vous renvoie la mission « ${t} » pour modification avant publication.${because}` }
        : { subject: `Maille: “${t}” needs changes`, text: `The territory sent the mission “${t}” back for changes before publication.${because}` };
  }
}

export interface NoticeTarget {
  territory: { id: string; slug: string };
  /** The person who acted: never told about their own act, and anyone who blocked them (or whom they blocked) is left out. */
  actorId?: string | null;
}

/** Sends one notice to `userIds`, in the transaction that decided it. */
export async function sendNotice(
  trx: Executor,
  target: NoticeTarget,
  kind: VolunteeringNotice,
  userIds: readonly string[],
  p: NoticeParams,
  link: string,
  ctx: NotifyContext,
): Promise<{ notified: number; mailed: number }> {
  let ids = [...new Set(userIds)];
  if (target.actorId) {
    const blocked = await blockedAmong(trx, target.actorId, ids);
    ids = ids.filter((id) => id !== target.actorId && !blocked.has(id));
  }
  if (ids.length === 0) return { notified: 0, mailed: 0 };
  return notify(
    trx,
    {
      territoryId: target.territory.id,
      userIds: ids,
      kind: `volunteering.${kind}`,
      params: {
        title: p.title,
        ...(p.missionId ? { missionId: p.missionId } : {}),
        ...(p.organisationId ? { organisationId: p.organisationId } : {}),
        ...(p.reason ? { reason: p.reason } : {}),
        ...(p.when ? { when: p.when.toISOString() } : {}),
        ...(p.position !== undefined ? { position: p.position } : {}),
      },
      link,
      mail: (locale) => noticeMail(kind, p, locale),
    },
    ctx,
  );
}
