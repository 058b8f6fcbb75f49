/** What `sitrep extract --json` prints: the shape is fixed by the issue and read by the eval. */
export interface Extraction {
  article: { published: string | null; dateline: string | null; title: string };
  entities: ExtractedEntity[];
  claims: ExtractedClaim[];
}

export type EntityType = 'actor' | 'installation';

export interface ExtractedEntity {
  /** Canonical name. */
  name: string;
  type: EntityType;
  /** state, government_body, military, armed_group, person, organization; airbase, naval_base, port, military_post, listening_post, base */
  subtype: string;
  /** Other names it goes by (from general knowledge and from the text), canonical name not repeated. */
  aliases: string[];
  /** Every place the article names it; offsets are JS string indices into the file as read. */
  mentions: Array<{ start: number; end: number; text: string }>;
  /** The id of the KnownEntity (ExtractOptions.knowledge) it is, where the knowledge base knows it. */
  known?: string;
}

export type Stance = 'affirms' | 'denies' | 'no_comment';

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
