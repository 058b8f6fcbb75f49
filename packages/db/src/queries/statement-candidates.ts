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

/**
 * What is told, as it happens, of writes on this connection to what `candidateStatementRows` and
 * `statementsAboutEntity` read: a statement whose claims, curated flag or contradictions changed
 * (or that is deleted), and an entity whose statement_about rows changed.
 */
export interface StatementWriteListener {
  statement(id: number): void;
  entity(id: number): void;
}

const WATCH_TABLE = 'sitrep_statement_watch';

/**
 * Temporary triggers (this connection's only, gone with it) that call the listener's functions on
 * every write to claims' statements, statements' curated flag, contradictions and statement_about,
 * whoever on this connection writes (grouping, a curator's mutation); and a temporary table holding
 * an epoch that a caller sets (`setStatementWatchEpoch`). Temporary tables and triggers take part
 * in transactions: one rolled back after they were made takes them with it, and the epoch written
 * inside a transaction rolls back with the writes it vouches for.
 */
export function watchStatementWrites(db: SitrepDatabase, listener: StatementWriteListener, epoch: number): void {
  const call = (fn: (id: number) => void) => (id: unknown) => {
    if (typeof id === 'number' || typeof id === 'bigint') fn(Number(id));
    return null;
  };
  db.sqlite.function('sitrep_statement_written', { deterministic: false }, call(listener.statement));
  db.sqlite.function('sitrep_entity_statements_written', { deterministic: false }, call(listener.entity));
  db.sqlite.exec(`
    create temp table if not exists ${WATCH_TABLE} (epoch integer not null);
    delete from temp.${WATCH_TABLE};
    insert into temp.${WATCH_TABLE} (epoch) values (${Math.trunc(epoch)});
    create temp trigger if not exists sitrep_watch_claims_update after update of statement_id on main.claims
      begin select sitrep_statement_written(old.statement_id), sitrep_statement_written(new.statement_id); end;
    create temp trigger if not exists sitrep_watch_claims_insert after insert on main.claims
      when new.statement_id is not null begin select sitrep_statement_written(new.statement_id); end;
    create temp trigger if not exists sitrep_watch_claims_delete after delete on main.claims
      when old.statement_id is not null begin select sitrep_statement_written(old.statement_id); end;
    create temp trigger if not exists sitrep_watch_statements_update after update of curated, id on main.statements
      begin select sitrep_statement_written(old.id), sitrep_statement_written(new.id); end;
    create temp trigger if not exists sitrep_watch_statements_delete before delete on main.statements
      begin
        select sitrep_statement_written(old.id);
        select sitrep_statement_written(other_id) from main.statement_conflicts where statement_id = old.id;
        select sitrep_statement_written(statement_id) from main.statement_conflicts where other_id = old.id;
      end;
    create temp trigger if not exists sitrep_watch_conflicts_insert after insert on main.statement_conflicts
      begin select sitrep_statement_written(new.statement_id), sitrep_statement_written(new.other_id); end;
    create temp trigger if not exists sitrep_watch_conflicts_update after update on main.statement_conflicts
      begin
        select sitrep_statement_written(old.statement_id), sitrep_statement_written(old.other_id),
          sitrep_statement_written(new.statement_id), sitrep_statement_written(new.other_id);
      end;
    create temp trigger if not exists sitrep_watch_conflicts_delete after delete on main.statement_conflicts
      begin select sitrep_statement_written(old.statement_id), sitrep_statement_written(old.other_id); end;
    create temp trigger if not exists sitrep_watch_about_insert after insert on main.statement_about
      begin select sitrep_entity_statements_written(new.entity_id); end;
    create temp trigger if not exists sitrep_watch_about_update after update on main.statement_about
      begin select sitrep_entity_statements_written(old.entity_id), sitrep_entity_statements_written(new.entity_id); end;
    create temp trigger if not exists sitrep_watch_about_delete after delete on main.statement_about
      begin select sitrep_entity_statements_written(old.entity_id); end;
  `);
}

/**
 * The epoch last set on this connection's watch (`watchStatementWrites`), as of this transaction;
 * null when there is no watch (never made, or its making was rolled back).
 */
export function statementWatchEpoch(db: SitrepDatabase): number | null {
  const exists = preparedOnce(db, 'statements.watchExists', () =>
    db.sqlite.prepare<[string], { n: number }>(
      `select count(*) as n from temp.sqlite_master where type = 'table' and name = ?`,
    ),
  );
  if (exists.get(WATCH_TABLE)!.n === 0) return null;
  // Prepared anew: a statement prepared while the table existed would fail once it is gone.
  const row = db.sqlite.prepare<[], { epoch: number }>(`select epoch from temp.${WATCH_TABLE}`).get();
  return row?.epoch ?? null;
}

export function setStatementWatchEpoch(db: SitrepDatabase, epoch: number): void {
  db.sqlite.prepare<[number]>(`update temp.${WATCH_TABLE} set epoch = ?`).run(epoch);
}

/** SQLite's data_version: it moves when another connection commits. */
export function dataVersionOf(db: SitrepDatabase): number {
  return db.sqlite.pragma('data_version', { simple: true }) as number;
}
