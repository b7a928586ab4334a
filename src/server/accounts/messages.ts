/** @module What account mails say, in French and English: the reset link and the address verification link. */
import { RESET_TOKEN_MINUTES, VERIFY_TOKEN_HOURS } from './model.ts';

type Locale = 'fr' | 'en';

export function resetMail(locale: Locale, link: string): { subject: string; text: string } {
  return locale === 'fr'
    ? {
        subject: 'Maille : choisir un nouveau mot de passe',
        text: `Bonjour,\n\nPour choisir un nouveau mot de passe, ouvrez ce lien (valable ${RESET_TOKEN_MINUTES} minutes, une seule fois) :\n${link}\n\nSi vous n'avez rien demandé, ignorez ce message.`,
      }
    : {
        subject: 'Maille: choose a new password',
        text: `Hello,\n\nTo choose a new password, open this link (valid ${RESET_TOKEN_MINUTES} minutes, once):\n${link}\n\nIf you did not ask for it, ignore this message.`,
      };
}

/** The only mail an address receives before it is verified. */
export function verificationMail(locale: Locale, link: string, change: boolean): { subject: string; text: string } {
  return locale === 'fr'
    ? {
        subject: 'Maille : confirmez votre adresse e-mail',
        text: `Bonjour,\n\n${change ? 'Vous avez demandé à utiliser cette adresse pour votre compte Maille.' : 'Bienvenue sur Maille !'} Pour confirmer que cette adresse est bien la vôtre, ouvrez ce lien (valable ${VERIFY_TOKEN_HOURS} heures) :\n${link}\n\nTant qu'elle n'est pas confirmée, Maille ne vous envoie aucun autre courriel et les communautés réservées à un domaine d'adresse ne vous sont pas ouvertes.\n\nSi vous n'avez rien demandé, ignorez ce message.`,
      }
    : {
        subject: 'Maille: confirm your e-mail address',
        text: `Hello,\n\n${change ? 'You asked to use this address for your Maille account.' : 'Welcome to Maille!'} To confirm this address is yours, open this link (valid ${VERIFY_TOKEN_HOURS} hours):\n${link}\n\nUntil it is confirmed, Maille sends you no other e-mail and communities kept for an address domain stay closed to you.\n\nIf you did not ask for it, ignore this message.`,
      };
}
