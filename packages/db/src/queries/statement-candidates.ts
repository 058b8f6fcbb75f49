import type { SitrepDatabase } from '../database';
import { preparedOnce } from '../prepared';

/**
 * Where a new claim's statement is looked for. Each entity gives its newest PER_ENTITY_FACTOR ×
 * `limit` statements in the window, one bounded index range: an entity in a fifth of all claims
 * (Russia, in a corpus about Russia's bases) holds thousands of statements a month; the claim's
 * rarer entities, and the overlap of its common ones' newest, find the statements that share most
 * with it.
 */
export const PER_ENTITY_FACTOR = 2;

/** A statement about an entity, as statement_about indexes it. */
export interface StatementAboutRow {
  id: number;
  lastSaid: string;
}

/**
 * The newest `limit` × PER_ENTITY_FACTOR statements about one entity last said from `since` to
 * `until`: one entity's share of `statementCandidates`, which a caller asking for many claims of
 * one article may keep (the claims share their entities and days).
 */
export function statementsAboutEntity(
  db: SitrepDatabase,
  entityId: number,
  since: string,
  until: string,
  limit: number,
): StatementAboutRow[] {
  const statement = preparedOnce(db, 'statements.candidates', () =>
    db.sqlite.prepare<[number, string, string, number], StatementAboutRow>(
      `select statement_id as id, last_said as lastSaid from statement_about
        where entity_id = ? and last_said >= ? and last_said <= ?
        order by last_said desc, statement_id desc limit ?`,
    ),
  );
  return statement.all(entityId, since, until, limit * PER_ENTITY_FACTOR);
}

/**
 * Of the statements each entity gave (`statementsAboutEntity`), those about most of the entities
 * first, then the newest, at most `limit`. The order is total (ids last), so it does not depend
 * on the order the entities are given in.
 */
export function rankCandidates(perEntity: Iterable<readonly StatementAboutRow[]>, limit: number): number[] {
  const found = new Map<number, { shared: number; lastSaid: string }>();
  for (const rows of perEntity)
    for (const row of rows) {
      const seen = found.get(row.id);
      if (seen) seen.shared += 1;
      else found.set(row.id, { shared: 1, lastSaid: row.lastSaid });
    }
  return [...found]
    .sort(([x, a], [y, b]) => b.shared - a.shared || b.lastSaid.localeCompare(a.lastSaid) || y - x)
    .slice(0, limit)
    .map(([id]) => id);
}

/**
 * Statements about any of `entityIds` last said from `since` to `until`, those about most of them
 * first, then the newest, at most `limit`.
 */
export function statementCandidates(
  db: SitrepDatabase,
  entityIds: readonly number[],
  since: string,
  until: string,
  limit: number,
): number[] {
  return rankCandidates(
    [...new Set(entityIds)].map((id) => statementsAboutEntity(db, id, since, until, limit)),
    limit,
  );
}

/** What the placement rules read of a stored statement besides its claims' text. */
export interface CandidateStatementRow {
  id: number;
  curated: boolean;
  /** Its latest claim ids, oldest first, at most the `latest` asked for. */
  latest: number[];
  /** The statements it is in a contradiction with. */
  conflicts: number[];
}

/**
 * Statements as candidates for a new claim, in one query: whether curated, their latest `latest`
 * claim ids (by the statement index, so a statement told a thousand times costs `latest` rows) and
 * their contradictions. A statement that does not exist comes back with no claims, not curated.
 */
export function candidateStatementRows(
  db: SitrepDatabase,
  ids: readonly number[],
  latest: number,
): CandidateStatementRow[] {
  if (ids.length === 0) return [];
  const statement = preparedOnce(db, 'statements.candidateRows', () =>
    db.sqlite.prepare<[number, string], { id: number; curated: number | null; latest: string; conflicts: string }>(
      `select j.value as id, s.curated as curated,
         (select json_group_array(id) from
           (select id from claims where statement_id = j.value order by id desc limit ?)) as latest,
         (select json_group_array(other_id) from statement_conflicts where statement_id = j.value) as conflicts
       from json_each(?) j left join statements s on s.id = j.value`,
    ),
  );
  const ascending = (x: number, y: number) => x - y;
  return statement.all(latest, JSON.stringify(ids)).map((row) => ({
    id: row.id,
    curated: row.curated === 1,
    latest: (JSON.parse(row.latest) as number[]).sort(ascending),
    conflicts: (JSON.parse(row.conflicts) as number[]).sort(ascending),
  }));
}
