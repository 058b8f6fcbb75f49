import { type Column, type SQL, type Table, and, asc, count, desc, eq, gte, lte, sql } from 'drizzle-orm';
import { isBulkLoading } from '../bulk-load';
import type { SitrepDatabase } from '../database';
import { type AboutRole, type ReviewStatus, SitrepError, type Stance, notFound } from '@sitrep/vocabulary';
import type { DateRange, Page } from '../page';
import { type ArticleRow, type ClaimAboutRow, type ClaimRow, claimAbout, claims, entityClaimStats } from '../schema';
import { inJsonIds, insertJsonRows, preparedOnce } from '../prepared';
import { articlesByIds } from './articles';

/**
 * The day of an entity's latest claim, beside its row of entity_claim_stats; plain SQL, so both
 * dialects' selects use it. Spelled out: drizzle leaves columns unqualified in a one-table select,
 * and there the subquery's own `entity_id` would capture it (every entity's latest would be the
 * newest claim's).
 */
export const LATEST_CLAIM_OF_STATS_ROW = sql<
  string | null
>`(select max(ca.said_on) from claim_about ca where ca.entity_id = entity_claim_stats.entity_id)`;

export interface ClaimFilter extends DateRange {
  /** Claims about this entity. */
  about?: number | null;
  sourceActor?: number | null;
  stance?: Stance | null;
  reviewStatus?: ReviewStatus | null;
  articleId?: number | null;
  /** Claims of this statement. */
  statementId?: number | null;
}

export interface NewClaim {
  articleId: number;
  quote: string;
  /** Span of the quote in the article; found by searching the text when absent. */
  start?: number | null;
  end?: number | null;
  source?: { text: string; actorId?: number | null; count?: number | null; anonymous?: boolean | null } | null;
  about?: ReadonlyArray<{ entityId: number; role?: AboutRole | null }>;
  stance: Stance;
  hedged?: boolean | null;
  eventDate?: string | null;
  reviewStatus?: ReviewStatus | null;
}

export function claimsByIds(db: SitrepDatabase, ids: readonly number[]): ClaimRow[] {
  if (ids.length === 0) return [];
  const statement = preparedOnce(db, 'claims.byIds', () =>
    db.orm.select().from(claims).where(inJsonIds(claims.id)).prepare(),
  );
  return statement.all({ ids: JSON.stringify(ids) });
}

/**
 * A page of each statement's latest claims, in one query: a hover lists ten statements with their
 * latest tellings, and one query per statement was a tenth of the server's time on it. Each
 * statement's claims are numbered in the order of claims_statement_said_idx, so only they are read.
 */
export function latestClaimsOfStatements(
  db: SitrepDatabase,
  statementIds: readonly number[],
  page: Page,
): Map<number, ClaimRow[]> {
  const result = new Map<number, ClaimRow[]>(statementIds.map((id) => [id, []]));
  if (statementIds.length === 0) return result;
  const statement = preparedOnce(db, 'claims.latestOfStatements', () =>
    db.orm
      .select()
      .from(claims)
      .where(
        sql`${claims.id} in (select id from (
          select id, row_number() over (partition by statement_id order by said_on desc, id desc) as n
            from claims where statement_id in (select value from json_each(${sql.placeholder('ids')}))
        ) where n > ${sql.placeholder('offset')} and n <= ${sql.placeholder('end')})`,
      )
      .orderBy(asc(claims.statementId), desc(claims.saidOn), desc(claims.id))
      .prepare(),
  );
  const rows = statement.all({ ids: JSON.stringify(statementIds), offset: page.offset, end: page.offset + page.limit });
  for (const row of rows) result.get(row.statementId!)?.push(row);
  return result;
}

export function claimAboutForClaims(db: SitrepDatabase, claimIds: readonly number[]): ClaimAboutRow[] {
  if (claimIds.length === 0) return [];
  const statement = preparedOnce(db, 'claim_about.forClaims', () =>
    db.orm.select().from(claimAbout).where(inJsonIds(claimAbout.claimId)).prepare(),
  );
  return statement.all({ ids: JSON.stringify(claimIds) });
}

// The filter fields a claim list may use, in a fixed order: which of them are set (the filter's
// shape) picks one statement, prepared once per connection; their values are bound. Both back ends
// build their lists from these.
const FILTER_FIELDS = [
  'about',
  'sourceActor',
  'stance',
  'reviewStatus',
  'articleId',
  'statementId',
  'from',
  'to',
] as const;
export type ClaimFilterField = (typeof FILTER_FIELDS)[number];

// Dates are skipped when empty (''), the other fields only when null or absent.
const isSet = (filter: ClaimFilter, field: ClaimFilterField): boolean =>
  field === 'from' || field === 'to' ? Boolean(filter[field]) : filter[field] != null;

export function claimFilterShape(filter: ClaimFilter): ClaimFilterField[] {
  return FILTER_FIELDS.filter((field) => isSet(filter, field));
}

export function claimFilterValues(filter: ClaimFilter, shape: readonly ClaimFilterField[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of shape) values[field] = filter[field];
  return values;
}

/** The columns a claim filter reads: SQLite's tables or PostgreSQL's, which mirror them. */
export interface ClaimFilterTables {
  claims: Record<'id' | 'sourceActorId' | 'stance' | 'reviewStatus' | 'articleId' | 'statementId' | 'saidOn', Column>;
  claimAbout: Table & Record<'claimId' | 'entityId', Column>;
}

const bound = (field: ClaimFilterField) => sql.placeholder(field);

/** The conditions of a filter of this shape, each value a placeholder named after its field. */
export function claimFilterConditions(
  { claims, claimAbout }: ClaimFilterTables,
  shape: readonly ClaimFilterField[],
): SQL | undefined {
  const conditions = shape.map((field): SQL => {
    switch (field) {
      case 'about':
        return sql`${claims.id} in (select ${claimAbout.claimId} from ${claimAbout} where ${claimAbout.entityId} = ${bound('about')})`;
      case 'sourceActor':
        return eq(claims.sourceActorId, bound(field));
      case 'stance':
        return eq(claims.stance, bound(field));
      case 'reviewStatus':
        return eq(claims.reviewStatus, bound(field));
      case 'articleId':
        return eq(claims.articleId, bound(field));
      case 'statementId':
        return eq(claims.statementId, bound(field));
      case 'from':
        return gte(claims.saidOn, bound(field));
      case 'to':
        return lte(claims.saidOn, bound(field));
    }
  });
  return and(...conditions);
}

const claimConditions = (shape: readonly ClaimFilterField[]) => claimFilterConditions({ claims, claimAbout }, shape);

/** `latest`: by publication date, newest first; `position`: by article, in reading order. */
export type ClaimOrder = 'latest' | 'position';

/**
 * A page of claims matching the filter. Each filter shape and order is prepared once per
 * connection: building the drizzle query and preparing it cost as much again as running it,
 * and every hover and claim page runs one of these.
 */
export function listClaims(
  db: SitrepDatabase,
  filter: ClaimFilter,
  page: Page,
  order: ClaimOrder = 'latest',
): ClaimRow[] {
  const shape = claimFilterShape(filter);
  const values = { ...claimFilterValues(filter, shape), limit: page.limit, offset: page.offset };
  if (shape.includes('about') && order === 'latest') {
    return latestClaimsAbout(db, shape)
      .all(values)
      .map((row) => row.claim);
  }
  const statement = preparedOnce(db, `claims.list:${order}:${shape.join(',')}`, () =>
    db.orm
      .select()
      .from(claims)
      .where(claimConditions(shape))
      .orderBy(
        ...(order === 'latest'
          ? [desc(claims.saidOn), desc(claims.id)]
          : [asc(claims.articleId), asc(claims.start), asc(claims.id)]),
      )
      .limit(sql.placeholder('limit'))
      .offset(sql.placeholder('offset'))
      .prepare(),
  );
  return statement.all(values);
}

/**
 * The latest claims about one entity, read in index order from claim_about (entity, said_on,
 * claim): no sort over every claim about Russia, only the page. Same rows and order as listClaims.
 */
function latestClaimsAbout(db: SitrepDatabase, shape: readonly ClaimFilterField[]) {
  return preparedOnce(db, `claims.latestAbout:${shape.join(',')}`, () => {
    const rest = shape.filter((field) => field !== 'about' && field !== 'from' && field !== 'to');
    return db.orm
      .select({ claim: claims })
      .from(claimAbout)
      .innerJoin(claims, eq(claims.id, claimAbout.claimId))
      .where(
        and(
          eq(claimAbout.entityId, bound('about')),
          shape.includes('from') ? gte(claimAbout.saidOn, bound('from')) : undefined,
          shape.includes('to') ? lte(claimAbout.saidOn, bound('to')) : undefined,
          claimConditions(rest),
        ),
      )
      .orderBy(desc(claimAbout.saidOn), desc(claimAbout.claimId))
      .limit(sql.placeholder('limit'))
      .offset(sql.placeholder('offset'))
      .prepare();
  });
}

export function countClaims(db: SitrepDatabase, filter: ClaimFilter): number {
  const shape = claimFilterShape(filter);
  // All claims about one entity: kept in entity_claim_stats, not counted (200k rows for Russia).
  if (shape.length === 1 && shape[0] === 'about') {
    const kept = preparedOnce(db, 'claims.countAbout', () =>
      db.orm
        .select({ n: entityClaimStats.claims })
        .from(entityClaimStats)
        .where(eq(entityClaimStats.entityId, bound('about')))
        .prepare(),
    );
    return kept.get({ about: filter.about })?.n ?? 0;
  }
  const statement = preparedOnce(db, `claims.count:${shape.join(',')}`, () =>
    db.orm.select({ n: count() }).from(claims).where(claimConditions(shape)).prepare(),
  );
  return statement.get(claimFilterValues(filter, shape))?.n ?? 0;
}

/**
 * How many claims are about an entity, from how many distinct sources (see sourceKey), and the
 * latest date: the counts are kept by triggers, the date is one index seek.
 */
export function claimStatsFor(
  db: SitrepDatabase,
  entityIds: readonly number[],
): Array<{ entityId: number; claims: number; sources: number; latest: string | null }> {
  if (entityIds.length === 0) return [];
  const statement = preparedOnce(db, 'claims.statsFor', () =>
    db.orm
      .select({
        entityId: entityClaimStats.entityId,
        claims: entityClaimStats.claims,
        sources: entityClaimStats.sources,
        latest: LATEST_CLAIM_OF_STATS_ROW,
      })
      .from(entityClaimStats)
      .where(inJsonIds(entityClaimStats.entityId))
      .prepare(),
  );
  return statement.all({ ids: JSON.stringify(entityIds) });
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function locateQuote(text: string, claim: NewClaim): { start: number; end: number } {
  const { quote } = claim;
  if (claim.start != null || claim.end != null) {
    const start = claim.start ?? -1;
    const end = claim.end ?? -1;
    if (text.slice(start, end) !== quote || start < 0) {
      throw new SitrepError(
        'BAD_USER_INPUT',
        `The span [${start}, ${end}) of article ${claim.articleId} does not hold the quote; leave start and end out to have it found.`,
      );
    }
    return { start, end };
  }
  const start = text.indexOf(quote);
  if (start < 0) {
    throw new SitrepError('BAD_USER_INPUT', `The quote does not occur verbatim in article ${claim.articleId}.`);
  }
  return { start, end: start + quote.length };
}

/**
 * Who says a claim, as one key: its actor, else its words, else the outlet's own voice. Two
 * claims with the same key count as one source. Lower-cases ASCII only, like SQLite's lower(),
 * so keys written here and by the migration that filled in older claims agree.
 */
export function sourceKey(source: NewClaim['source'], outlet: string | null): string {
  if (source?.actorId != null) return `actor:${source.actorId}`;
  const text = source?.text.trim();
  if (text) return `text:${text.replace(/[A-Z]+/g, (s) => s.toLowerCase())}`;
  return `outlet:${outlet ?? ''}`;
}

export function checkClaim(claim: NewClaim): void {
  if (claim.quote.trim() === '') throw new SitrepError('BAD_USER_INPUT', 'A claim needs a non-empty quote.');
  if (claim.eventDate != null && !DATE.test(claim.eventDate)) {
    throw new SitrepError('BAD_USER_INPUT', `eventDate must be YYYY-MM-DD, got “${claim.eventDate}”.`);
  }
  const count = claim.source?.count;
  if (count != null && (!Number.isInteger(count) || count < 1)) {
    throw new SitrepError('BAD_USER_INPUT', `A source count must be a whole number of at least 1, got ${count}.`);
  }
}

/** The entities a batch of claims names (what they are about, and their sources), and those that are sources. */
export function claimEntityIds(batch: readonly NewClaim[]): { ids: Set<number>; sources: Set<number> } {
  const ids = new Set<number>();
  const sources = new Set<number>();
  for (const claim of batch) {
    for (const about of claim.about ?? []) ids.add(about.entityId);
    const actor = claim.source?.actorId;
    if (actor != null) {
      sources.add(actor);
      ids.add(actor);
    }
  }
  return { ids, sources };
}

/** Every entity named exists, and every source is an actor, by the kinds found for their ids (claimEntityIds). */
export function checkClaimEntityKinds(
  named: { ids: ReadonlySet<number>; sources: ReadonlySet<number> },
  found: ReadonlyMap<number, string>,
): void {
  for (const id of named.ids) if (!found.has(id)) throw notFound('entity', id);
  for (const id of named.sources) {
    if (found.get(id) !== 'actor') {
      throw new SitrepError('BAD_USER_INPUT', `A claim's source must be an actor; entity ${id} is not.`);
    }
  }
}

/** Every entity the claims name exists, and every source is an actor: one query for the whole batch. */
function checkClaimEntities(db: SitrepDatabase, batch: readonly NewClaim[]): void {
  const named = claimEntityIds(batch);
  // Only id and kind: a whole article's entities are checked per call, and full rows cost more to map.
  const kinds = preparedOnce(db, 'entities.kinds', () =>
    db.sqlite.prepare<[string], { id: number; kind: string }>(
      'select id, kind from entities where id in (select value from json_each(?))',
    ),
  );
  checkClaimEntityKinds(named, new Map(kinds.all(JSON.stringify([...named.ids])).map((e) => [e.id, e.kind])));
}

// A whole batch in one statement, its rows bound as one JSON array. Inside a transaction SQLite
// opens a statement savepoint for every statement that writes through a trigger, and FTS5 flushes
// its pending terms to a new segment at each savepoint: row by row, every claim became a segment
// of its own in claims_fts, and merging them cost ~0.9 ms a claim on a million-claim index.
// Hand-written: the row is known before it is written; only the ids come back.
const insertClaims = (db: SitrepDatabase) =>
  preparedOnce(db, 'claims.insertMany', () =>
    db.sqlite.prepare<[string], { id: number }>(
      `insert into claims (article_id, quote, start, "end", source_text, source_actor_id, source_count,
         source_anonymous, stance, hedged, event_date, said_on, review_status, created_at)
       select value ->> '$.articleId', value ->> '$.quote', value ->> '$.start', value ->> '$.end',
         value ->> '$.sourceText', value ->> '$.sourceActorId', value ->> '$.sourceCount',
         value ->> '$.sourceAnonymous', value ->> '$.stance', value ->> '$.hedged', value ->> '$.eventDate',
         value ->> '$.saidOn', value ->> '$.reviewStatus', value ->> '$.createdAt'
       from json_each(?) order by key
       returning id`,
    ),
  );

// Rows as [claim_id, entity_id, role, said_on, source_key]; one statement for the same reason.
const insertClaimAbouts = (db: SitrepDatabase) =>
  preparedOnce(db, 'claim_about.insertMany', () =>
    db.sqlite.prepare<[string]>(
      `insert into claim_about (claim_id, entity_id, role, said_on, source_key)
       select value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4 from json_each(?)`,
    ),
  );

// Inside bulkLoad the triggers are off, so no segment is flushed per statement, and binding each
// row directly costs half of going through JSON (a million claims: ~6 s less).
const insertClaim = (db: SitrepDatabase) =>
  preparedOnce(db, 'claims.insert', () =>
    db.sqlite.prepare(
      `insert into claims (article_id, quote, start, "end", source_text, source_actor_id, source_count,
         source_anonymous, stance, hedged, event_date, said_on, review_status, created_at)
       values (@articleId, @quote, @start, @end, @sourceText, @sourceActorId, @sourceCount,
         @sourceAnonymous, @stance, @hedged, @eventDate, @saidOn, @reviewStatus, @createdAt)`,
    ),
  );

const insertClaimAbout = (db: SitrepDatabase) =>
  preparedOnce(db, 'claim_about.insert', () =>
    db.sqlite.prepare(
      'insert into claim_about (claim_id, entity_id, role, said_on, source_key) values (?, ?, ?, ?, ?)',
    ),
  );

// A claim is stored before it is grouped: its statement is set by the grouping that follows.
type ClaimValues = Omit<ClaimRow, 'id' | 'sourceAnonymous' | 'hedged' | 'statementId'> & {
  sourceAnonymous: number;
  hedged: number;
};
export type AboutValues = [claimId: number, entityId: number, role: AboutRole, saidOn: string, sourceKey: string];

/** The articles a batch of new claims is told in, as `claimBatch` reads them. */
type BatchArticle = Pick<ArticleRow, 'id' | 'text' | 'publishedAt' | 'outlet'>;

/**
 * What both back ends store for a batch of new claims (checked by checkClaim, their entities by the
 * caller): each claim's row without its id, its quote found in its article; and the rows of what
 * it is about, each entity once, as `about(i, id)` makes them for the ith claim stored as `id`.
 */
export function claimBatch(batch: readonly NewClaim[], byId: ReadonlyMap<number, BatchArticle>, createdAt: string) {
  const values = batch.map((claim) => {
    const article = byId.get(claim.articleId);
    if (!article) throw notFound('article', claim.articleId);
    return {
      articleId: article.id,
      quote: claim.quote,
      ...locateQuote(article.text, claim),
      sourceText: claim.source?.text.trim() || null,
      sourceActorId: claim.source?.actorId ?? null,
      sourceCount: claim.source?.count ?? null,
      sourceAnonymous: claim.source?.anonymous ?? false,
      stance: claim.stance,
      hedged: claim.hedged ?? false,
      eventDate: claim.eventDate ?? null,
      saidOn: article.publishedAt,
      reviewStatus: claim.reviewStatus ?? 'extracted',
      createdAt,
    };
  });
  const about = (i: number, id: number): AboutValues[] => {
    const claim = batch[i]!;
    const key = sourceKey(claim.source, byId.get(claim.articleId)!.outlet);
    const seen = new Set<number>();
    return (claim.about ?? []).flatMap((a): AboutValues[] => {
      if (seen.has(a.entityId)) return [];
      seen.add(a.entityId);
      return [[id, a.entityId, a.role ?? 'subject', values[i]!.saidOn, key]];
    });
  };
  return { values, about };
}

/** Writes claim rows, returning their ids in order. */
function insertClaimRows(db: SitrepDatabase, rows: readonly ClaimValues[]): number[] {
  if (isBulkLoading(db)) {
    const statement = insertClaim(db);
    return rows.map((row) => Number(statement.run(row).lastInsertRowid));
  }
  return insertJsonRows(insertClaims(db), rows);
}

function insertAboutRows(db: SitrepDatabase, rows: readonly AboutValues[]): void {
  if (rows.length === 0) return;
  if (isBulkLoading(db)) {
    const statement = insertClaimAbout(db);
    for (const row of rows) statement.run(...row);
  } else {
    insertClaimAbouts(db).run(JSON.stringify(rows));
  }
}

/**
 * Stores claims with the entities they are about, all or none. Each article is read once and
 * the entities checked in one query, however many claims: ingestion writes a whole article's
 * claims through here. Call inside a transaction to group them with other writes.
 */
export function createClaims(db: SitrepDatabase, batch: readonly NewClaim[]): ClaimRow[] {
  if (batch.length === 0) return [];
  batch.forEach(checkClaim);
  const byId = new Map(articlesByIds(db, [...new Set(batch.map((c) => c.articleId))]).map((a) => [a.id, a]));
  // Quotes are found before the entities are checked: a claim's first error is its own.
  const { values, about } = claimBatch(batch, byId, new Date().toISOString());
  checkClaimEntities(db, batch);
  return db.sqlite.transaction(() => {
    const ids = insertClaimRows(
      db,
      values.map((v) => ({ ...v, sourceAnonymous: v.sourceAnonymous ? 1 : 0, hedged: v.hedged ? 1 : 0 })),
    );
    insertAboutRows(
      db,
      ids.flatMap((id, i) => about(i, id)),
    );
    return values.map((v, i): ClaimRow => ({ id: ids[i]!, ...v, statementId: null }));
  })();
}

/** Stores a claim with the entities it is about. Call inside a transaction to group several writes. */
export function createClaim(db: SitrepDatabase, claim: NewClaim): ClaimRow {
  return createClaims(db, [claim])[0]!;
}

export function setClaimReviewStatus(db: SitrepDatabase, claimId: number, status: ReviewStatus): ClaimRow {
  const row = db.orm.update(claims).set({ reviewStatus: status }).where(eq(claims.id, claimId)).returning().get();
  if (!row) throw notFound('claim', claimId);
  return row;
}
