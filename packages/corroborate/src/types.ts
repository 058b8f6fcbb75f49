import type { Stance } from '@sitrep/vocabulary';

export type { Stance };

/** Who a claim is attributed to; null on `ClaimFacts.source` for the outlet's own narrative. */
export interface ClaimSource {
  /** The words that name the source, e.g. "four Syrian officials". */
  text: string;
  /** Key of the entity the source belongs to, or null. */
  actor: string | null;
  count: number | null;
  anonymous: boolean;
}

/**
 * One claim as this library reads it: what an extracted or stored claim carries, with its entities
 * as keys the caller resolved across articles (database ids, or canonical names), so that "Tartus"
 * in one article and "Tartous" in another are the same key.
 */
export interface ClaimFacts {
  /** Unique among the claims given to one grouper. */
  id: string;
  articleId: string;
  /**
   * Articles that are copies of one wire story share a story id: they repeat one report, they do
   * not corroborate it. Defaults to the article id.
   */
  storyId?: string | null;
  quote: string;
  /** Entity keys the claim is about. */
  about: readonly string[];
  /**
   * Those of `about` that are installations (bases, ports, airfields), where the caller knows: two
   * claims at different installations and none in common report different events, however alike
   * their words ("ships left A", "ships left B").
   */
  installations?: readonly string[];
  stance: Stance;
  hedged: boolean;
  /** YYYY-MM-DD where the text dates the event. */
  eventDate: string | null;
  /** The article's publication date, YYYY-MM-DD. */
  saidOn: string | null;
  source: ClaimSource | null;
}

/** A count and what it counts: "two AN-124s" is { value: 2, unit: "an-124" }. */
export interface Quantity {
  value: number;
  /** The counted noun's lemma, reduced to its class ("warships" → "ship"); null when none follows. */
  unit: string | null;
}

/** What the comparisons read from a claim; computed once per claim by `featuresOf`. */
export interface ClaimFeatures {
  /**
   * Content lemmas with the classes they belong to ("frigate" also gives "ship"), without numbers or
   * dates, nor the words of circumstance phrases ("amid the fall of the government").
   */
  terms: ReadonlySet<string>;
  /** Terms that came from proper nouns: mostly entity names, which `about` already compares. */
  names: ReadonlySet<string>;
  /** The main verb's lemma with its particle ("pull out"), or a nominal predicate's verb ("withdrawal" → "withdraw"). */
  predicate: string | null;
  /** The predicate's class ("withdraw" → "depart"), null when it has none. */
  predicateClass: string | null;
  /** The classes of all its verbs ("tracked jets flown in … before landing" → arrive). */
  verbClasses: ReadonlySet<string>;
  /**
   * The classes of every event the claim names, by verb or by event noun ("talks", "his first visit",
   * "the review of the agreements"): what it reports happening besides its main predicate.
   */
  eventClasses: ReadonlySet<string>;
  /** The lemmas of its verbs that name a classed event ("suspended" → suspend). */
  eventVerbs: ReadonlySet<string>;
  /** The noun class of the predicate's subject in the quote ("Russian ships have left" → ship), or null. */
  subjectClass: string | null;
  /** Whether the predicate's subject is a proper noun, a named actor ("Russia is withdrawing its assets"). */
  subjectNamed: boolean;
  /** Whether the predicate is passive ("equipment is being shipped back"): its subject was acted on, it did not act. */
  passive: boolean;
  /** The verb of a purpose the predicate is done for ("built to berth carriers" → berth), or null. */
  purpose: string | null;
  /** Whether the quote negates its predicate ("is not leaving"). */
  negated: boolean;
  quantities: readonly Quantity[];
  /** Day (YYYY-MM-DD) or month (YYYY-MM) dates: the claim's event date and any date the quote spells out. */
  dates: readonly string[];
  stance: Stance;
  hedged: boolean;
  /** Whether the quote's own words only suppose it ("may", "allegedly"), whatever hedges its frame. */
  tentative: boolean;
  about: ReadonlySet<string>;
  installations: ReadonlySet<string>;
}

/** A claim with its features, as statements hold them. */
export interface ReadClaim {
  facts: ClaimFacts;
  features: ClaimFeatures;
}
