/** Actors and installations share one table, one API interface and one extraction shape. */
export const ENTITY_KINDS = ['actor', 'installation'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/**
 * Whether a person stands behind an entity: `candidate` (ingestion made it from an article; a curator
 * has not looked yet), `confirmed` (typed in by a person, in the demo data, or accepted by a curator)
 * or `rejected` (a curator found it is not a real actor or installation).
 */
export const ENTITY_REVIEW_STATUSES = ['candidate', 'confirmed', 'rejected'] as const;
export type EntityReviewStatus = (typeof ENTITY_REVIEW_STATUSES)[number];

/**
 * The types extraction gives actors. Stored and API types stay free text ("government ministry"),
 * since people type them; extraction reads those back through its own words (subtypeOfStoredType).
 */
export const ACTOR_TYPES = ['state', 'government_body', 'military', 'armed_group', 'person', 'organization'] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

/** The types extraction gives installations; free text once stored, like ACTOR_TYPES. */
export const INSTALLATION_TYPES = ['airbase', 'naval_base', 'port', 'military_post', 'listening_post', 'base'] as const;
export type InstallationType = (typeof INSTALLATION_TYPES)[number];

/** Where an installation is, as the API and the exports give it. */
export interface EntityLocation {
  place: string | null;
  region: string | null;
  country: string | null;
  latitude: number | null;
  longitude: number | null;
}

// How a stored entity's type reads ("air base", "government ministry") in the extractor's subtypes.
const STORED_TYPES: Record<string, ActorType | InstallationType> = {
  'air base': 'airbase',
  airbase: 'airbase',
  'naval base': 'naval_base',
  'armed forces': 'military',
  'military formation': 'military',
  military: 'military',
  'government ministry': 'government_body',
  'government body': 'government_body',
  government: 'government_body',
  'intelligence agency': 'government_body',
  company: 'organization',
  'news outlet': 'organization',
};

/** The extractor's subtype for a type as stored ("air base" → airbase); unknown types pass as words joined by "_". */
export function subtypeOfStoredType(stored: string | null | undefined): string | null {
  if (!stored) return null;
  const words = stored.trim().toLowerCase();
  return STORED_TYPES[words] ?? words.replace(/\s+/g, '_');
}
