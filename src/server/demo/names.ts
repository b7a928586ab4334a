/** @module Word lists for synthetic residents and communities (invented people, plausible places). */

export const FIRST_NAMES = [
  'Camille', 'Louise', 'Léa', 'Manon', 'Chloé', 'Emma', 'Jade', 'Inès', 'Sarah', 'Lina', 'Zoé', 'Alice', 'Anna', 'Julie',
  'Nadia', 'Fatima', 'Aïcha', 'Sophie', 'Claire', 'Hélène', 'Monique', 'Françoise', 'Yasmine', 'Mathilde', 'Agathe',
  'Lucas', 'Hugo', 'Louis', 'Gabriel', 'Arthur', 'Jules', 'Adam', 'Nathan', 'Théo', 'Tom', 'Paul', 'Karim', 'Mehdi',
  'Youssef', 'Thomas', 'Nicolas', 'Pierre', 'Jean', 'Michel', 'Bernard', 'Alain', 'Olivier', 'Antoine', 'Malik', 'Noé',
] as const;

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
