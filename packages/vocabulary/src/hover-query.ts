import type { EntityKind, EntityLocation, EntityReviewStatus } from './entities';
import type { Stance } from './claims';
import type { GraphQLName } from './graphql-names';

/*
 * The editor's hover question: what the language server asks, what GraphiQL opens with and what
 * `pnpm bench` measures (against a hand-written answer). It lives here, with the other shapes every
 * layer shares, because this package has no dependencies: the bundled language server can import
 * it without pulling in the GraphQL server.
 */

/**
 * How many claims, statements and contested statements the hover lists when not told: the
 * editor's own default (its `maxClaims` setting), so the bench measures what a hover asks.
 */
export const HOVER_FIRST = 5;

/** Quotes per statement: its latest tellings, with their sources. */
export const HOVER_TELLINGS = 2;

/** Whom the query asks about when given no name: what GraphiQL shows on ▶. */
export const HOVER_DEFAULT_NAME = 'Hmeimim';

/**
 * Everything a hover shows, in one request: by name (GraphiQL, scripts) or by ID (the editor).
 * `$name` has a default so that GraphiQL answers on ▶ with nothing typed; asking by ID therefore
 * sets `name` to null, since `entity` refuses both.
 */
export const HOVER_QUERY = `# Sitrep: what is known about an entity, in one request: the question
# the editor's hover asks, and the one \`pnpm bench\` measures.
# Press ▶ for ${HOVER_DEFAULT_NAME}. Any name works: put {"name": "Khmeimim"} (or
# "TARTOUS", "al-Golani", "the Kremlin") in Variables. The editor asks
# by ID instead: {"id": "…", "name": null}. $first bounds each list.
# What is contested comes first, then what is said, each statement with
# its Admiralty grade and the sources behind it; then the latest claims.
query Hover($name: String = "${HOVER_DEFAULT_NAME}", $id: ID, $first: Int = ${HOVER_FIRST}) {
  entity(name: $name, id: $id) {
    id
    name
    kind
    reviewStatus
    aliases
    description
    ... on Installation {
      installationType
      location { place region country latitude longitude }
      operator { name }
      hostCountry { name }
    }
    ... on Actor {
      actorType
      role
      affiliation { name }
    }
    claimStats { claims sources latest }
    contested: statements(first: $first, filter: { contested: true }) {
      totalCount
      edges { node { ...Told } }
    }
    statements(first: $first) {
      totalCount
      edges { node { ...Told } }
    }
    claims(first: $first) {
      totalCount
      edges { node { ...Telling } }
    }
  }
}

fragment Told on Statement {
  id
  grade
  credibilityReason
  independentSources
  affirming
  denying
  contested
  conflicts { why }
  claims(first: ${HOVER_TELLINGS}) {
    totalCount
    edges { node { ...Telling } }
  }
}

# start and end: where the quote is in its article's text.
fragment Telling on Claim {
  quote
  stance
  hedged
  eventDate
  saidOn
  start
  end
  source { text count anonymous actor { name } }
  article { id title publishedAt outlet }
}
`;

/** HOVER_QUERY's variables: a name (or none, for the default), or an ID with `name` set to null. */
export type HoverVariables = ({ name?: string; id?: null } | { id: string; name: null }) & { first?: number };

/** A claim as HOVER_QUERY answers it (the `Telling` fragment). */
export interface ClaimFact {
  quote: string;
  stance: GraphQLName<Stance>;
  hedged: boolean;
  eventDate: string | null;
  saidOn: string;
  /** Where the quote is in its article's text. */
  start: number;
  end: number;
  source: { text: string; count: number | null; anonymous: boolean; actor: { name: string } | null } | null;
  article: { id: string; title: string; publishedAt: string; outlet: string | null };
}

/** A statement as HOVER_QUERY answers it (the `Told` fragment). */
export interface StatementFact {
  id: string;
  /** Admiralty grade: best backing source's reliability (A–F) and credibility (1–6), e.g. "B2". */
  grade: string;
  credibilityReason: string;
  independentSources: number;
  affirming: number;
  denying: number;
  contested: boolean;
  conflicts: Array<{ why: string }>;
  claims: { totalCount: number; edges: Array<{ node: ClaimFact }> };
}

export interface StatementPage {
  totalCount: number;
  edges: Array<{ node: StatementFact }>;
}

/** The entity as HOVER_QUERY answers it; the fields of the other kind are absent. */
export interface EntityFacts {
  id: string;
  name: string;
  kind: GraphQLName<EntityKind>;
  /** CANDIDATE: ingestion created it and no curator has confirmed it yet. */
  reviewStatus: GraphQLName<EntityReviewStatus>;
  aliases: string[];
  description: string | null;
  actorType?: string | null;
  role?: string | null;
  affiliation?: { name: string } | null;
  installationType?: string | null;
  location?: EntityLocation | null;
  operator?: { name: string } | null;
  hostCountry?: { name: string } | null;
  claimStats: { claims: number; sources: number; latest: string | null };
  /** What is disputed about it, and what is said, latest first: the hover leads with these. */
  contested: StatementPage;
  statements: StatementPage;
  claims: { totalCount: number; edges: Array<{ node: ClaimFact }> };
}

/** HOVER_QUERY's `data`: null when no entity has that name or ID. */
export interface HoverAnswer {
  entity: EntityFacts | null;
}
