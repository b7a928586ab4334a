/** @module What check-ins tell people (in-app kind and parameters, and the mail in French or English). No health wording, ever. */
import type { NotificationLocale } from '../notifications/index.ts';

export type CheckInNotice = 'invited' | 'missed' | 'escalated' | 'acknowledged' | 'resolved';

export interface NoticeParams {
  resident: string;
  /** "HH:MM", local time. */
  deadline?: string;
  /** The referent or person on duty who acknowledged. */
  by?: string;
  action?: 'on_my_way' | 'all_well';
  resolution?: 'checked_in' | 'all_well';
}

type Mail = { subject: string; text: string };

const fr: Record<CheckInNotice, (p: NoticeParams) => Mail> = {
  invited: (p) => ({
    subject: `${p.resident} vous propose d’être son référent « Bonjour »`,
    text: `${p.resident} aimerait que vous soyez prévenu·e si, un jour, il ou elle ne dit pas « je vais bien » avant l’heure choisie. Acceptez ou refusez sur la page Référent.`,
  }),
  missed: (p) => ({
    subject: `${p.resident} n’a pas dit bonjour aujourd’hui`,
    text: `${p.resident} n’a pas appuyé sur « Je vais bien » avant ${p.deadline ?? ''}. Pouvez-vous appeler ou passer ? Dites-le sur la page Référent, sinon la permanence sera prévenue.`,
  }),
  escalated: (p) => ({
    subject: `Permanence : personne n’a répondu pour ${p.resident}`,
    text: `${p.resident} n’a pas dit bonjour avant ${p.deadline ?? ''} et aucun référent n’a répondu dans le délai. Merci de prendre le relais.`,
  }),
  acknowledged: (p) => ({
    subject: `${p.by ?? ''} s’occupe de ${p.resident}`,
    text: p.action === 'all_well' ? `${p.by ?? ''} indique que tout va bien pour ${p.resident}.` : `${p.by ?? ''} appelle ou passe voir ${p.resident}.`,
  }),
  resolved: (p) => ({
    subject: `Tout va bien pour ${p.resident}`,
    text: p.resolution === 'checked_in' ? `${p.resident} a dit « je vais bien ». L’alerte est close.` : `${p.by ?? 'Un référent'} indique que tout va bien pour ${p.resident}. L’alerte est close.`,
  }),
};

const en: Record<CheckInNotice, (p: NoticeParams) => Mail> = {
  invited: (p) => ({
    subject: `${p.resident} asks you to be their daily check-in referent`,
    text: `${p.resident} would like you to be told if, one day, they do not say "I am fine" before their chosen time. Accept or decline on the Referent page.`,
  }),
  missed: (p) => ({
    subject: `${p.resident} has not checked in today`,
    text: `${p.resident} did not press "I am fine" before ${p.deadline ?? ''}. Can you call or go by? Say so on the Referent page, otherwise the people on duty will be told.`,
  }),
  escalated: (p) => ({
    subject: `On duty: nobody answered for ${p.resident}`,
    text: `${p.resident} did not check in before ${p.deadline ?? ''} and no referent answered in time. Please take over.`,
  }),
  acknowledged: (p) => ({
    subject: `${p.by ?? ''} is looking after ${p.resident}`,
    text: p.action === 'all_well' ? `${p.by ?? ''} says all is well with ${p.resident}.` : `${p.by ?? ''} is calling or going by ${p.resident}.`,
  }),
  resolved: (p) => ({
    subject: `All is well with ${p.resident}`,
    text: p.resolution === 'checked_in' ? `${p.resident} said "I am fine". The alert is closed.` : `${p.by ?? 'A referent'} says all is well with ${p.resident}. The alert is closed.`,
  }),
};

export function noticeMail(notice: CheckInNotice, params: NoticeParams): (locale: NotificationLocale) => Mail {
  return (locale) => (locale === 'en' ? en : fr)[notice](params);
}
