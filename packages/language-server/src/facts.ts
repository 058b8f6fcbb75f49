import type { EntityKind, EntityReviewStatus, GraphQLName, Stance } from '@sitrep/vocabulary';
import { type Endpoint, graphql } from './graphql-client';

export interface ClaimFact {
  quote: string;
  stance: GraphQLName<Stance>;
  hedged: boolean;
  eventDate: string | null;
  saidOn: string;
  source: { text: string; count: number | null; anonymous: boolean; actor: { name: string } | null } | null;
  /** Where the quote is in its article's text. */
  start: number;
  end: number;
  article: { id: string; title: string; publishedAt: string; outlet: string | null };
}

export interface StatementFact {
  id: string;
  /** Admiralty grade: best backing source's reliability (A–F) and credibility (1–6), e.g. "B2". */
  grade: string;
  independentSources: number;
  affirming: number;
  denying: number;
  contested: boolean;
  credibilityReason: string;
  conflicts: Array<{ why: string }>;
  claims: { totalCount: number; edges: Array<{ node: ClaimFact }> };
}

type StatementPage = { totalCount: number; edges: Array<{ node: StatementFact }> };

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
  location?: {
    place: string | null;
    region: string | null;
    country: string | null;
    latitude: number | null;
    longitude: number | null;
  } | null;
  operator?: { name: string } | null;
  hostCountry?: { name: string } | null;
  claimStats: { claims: number; sources: number; latest: string | null };
  claims: { totalCount: number; edges: Array<{ node: ClaimFact }> };
  /** What is disputed about it, and what is said, latest first: the hover leads with these. */
  contested: StatementPage;
  statements: StatementPage;
}

const CLAIM_FIELDS = `quote stance hedged eventDate saidOn start end
          source { text count anonymous actor { name } }
          article { id title publishedAt outlet }`;

// Two quotes a statement: its latest tellings, with their sources.
const STATEMENT_FIELDS = `totalCount
        edges { node {
          id grade independentSources affirming denying contested credibilityReason
          conflicts { why }
          claims(first: 2) { totalCount edges { node { ${CLAIM_FIELDS} } } }
        } }`;

/** Everything a hover shows, in one request. */
export const FACTS_QUERY = `query SitrepHover($id: ID!, $first: Int!) {
  node(id: $id) {
    ... on Entity {
      id name kind reviewStatus aliases description
      claimStats { claims sources latest }
      claims(first: $first) {
        totalCount
        edges { node {
          ${CLAIM_FIELDS}
        } }
      }
      contested: statements(first: $first, filter: { contested: true }) {
        ${STATEMENT_FIELDS}
      }
      statements(first: $first) {
        ${STATEMENT_FIELDS}
      }
    }
    ... on Actor { actorType role affiliation { name } }
    ... on Installation {
      installationType
      location { place region country latitude longitude }
      operator { name }
      hostCountry { name }
    }
  }
}`;

/** Facts per entity, kept a short while: hovering the same name again costs nothing. */
export class FactsCache {
  private readonly entries = new Map<string, { at: number; facts: Promise<EntityFacts | null> }>();

  constructor(
    private readonly endpoint: () => Endpoint,
    private readonly ttlMs = 30_000,
  ) {}

  get(id: string, first: number): Promise<EntityFacts | null> {
    const key = `${id}:${first}`;
    const cached = this.entries.get(key);
    if (cached && Date.now() - cached.at < this.ttlMs) return cached.facts;
    const facts = graphql<{ node: EntityFacts | null }>(this.endpoint(), FACTS_QUERY, { id, first }).then(
      (d) => d.node,
    );
    this.entries.set(key, { at: Date.now(), facts });
    // A failed request must not stay cached.
    facts.catch(() => this.entries.delete(key));
    return facts;
  }

  /** Drops what is kept for these entities: a commit added claims about them. */
  forget(ids: readonly string[]): void {
    for (const id of ids) for (const key of this.entries.keys()) if (key.startsWith(`${id}:`)) this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
