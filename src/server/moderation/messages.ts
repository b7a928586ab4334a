/** @module What moderation mails say, in French and English (the web app words the in-app notices from kind and params). */
import type { NotificationLocale } from '../notifications/index.ts';
import type { SubjectType } from './subjects.ts';

export type ModerationNotice = 'hidden' | 'removed' | 'restored' | 'warned';

const WHAT: Record<SubjectType, { fr: string; en: string }> = {
  aid_request: { fr: 'votre demande d’aide', en: 'your help request' },
  aid_offer: { fr: 'votre proposition d’aide', en: 'your offer of help' },
  mission: { fr: 'votre mission de bénévolat', en: 'your volunteering mission' },
  organisation: { fr: 'la fiche de votre organisation', en: 'your organisation’s page' },
  community: { fr: 'votre communauté', en: 'your community' },
  carpool_message: { fr: 'votre message de covoiturage', en: 'your carpool message' },
  user: { fr: 'votre compte', en: 'your account' },
};

/** The mail telling an author what happened to their content (never who reported it). */
export function subjectMail(notice: ModerationNotice, type: SubjectType, locale: NotificationLocale, reason?: string): { subject: string; text: string } {
  const what = WHAT[type][locale];
  const why = reason ? (locale === 'fr' ? `\nMotif : ${reason}` : `\nReason: ${reason}`) : '';
  if (locale === 'fr') {
    switch (notice) {
      case 'hidden':
        return { subject: 'Maille : un contenu masqué en attendant une vérification', text: `Plusieurs personnes ont signalé ${what}. Il est masqué jusqu’à ce qu’un modérateur l’examine ; vous serez prévenu de sa décision.` };
      case 'removed':
        return { subject: 'Maille : un contenu retiré par la modération', text: `Après examen des signalements, ${what} a été retiré(e) et reste masqué(e).${why}` };
      case 'restored':
        return { subject: 'Maille : votre contenu est de nouveau visible', text: `Après examen des signalements, ${what} est de nouveau visible.${why}` };
      case 'warned':
        return { subject: 'Maille : un avertissement de la modération', text: `Des signalements à votre sujet ont été examinés et retenus par la modération. Merci de respecter les règles de la communauté.${why}` };
    }
  }
  switch (notice) {
    case 'hidden':
      return { subject: 'Maille: content hidden pending review', text: `Several people reported ${what}. It is hidden until a moderator reviews it; you will be told of the decision.` };
    case 'removed':
      return { subject: 'Maille: content removed by moderation', text: `After reviewing the reports, ${what} was removed and stays hidden.${why}` };
    case 'restored':
      return { subject: 'Maille: your content is visible again', text: `After reviewing the reports, ${what} is visible again.${why}` };
    case 'warned':
      return { subject: 'Maille: a warning from moderation', text: `Reports about you were reviewed and upheld by moderation. Please keep to the community rules.${why}` };
  }
}
