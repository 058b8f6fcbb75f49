import type { EntityKind, Stance } from '@sitrep/vocabulary';

export type { Stance };

/** What `sitrep extract --json` prints: the shape is fixed by the issue and read by the eval. */
export interface Extraction {
  article: { published: string | null; dateline: string | null; title: string };
  entities: ExtractedEntity[];
  claims: ExtractedClaim[];
}

/** An entity's kind, which the JSON calls its type. */
export type EntityType = EntityKind;

export interface ExtractedEntity {
  /** Canonical name. */
  name: string;
  type: EntityType;
  /**
   * One of the vocabulary's ACTOR_TYPES or INSTALLATION_TYPES; left open (string) because an entity
   * linked to the knowledge base keeps the type stored there.
   */
  subtype: string;
  /** Other names it goes by (from general knowledge and from the text), canonical name not repeated. */
  aliases: string[];
  /** Every place the article names it; offsets are JS string indices into the file as read. */
  mentions: Array<{ start: number; end: number; text: string }>;
  /** The knowledge base's id for the entity, when extraction linked it to one it was given. */
  known?: string;
}

export interface ExtractedSource {
  /** The words that name who says it, e.g. "four Syrian officials". */
  text: string;
  /** Canonical name of the entity the source belongs to (Syria for "four Syrian officials"), or null. */
  actor: string | null;
  /** How many, where the text says ("four officials" → 4). */
  count: number | null;
  anonymous: boolean;
}

export interface ExtractedClaim {
  start: number;
  end: number;
  quote: string;
  /** null for the outlet's own narrative. */
  source: ExtractedSource | null;
  /** Canonical names of the entities the claim is about. */
  about: string[];
  stance: Stance;
  hedged: boolean;
  event_date: string | null;
}
