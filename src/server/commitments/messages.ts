/** @module What commitment notifications say by mail, in French and English (the web app words the in-app ones from kind and params). */
import type { NotificationLocale } from '../notifications/index.ts';
import { firstDay, lastDay } from './dates-in-words.ts';
import type { Milestone } from './model.ts';

/** Every commitment notification kind: the milestones, the creator's nudge, the check, a signature entered for someone. */
export type CommitmentNotice = Milestone | 'stalled' | 'check_due' | 'signed_for_you';

export interface NoticeParams {
  wording: string;
  /** The progress in words (formatProgress), for milestones and nudges. */
  progress?: string | undefined;
  actionStart?: Date | undefined;
  actionEnd?: Date | undefined;
  /** For `signed_for_you`: who entered it. */
  entry?: 'mediator' | 'offline' | undefined;
}

const short = (text: string) => (text.length > 60 ? `${text.slice(0, 59)}…` : text);

/** Subject and text of one notice's mail. */
export function noticeMail(kind: CommitmentNotice, p: NoticeParams, locale: NotificationLocale): { subject: string; text: string } {
  const w = p.wording;
  const fr = locale === 'fr';
  // The period is [start, end): its last day is the one before an end at midnight.
  const start = p.actionStart ? firstDay(p.actionStart, locale) : '';
  const end = p.actionEnd ? lastDay(p.actionEnd, locale) : '';
  switch (kind) {
    case 'progress_33':
    case 'progress_66': {
      const share = kind === 'progress_33' ? fr ? 'un tiers' : 'a third' : fr ? 'deux tiers' : 'two thirds';
      return fr
        ? { subject: `Maille : ${share} du chemin pour « ${short(w)} »`, text: `L’engagement « ${w} » a franchi ${share} de son objectif : ${p.progress ?? ''}.\nPersonne n’est engagé tant que l’objectif n’est pas atteint ; parlez-en autour de vous.` }
        : { subject: `Maille: ${share} of the way for “${short(w)}”`, text: `The commitment “${w}” has passed ${share} of its target: ${p.progress ?? ''}.\nNobody is bound until the target is reached; tell people around you.` };
    }
    case 'succeeded':
      return fr
        ? { subject: `Maille : objectif atteint pour « ${short(w)} »`, text: `L’objectif de l’engagement « ${w} » est atteint : les signataires sont engagés du ${start} au ${end}.` }
        : { subject: `Maille: target reached for “${short(w)}”`, text: `The commitment “${w}” reached its target: signers are bound from ${start} to ${end}.` };
    case 'failed':
      return fr
        ? { subject: `Maille : objectif non atteint pour « ${short(w)} »`, text: `L’engagement « ${w} » n’a pas atteint son objectif à l’échéance : personne n’est engagé. Merci d’avoir signé.` }
        : { subject: `Maille: target not reached for “${short(w)}”`, text: `The commitment “${w}” did not reach its target by the deadline: nobody is bound. Thank you for signing.` };
    case 'stalled':
      return fr
        ? { subject: `Maille : les signatures de « ${short(w)} » stagnent`, text: `Aucune nouvelle signature depuis une semaine pour « ${w} » (${p.progress ?? ''}), et plus de la moitié du temps de signature est passée. Partagez-le dans vos communautés ou auprès de vos voisins.` }
        : { subject: `Maille: signing has stalled for “${short(w)}”`, text: `No new signature for a week on “${w}” (${p.progress ?? ''}), and more than half of the signing time has gone. Share it with your communities or neighbours.` };
    case 'check_due':
      return fr
        ? { subject: `Maille : l’avez-vous fait ? « ${short(w)} »`, text: `La période de l’engagement « ${w} » est terminée. L’avez-vous tenu ? Répondez en un clic sur sa page : le taux d’engagements tenus sera affiché.` }
        : { subject: `Maille: did you do it? “${short(w)}”`, text: `The action period of “${w}” is over. Did you keep it? Answer in one click on its page: the kept rate will be shown.` };
    case 'signed_for_you': {
      const who = p.entry === 'mediator' ? (fr ? 'Une médiatrice ou un médiateur' : 'A mediator') : fr ? 'Un organisateur' : 'An organiser';
      return fr
        ? { subject: `Maille : votre signature pour « ${short(w)} »`, text: `${who} a enregistré votre signature de l’engagement « ${w} », avec votre accord recueilli sur papier. Si ce n’est pas le cas, répondez à la personne qui l’a saisie ou à l’équipe du territoire.` }
        : { subject: `Maille: your signature for “${short(w)}”`, text: `${who} recorded your signature of the commitment “${w}”, with your consent collected on paper. If that is not right, tell the person who entered it or the territory’s team.` };
    }
  }
}
