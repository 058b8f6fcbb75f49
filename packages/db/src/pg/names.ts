import { normalizeName } from '@sitrep/names';
import type { SitrepPostgres } from '../postgres';

export interface NameSuggestion {
  entityId: number;
  name: string;
  /** pg_trgm similarity of the closest alias, 0–1. */
  similarity: number;
}

/**
 * "Did you mean": entities with an alias whose folded form shares enough trigrams with the folded
 * name (pg_trgm's `%`, similarity ≥ 0.3 by default), closest first. Reads the trigram index on
 * aliases.normalized; the name is folded exactly as look-ups fold it, and sent as a parameter.
 */
export async function suggestNamesPg(db: SitrepPostgres, name: string, limit = 5): Promise<NameSuggestion[]> {
  const folded = normalizeName(name);
  if (folded === '') return [];
  return db.sql<NameSuggestion[]>`
    select e.id as "entityId", e.name, max(similarity(a.normalized, ${folded}))::float8 as similarity
      from aliases a join entities e on e.id = a.entity_id
     where a.normalized % ${folded}
     group by e.id, e.name
     order by similarity desc, e.name
     limit ${limit}`;
}
