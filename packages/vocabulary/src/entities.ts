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
