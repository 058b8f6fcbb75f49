import type { ReliabilityGrade } from '@sitrep/vocabulary';
import type { SitrepDatabase } from '../database';
import type { DateRange, Page } from '../page';
import { preparedOnce } from '../prepared';
import type { ClaimRow, SourceReliabilityChangeRow, StatementConflictRow, StatementRow } from '../schema';

export interface StatementFilter extends DateRange {
  /** Statements about this entity. */
  about?: number | null;
  contested?: boolean | null;
}

/** What grouping keeps up to date on a statement when claims join or leave it. */
export type StatementFigures = Pick<
  StatementRow,
  | 'firstSaid'
  | 'lastSaid'
  | 'eventDate'
  | 'claims'
  | 'independentSources'
  | 'affirming'
  | 'denying'
  | 'contested'
  | 'credibility'
  | 'credibilityReason'
  | 'reliability'
>;

const COLUMNS = `id, first_said as firstSaid, last_said as lastSaid, event_date as eventDate, claims,
  independent_sources as independentSources, affirming, denying, contested, credibility,
  credibility_reason as credibilityReason, reliability, curated, created_at as createdAt`;

type RawStatement = Omit<StatementRow, 'contested' | 'curated'> & { contested: number; curated: number };
const toRow = (raw: RawStatement): StatementRow => ({
  ...raw,
  contested: raw.contested === 1,
  curated: raw.curated === 1,
});

export function statementsByIds(db: SitrepDatabase, ids: readonly number[]): StatementRow[] {
  if (ids.length === 0) return [];
  const statement = preparedOnce(db, 'statements.byIds', () =>
    db.sqlite.prepare<[string], RawStatement>(
      `select ${COLUMNS} from statements where id in (select value from json_each(?))`,
    ),
  );
  return statement.all(JSON.stringify(ids)).map(toRow);
}

/** A new statement, empty: claims join it with assignClaims, then its figures are set. */
export function createStatement(db: SitrepDatabase, saidOn: string): number {
  const statement = preparedOnce(db, 'statements.create', () =>
    db.sqlite.prepare<[string, string]>('insert into statements (first_said, last_said) values (?, ?)'),
  );
  return Number(statement.run(saidOn, saidOn).lastInsertRowid);
}

/** Moves claims into one statement (assignStatements, each claim to it). */
export function assignClaims(db: SitrepDatabase, claimIds: readonly number[], statementId: number): void {
  assignStatements(
    db,
    claimIds.map((id) => [id, statementId] as const),
  );
}

/**
 * Sets the statement of each claim, `[claim, statement]` in order (a claim given twice ends in its
 * last): grouping's placements of one article, written in one statement.
 */
export function assignStatements(db: SitrepDatabase, placements: ReadonlyArray<readonly [number, number]>): void {
  if (placements.length === 0) return;
  const statement = preparedOnce(db, 'statements.assign-each', () =>
    db.sqlite.prepare<[string]>(
      `update claims set statement_id = p.statement_id
         from (select value ->> 0 as claim_id, value ->> 1 as statement_id from json_each(?)) as p
        where claims.id = p.claim_id`,
    ),
  );
  statement.run(JSON.stringify([...new Map(placements)]));
}

/** A statement's figures to save (saveStatementFigures). */
export interface StatementFiguresOf {
  id: number;
  figures: StatementFigures;
}

/**
 * Writes statements' figures, and their entities (the union of their claims') with their last day
 * and contested flag. Only what changed is written: a claim joining a statement of hundreds mostly
 * leaves its entities as they were, and each statement_about row written costs three index
 * entries and a trigger.
 */
export function saveStatementFigures(db: SitrepDatabase, list: readonly StatementFiguresOf[]): void {
  for (const { id, figures } of lastFiguresOf(list)) saveFiguresOf(db, id, figures);
}

/** Each statement once, with the last figures given for it. */
export const lastFiguresOf = (list: readonly StatementFiguresOf[]): StatementFiguresOf[] => [
  ...new Map(list.map((entry) => [entry.id, entry])).values(),
];

function saveFiguresOf(db: SitrepDatabase, id: number, figures: StatementFigures): void {
  const statements = preparedOnce(db, 'statements.save', () => ({
    figures: db.sqlite.prepare(
      `update statements set first_said = @firstSaid, last_said = @lastSaid, event_date = @eventDate,
         claims = @claims, independent_sources = @independentSources, affirming = @affirming,
         denying = @denying, contested = @contested, credibility = @credibility,
         credibility_reason = @credibilityReason, reliability = @reliability
       where id = @id`,
    ),
    entities: db.sqlite
      .prepare<[number], number>(
        `select distinct a.entity_id from claims c join claim_about a on a.claim_id = c.id where c.statement_id = ?`,
      )
      .pluck(),
    stored: db.sqlite.prepare<[number], number>('select entity_id from statement_about where statement_id = ?').pluck(),
    refresh: db.sqlite.prepare<[string, number, number, string, number]>(
      'update statement_about set last_said = ?, contested = ? where statement_id = ? and (last_said <> ? or contested <> ?)',
    ),
    add: db.sqlite.prepare<[number, number, string, number]>(
      'insert or ignore into statement_about (entity_id, statement_id, last_said, contested) values (?, ?, ?, ?)',
    ),
    drop: db.sqlite.prepare<[number, number]>('delete from statement_about where statement_id = ? and entity_id = ?'),
  }));
  const contested = figures.contested ? 1 : 0;
  statements.figures.run({ id, ...figures, contested });
  statements.refresh.run(figures.lastSaid, contested, id, figures.lastSaid, contested);
  const wanted = new Set(statements.entities.all(id));
  const stored = new Set(statements.stored.all(id));
  for (const entityId of stored) if (!wanted.has(entityId)) statements.drop.run(id, entityId);
  for (const entityId of wanted)
    if (!stored.has(entityId)) statements.add.run(entityId, id, figures.lastSaid, contested);
}

/** A statement with no claims left (all moved away) goes; its conflicts go with it. */
export function deleteStatementIfEmpty(db: SitrepDatabase, id: number): boolean {
  const statement = preparedOnce(db, 'statements.deleteEmpty', () =>
    db.sqlite.prepare<[number, number]>(
      'delete from statements where id = ? and not exists (select 1 from claims where statement_id = ?)',
    ),
  );
  return statement.run(id, id).changes > 0;
}

export function markCurated(db: SitrepDatabase, ids: readonly number[]): void {
  const statement = preparedOnce(db, 'statements.curated', () =>
    db.sqlite.prepare<[string]>('update statements set curated = 1 where id in (select value from json_each(?))'),
  );
  statement.run(JSON.stringify(ids));
}

/** Claim ids of each statement, oldest first. */
export function claimIdsOfStatements(db: SitrepDatabase, ids: readonly number[]): Map<number, number[]> {
  const result = new Map<number, number[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return result;
  const statement = preparedOnce(db, 'statements.claimIds', () =>
    db.sqlite.prepare<[string], { statementId: number; id: number }>(
      `select statement_id as statementId, id from claims
        where statement_id in (select value from json_each(?)) order by statement_id, said_on, id`,
    ),
  );
  for (const row of statement.all(JSON.stringify(ids))) result.get(row.statementId)!.push(row.id);
  return result;
}

/** A statement's claim as its figures read it (`tellingsOfStatements`). */
export interface TellingRow {
  statementId: number;
  claimId: number;
  storyId: number;
  outlet: string | null;
  stance: ClaimRow['stance'];
  hedged: boolean;
  sourceText: string | null;
  sourceActorId: number | null;
  sourceCount: number | null;
  sourceAnonymous: boolean;
  saidOn: string;
  eventDate: string | null;
}

type RawTelling = Omit<TellingRow, 'hedged' | 'sourceAnonymous'> & { hedged: number; sourceAnonymous: number };

/**
 * Each statement's claims, oldest first (as `claimIdsOfStatements` orders them), with only what
 * regrading reads and their article's story and outlet, in one query: regrading a statement reads
 * every claim it holds, and whole claim rows (quotes, spans) through the ORM cost most of it.
 */
export function tellingsOfStatements(db: SitrepDatabase, ids: readonly number[]): Map<number, TellingRow[]> {
  const result = new Map<number, TellingRow[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return result;
  const statement = preparedOnce(db, 'statements.tellings', () =>
    db.sqlite.prepare<[string], RawTelling>(
      `select c.statement_id as statementId, c.id as claimId, coalesce(a.story_id, a.id, c.article_id) as storyId,
         a.outlet as outlet, c.stance as stance, c.hedged as hedged, c.source_text as sourceText,
         c.source_actor_id as sourceActorId, c.source_count as sourceCount,
         c.source_anonymous as sourceAnonymous, c.said_on as saidOn, c.event_date as eventDate
        from claims c left join articles a on a.id = c.article_id
        where c.statement_id in (select value from json_each(?)) order by c.statement_id, c.said_on, c.id`,
    ),
  );
  for (const row of statement.all(JSON.stringify(ids)))
    result.get(row.statementId)!.push({ ...row, hedged: row.hedged === 1, sourceAnonymous: row.sourceAnonymous === 1 });
  return result;
}

/** Records that two statements cannot both be true; both ways round, so either finds the other. */
export function recordConflict(db: SitrepDatabase, a: number, b: number, why: string): void {
  if (a === b) return;
  const statement = preparedOnce(db, 'statements.conflict', () =>
    db.sqlite.prepare<[number, number, string]>(
      'insert or replace into statement_conflicts (statement_id, other_id, why) values (?, ?, ?)',
    ),
  );
  statement.run(a, b, why);
  statement.run(b, a, why);
}

export function conflictsOf(db: SitrepDatabase, ids: readonly number[]): StatementConflictRow[] {
  if (ids.length === 0) return [];
  const statement = preparedOnce(db, 'statements.conflicts', () =>
    db.sqlite.prepare<[string], StatementConflictRow>(
      `select statement_id as statementId, other_id as otherId, why from statement_conflicts
        where statement_id in (select value from json_each(?)) order by statement_id, other_id`,
    ),
  );
  return statement.all(JSON.stringify(ids));
}

function filterSql(filter: StatementFilter): { where: string; values: unknown[]; fromAbout: boolean } {
  const where: string[] = [];
  const values: unknown[] = [];
  const fromAbout = filter.about != null;
  if (fromAbout) {
    where.push('sa.entity_id = ?');
    values.push(filter.about);
  }
  if (filter.contested != null) {
    // Through statement_about where it is joined: one index range (statement_about_contested_idx).
    where.push(fromAbout ? 'sa.contested = ?' : 's.contested = ?');
    values.push(filter.contested ? 1 : 0);
  }
  // A statement is in a range when it was said in it: first said on or before its end, last on or after its start.
  if (filter.from) {
    where.push('s.last_said >= ?');
    values.push(filter.from);
  }
  if (filter.to) {
    where.push('s.first_said <= ?');
    values.push(filter.to);
  }
  return { where: where.length ? `where ${where.join(' and ')}` : '', values, fromAbout };
}

const FROM = (fromAbout: boolean) =>
  fromAbout ? 'statement_about sa join statements s on s.id = sa.statement_id' : 'statements s';

/** A page of statements, last said first. The SQL depends only on which filters are set: prepared once per shape. */
export function listStatements(db: SitrepDatabase, filter: StatementFilter, page: Page): StatementRow[] {
  const { where, values, fromAbout } = filterSql(filter);
  const order = fromAbout ? 'sa.last_said desc, sa.statement_id desc' : 's.last_said desc, s.id desc';
  const columns = COLUMNS.split(',')
    .map((c) => `s.${c.trim()}`)
    .join(', ');
  const text = `select ${columns} from ${FROM(fromAbout)} ${where} order by ${order} limit ? offset ?`;
  const statement = preparedOnce(db, text, () => db.sqlite.prepare<unknown[], RawStatement>(text));
  return statement.all(...values, page.limit, page.offset).map(toRow);
}

export function countStatements(db: SitrepDatabase, filter: StatementFilter): number {
  // An entity's statements, or its contested ones, in no date range: the row triggers keep.
  if (filter.about != null && !filter.from && !filter.to) {
    const stats = preparedOnce(db, 'statements.entityStats', () =>
      db.sqlite.prepare<[number], { statements: number; contested: number }>(
        'select statements, contested from entity_statement_stats where entity_id = ?',
      ),
    ).get(filter.about);
    if (filter.contested == null) return stats?.statements ?? 0;
    return filter.contested ? (stats?.contested ?? 0) : (stats?.statements ?? 0) - (stats?.contested ?? 0);
  }
  const { where, values, fromAbout } = filterSql(filter);
  const statement = db.sqlite.prepare<unknown[], { n: number }>(
    `select count(*) as n from ${FROM(fromAbout)} ${where}`,
  );
  return statement.get(...values)?.n ?? 0;
}

/** An entity's statements in the order things happened: by event date where one is known, else by the day said. */
export function timelineOf(db: SitrepDatabase, entityId: number, filter: DateRange, page: Page): StatementRow[] {
  const columns = COLUMNS.split(',')
    .map((c) => `s.${c.trim()}`)
    .join(', ');
  const statement = preparedOnce(db, 'statements.timeline', () =>
    db.sqlite.prepare<[number, string, string, number, number], RawStatement>(
      `select ${columns} from statement_about sa join statements s on s.id = sa.statement_id
        where sa.entity_id = ? and coalesce(s.event_date, s.first_said) >= ? and coalesce(s.event_date, s.first_said) <= ?
        order by coalesce(s.event_date, s.first_said), s.id limit ? offset ?`,
    ),
  );
  return statement
    .all(entityId, filter.from || '0000-00-00', filter.to || '9999-99-99', page.limit, page.offset)
    .map(toRow);
}

export function countTimeline(db: SitrepDatabase, entityId: number, filter: DateRange): number {
  const statement = preparedOnce(db, 'statements.timelineCount', () =>
    db.sqlite.prepare<[number, string, string], { n: number }>(
      `select count(*) as n from statement_about sa join statements s on s.id = sa.statement_id
        where sa.entity_id = ? and coalesce(s.event_date, s.first_said) >= ? and coalesce(s.event_date, s.first_said) <= ?`,
    ),
  );
  return statement.get(entityId, filter.from || '0000-00-00', filter.to || '9999-99-99')?.n ?? 0;
}

/** The curators' grades of source actors; an actor not listed has none (F). */
export function reliabilityOf(db: SitrepDatabase, actorIds: readonly number[]): Map<number, ReliabilityGrade> {
  if (actorIds.length === 0) return new Map();
  const statement = preparedOnce(db, 'reliability.of', () =>
    db.sqlite.prepare<[string], { entityId: number; grade: ReliabilityGrade }>(
      `select entity_id as entityId, grade from source_reliability where entity_id in (select value from json_each(?))`,
    ),
  );
  return new Map(statement.all(JSON.stringify(actorIds)).map((r) => [r.entityId, r.grade]));
}

/** Sets a source actor's grade and records the change: who (the token), when, from what. */
export function setSourceReliability(
  db: SitrepDatabase,
  entityId: number,
  grade: ReliabilityGrade,
  tokenId: number | null,
  note: string | null,
): SourceReliabilityChangeRow {
  const statements = preparedOnce(db, 'reliability.set', () => ({
    previous: db.sqlite.prepare<[number], { grade: ReliabilityGrade }>(
      'select grade from source_reliability where entity_id = ?',
    ),
    set: db.sqlite.prepare<[number, string, string | null, number | null]>(
      `insert into source_reliability (entity_id, grade, note, set_by_token_id) values (?, ?, ?, ?)
       on conflict (entity_id) do update set grade = excluded.grade, note = excluded.note,
         set_by_token_id = excluded.set_by_token_id, set_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
    ),
    change: db.sqlite.prepare<[number, string, string, string | null, number | null], SourceReliabilityChangeRow>(
      `insert into source_reliability_changes (entity_id, previous, grade, note, token_id) values (?, ?, ?, ?, ?)
       returning id, entity_id as entityId, previous, grade, note, token_id as tokenId, changed_at as changedAt`,
    ),
  }));
  return db.sqlite.transaction(() => {
    const previous = statements.previous.get(entityId)?.grade ?? 'F';
    statements.set.run(entityId, grade, note, tokenId);
    return statements.change.get(entityId, previous, grade, note, tokenId)!;
  })();
}

/** A source actor's grade changes, newest first. */
export function reliabilityChanges(db: SitrepDatabase, entityIds: readonly number[]): SourceReliabilityChangeRow[] {
  if (entityIds.length === 0) return [];
  const statement = preparedOnce(db, 'reliability.changes', () =>
    db.sqlite.prepare<[string], SourceReliabilityChangeRow>(
      `select id, entity_id as entityId, previous, grade, note, token_id as tokenId, changed_at as changedAt
         from source_reliability_changes where entity_id in (select value from json_each(?)) order by id desc`,
    ),
  );
  return statement.all(JSON.stringify(entityIds));
}

/** The entities each statement is about. */
export function statementAboutFor(
  db: SitrepDatabase,
  ids: readonly number[],
): Array<{ statementId: number; entityId: number }> {
  if (ids.length === 0) return [];
  const statement = preparedOnce(db, 'statements.about', () =>
    db.sqlite.prepare<[string], { statementId: number; entityId: number }>(
      `select statement_id as statementId, entity_id as entityId from statement_about
        where statement_id in (select value from json_each(?)) order by statement_id, entity_id`,
    ),
  );
  return statement.all(JSON.stringify(ids));
}

/** Statements with a claim whose source is this actor: those a change of its grade regrades. */
export function statementIdsWithSourceActor(db: SitrepDatabase, actorId: number): number[] {
  const statement = preparedOnce(db, 'statements.withSourceActor', () =>
    db.sqlite.prepare<[number], { id: number }>(
      'select distinct statement_id as id from claims where source_actor_id = ? and statement_id is not null',
    ),
  );
  return statement.all(actorId).map((r) => r.id);
}

/** Claims counted for term weights, and in how many of them each of `terms` occurs. */
export function termCountsOf(
  db: SitrepDatabase,
  terms: readonly string[],
): { claims: number; counts: Map<string, number> } {
  const statement = preparedOnce(db, 'terms.counts', () =>
    db.sqlite.prepare<[string], { term: string; claims: number }>(
      `select term, claims from term_counts where term in (select value from json_each(?))`,
    ),
  );
  const rows = statement.all(JSON.stringify(['', ...terms]));
  const counts = new Map(rows.map((r) => [r.term, r.claims]));
  return { claims: counts.get('') ?? 0, counts };
}

/** Counts one more claim, holding `terms`. */
export function countClaimTerms(db: SitrepDatabase, terms: readonly string[]): void {
  addTermCounts(db, 1, new Map([...new Set(terms)].map((term) => [term, 1])));
}

/** Counts `claims` more claims, `counts` of them holding each term. */
export function addTermCounts(db: SitrepDatabase, claims: number, counts: ReadonlyMap<string, number>): void {
  const statement = preparedOnce(db, 'terms.addMany', () =>
    db.sqlite.prepare<[string]>(
      `insert into term_counts (term, claims) select value ->> 0, value ->> 1 from json_each(?) where true
       on conflict (term) do update set claims = claims + excluded.claims`,
    ),
  );
  if (claims > 0) statement.run(JSON.stringify([['', claims], ...counts]));
}

/** Articles with claims no statement holds yet, in publication order: what a bulk load leaves to group. */
export function articlesWithUngroupedClaims(db: SitrepDatabase): number[] {
  return db.sqlite
    .prepare<[], { id: number }>(
      `select article_id as id from claims where statement_id is null
        group by article_id order by min(said_on), article_id`,
    )
    .all()
    .map((r) => r.id);
}
