import { type EntityFacts, type HoverAnswer, HOVER_QUERY, type HoverVariables } from '@sitrep/vocabulary';
import { type Endpoint, graphql } from './graphql-client';

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
    // name: null, or the query's default name would be asked for too.
    const variables: HoverVariables = { id, name: null, first };
    const facts = graphql<HoverAnswer>(this.endpoint(), HOVER_QUERY, variables).then((d) => d.entity);
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
