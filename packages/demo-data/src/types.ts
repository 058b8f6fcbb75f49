import type { AboutRole, EntityKind, ReviewStatus, Stance } from '@sitrep/vocabulary';

/** A curated entity. `key` is how reports and other entities refer to it. */
export interface DemoEntity {
  key: string;
  kind: EntityKind;
  name: string;
  description: string;
  /** Other names, the canonical name not included. */
  aliases: string[];
  actorType?: string;
  /** key of the actor this one belongs to */
  affiliation?: string;
  role?: string;
  installationType?: string;
  place?: string;
  region?: string;
  country?: string;
  latitude?: number;
  longitude?: number;
  /** key of the operating actor */
  operator?: string;
  /** key of the host state */
  hostCountry?: string;
}

export interface DemoSource {
  /** Verbatim words of the report that name the source; must occur in the report text. */
  text: string;
  /** key of the actor the source belongs to, or null (e.g. satellite imagery). */
  actor: string | null;
  count?: number;
  anonymous: boolean;
}

export interface DemoClaim {
  /** Verbatim span of the report text; it must occur exactly once in the text. */
  quote: string;
  /** null for the desk's own narrative. */
  source: DemoSource | null;
  /** keys of the entities the claim is about; a bare key means role "subject". */
  about: Array<string | { entity: string; role: AboutRole }>;
  stance: Stance;
  hedged: boolean;
  /** YYYY-MM-DD, only where the text dates the event. */
  eventDate?: string;
  reviewStatus?: ReviewStatus;
}

/** A short report written by the Sitrep team for the demo, in our own words. */
export interface DemoReport {
  title: string;
  outlet: string;
  /** YYYY-MM-DD */
  publishedAt: string;
  dateline: string;
  /** Paragraphs separated by blank lines; the first starts with "date YYYY-MM-DD PLACE: ". */
  text: string;
  claims: DemoClaim[];
}
