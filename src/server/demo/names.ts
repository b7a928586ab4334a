/** @module Word lists for synthetic residents and communities (invented people, plausible places). */

/** Feminine first names: a synthetic resident named from this list is spoken of as « elle », « retraitée ». */
export const FEMININE_FIRST_NAMES = [
  'Camille', 'Louise', 'Léa', 'Manon', 'Chloé', 'Emma', 'Jade', 'Inès', 'Sarah', 'Lina', 'Zoé', 'Alice', 'Anna', 'Julie',
  'Nadia', 'Fatima', 'Aïcha', 'Sophie', 'Claire', 'Hélène', 'Monique', 'Françoise', 'Yasmine', 'Mathilde', 'Agathe',
] as const;

/** Masculine first names: « il », « retraité ». */
export const MASCULINE_FIRST_NAMES = [
  'Lucas', 'Hugo', 'Louis', 'Gabriel', 'Arthur', 'Jules', 'Adam', 'Nathan', 'Théo', 'Tom', 'Paul', 'Karim', 'Mehdi',
  'Youssef', 'Thomas', 'Nicolas', 'Pierre', 'Jean', 'Michel', 'Bernard', 'Alain', 'Olivier', 'Antoine', 'Malik', 'Noé',
] as const;

/** Every synthetic resident's first name (the two lists in this order, so the seeded names stay the same). */
export const FIRST_NAMES = [...FEMININE_FIRST_NAMES, ...MASCULINE_FIRST_NAMES] as const;

/** The named demo people (accounts and assisted residents, seed-demo.ts and seed-mediation.ts), by their words' gender. */
const NAMED_PEOPLE: Readonly<Record<string, Voice>> = { Omar: 'm', Marc: 'm', Lucien: 'm', Maryse: 'f', Olivia: 'f', Adèle: 'f', Georgette: 'f' };

/** Whose words a demo text is in: feminine or masculine agreement (« seule », « seul »). */
export type Voice = 'f' | 'm';

/** The voice of a demo person from the first word of their display name; null for a name in no list. */
export function voiceOf(displayName: string): Voice | null {
  const first = displayName.trim().split(/\s+/)[0] ?? '';
  if ((FEMININE_FIRST_NAMES as readonly string[]).includes(first)) return 'f';
  if ((MASCULINE_FIRST_NAMES as readonly string[]).includes(first)) return 'm';
  return NAMED_PEOPLE[first] ?? null;
}

/**
 * A demo text in a person's voice: each `{masculine|feminine}` becomes the form that agrees with them; with no known
 * voice, the inclusive form (« seul·e ») or both (« il ou elle »).
 * @example inVoice('Je vis {seul|seule} depuis l’hiver.', 'f') // 'Je vis seule depuis l’hiver.'
 */
export function inVoice(template: string, voice: Voice | null): string {
  return template.replace(/\{([^|{}]*)\|([^|{}]*)\}/g, (_, m: string, f: string) => {
    if (voice) return voice === 'f' ? f : m;
    return f.startsWith(m) ? `${m}·${f.slice(m.length)}` : `${m} ou ${f}`;
  });
}

export const LAST_INITIALS = 'ABCDEFGHIJKLMNOPRSTVW';

/** Dijon neighbourhoods, for neighbourhood communities in the central commune. */
export const DIJON_QUARTERS = [
  'Montchapet', 'Grésilles', 'Fontaine-d’Ouche', 'Toison d’Or', 'Université', 'Port du Canal', 'Bourroches',
  'Chevreul-Parc', 'Maladière', 'Centre-ville', 'Victor-Hugo', 'Mansart', 'Clemenceau', 'Varennes',
] as const;

export const WORKPLACES = [
  'CHU Dijon Bourgogne', 'Campus universitaire Montmuzard', 'Hôtel de métropole', 'Parc technologique de Dijon',
  'Zone d’activités Cap Nord', 'Gare de Dijon-Ville', 'Zone industrielle de Longvic', 'Centre commercial Toison d’Or',
  'Cité administrative', 'Zone d’activités de Chenôve',
] as const;

export const SCHOOL_KINDS = ['École élémentaire', 'Collège', 'Lycée', 'École maternelle'] as const;
export const SCHOOL_NAMES = ['Jean-Jaurès', 'Victor-Hugo', 'Jules-Ferry', 'Marie-Curie', 'Les Tilleuls', 'Le Parc', 'Champollion', 'Montessori'] as const;

export const ASSOCIATIONS = [
  'Vélo en ville', 'Jardins partagés', 'Repair café', 'AMAP des Lentillères', 'Marche nordique', 'Aide aux devoirs',
  'Club des aînés', 'Troc de graines', 'Covoiturage solidaire', 'Épicerie solidaire', 'Chorale', 'Compost collectif',
] as const;
