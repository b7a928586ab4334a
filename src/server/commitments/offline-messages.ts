/** @module What a person is told by mail when a signature collected on paper is entered for them, in French and English. */
import type { NotificationLocale } from '../notifications/index.ts';
import { untilInclusive } from './dates-in-words.ts';

/** `offline_pending`: waiting for their confirmation; `offline_recorded`: confirmed inside a mediator's session with them. */
export type OfflineNotice = 'offline_pending' | 'offline_recorded';

const short = (text: string) => (text.length > 60 ? `${text.slice(0, 59)}…` : text);

export function offlineMail(kind: OfflineNotice, p: { wording: string; deadline: Date }, locale: NotificationLocale): { subject: string; text: string } {
  const w = p.wording;
  const until = untilInclusive(p.deadline, locale);
  if (kind === 'offline_pending') {
    return locale === 'fr'
      ? {
          subject: `Maille : confirmez-vous votre signature pour « ${short(w)} » ?`,
          text: `Une signature recueillie sur papier a été saisie à votre nom pour l’engagement « ${w} ». Elle ne compte que si vous la confirmez. Confirmez-la ou retirez-la dans « Mes engagements », ${until}. Si vous n’avez rien signé, retirez-la.`,
        }
      : {
          subject: `Maille: do you confirm your signature for “${short(w)}”?`,
          text: `A signature collected on paper was entered in your name for the commitment “${w}”. It only counts once you confirm it. Confirm or withdraw it in “My commitments”, ${until}. If you signed nothing, withdraw it.`,
        };
  }
  return locale === 'fr'
    ? {
        subject: `Maille : votre signature pour « ${short(w)} »`,
        text: `Votre signature de l’engagement « ${w} » a été enregistrée pendant votre rendez-vous avec une médiatrice ou un médiateur, avec votre accord. Vous pouvez la retirer dans « Mes engagements », ${until}.`,
      }
    : {
        subject: `Maille: your signature for “${short(w)}”`,
        text: `Your signature of the commitment “${w}” was recorded during your appointment with a mediator, with your consent. You may withdraw it in “My commitments”, ${until}.`,
      };
}
