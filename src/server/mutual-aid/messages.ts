/** @module The words of mutual-aid mails, in French and English. Mails never carry an address or a description. */
import type { NotificationLocale } from '../notifications/index.ts';
import type { AidKind } from './tables.ts';

const KIND: Record<NotificationLocale, Record<AidKind, string>> = {
  fr: {
    groceries: 'des courses',
    pharmacy: 'la pharmacie',
    visit: 'une visite',
    call: 'un appel',
    homework: 'de l’aide aux devoirs',
    repairs: 'un petit bricolage',
    lift: 'un trajet',
    other: 'un coup de main',
  },
  en: {
    groceries: 'groceries',
    pharmacy: 'the pharmacy',
    visit: 'a visit',
    call: 'a call',
    homework: 'homework help',
    repairs: 'a small repair',
    lift: 'a lift',
    other: 'a hand',
  },
};

type Mail = (locale: NotificationLocale) => { subject: string; text: string };

export const aidMails = {
  nearby: (kind: AidKind, commune: string): Mail => (l) =>
    l === 'fr'
      ? { subject: `Maille : un voisin a besoin d’aide pour ${KIND.fr[kind]} (${commune})`, text: `Quelqu’un près de chez vous, à ${commune}, demande de l’aide pour ${KIND.fr[kind]}. Vous pouvez proposer votre aide ; son adresse exacte ne sera donnée qu’à la personne qu’il ou elle choisira.` }
      : { subject: `Maille: a neighbour needs help with ${KIND.en[kind]} (${commune})`, text: `Someone near you, in ${commune}, asks for help with ${KIND.en[kind]}. You can offer to help; their exact address is only given to the helper they choose.` },
  offerReceived: (kind: AidKind): Mail => (l) =>
    l === 'fr'
      ? { subject: 'Maille : quelqu’un propose de vous aider', text: `Un voisin propose son aide pour votre demande (${KIND.fr[kind]}). Choisissez la personne qui vous aidera : elle seule verra votre adresse.` }
      : { subject: 'Maille: someone offers to help you', text: `A neighbour offers to help with your request (${KIND.en[kind]}). Choose who will help you: only they will see your address.` },
  accepted: (kind: AidKind): Mail => (l) =>
    l === 'fr'
      ? { subject: 'Maille : votre aide est acceptée', text: `Votre proposition d’aide (${KIND.fr[kind]}) est acceptée. L’adresse exacte est visible sur la page « Demandes près de chez moi », tant que la demande est en cours.` }
      : { subject: 'Maille: your offer of help is accepted', text: `Your offer to help (${KIND.en[kind]}) is accepted. The exact address is shown on the “Requests near me” page while the request is under way.` },
  helperWithdrew: (kind: AidKind): Mail => (l) =>
    l === 'fr'
      ? { subject: 'Maille : votre aidant ne peut plus venir', text: `La personne qui devait vous aider (${KIND.fr[kind]}) ne peut plus. Votre demande est de nouveau ouverte : vous pouvez choisir une autre proposition.` }
      : { subject: 'Maille: your helper can no longer come', text: `The person who was to help you (${KIND.en[kind]}) can no longer do it. Your request is open again: you can choose another offer.` },
  done: (kind: AidKind): Mail => (l) =>
    l === 'fr'
      ? { subject: 'Maille : demande d’aide terminée', text: `La demande d’aide (${KIND.fr[kind]}) est marquée comme faite. Merci ! Elle compte désormais dans les heures d’entraide du territoire.` }
      : { subject: 'Maille: help request done', text: `The help request (${KIND.en[kind]}) is marked done. Thank you! It now counts in the territory’s hours of help.` },
  cancelled: (kind: AidKind): Mail => (l) =>
    l === 'fr'
      ? { subject: 'Maille : demande d’aide annulée', text: `La demande d’aide (${KIND.fr[kind]}) à laquelle vous aviez répondu a été annulée. Merci d’avoir proposé votre aide.` }
      : { subject: 'Maille: help request cancelled', text: `The help request (${KIND.en[kind]}) you answered was cancelled. Thank you for offering to help.` },
  thanks: (kind: AidKind, message: string): Mail => (l) =>
    l === 'fr'
      ? { subject: 'Maille : un merci pour votre aide', text: `La personne que vous avez aidée (${KIND.fr[kind]}) vous remercie :\n\n« ${message} »` }
      : { subject: 'Maille: a thank-you for your help', text: `The person you helped (${KIND.en[kind]}) thanks you:\n\n“${message}”` },
};
