/**
 * The PostgreSQL twin of ../schema.ts: the same tables, columns (names, meanings, nullability,
 * defaults) and indexes, so each query can have a SQLite and a PostgreSQL implementation that read
 * the same rows. Where the dialects differ:
 *
 * - booleans are `boolean` (SQLite stores 0/1 in an integer; drizzle gives `boolean` in JS for both);
 * - dates stay ISO-8601 `text`, exactly as SQLite stores them, so cursors and comparisons agree;
 * - ids are identity columns `by default`, so a backup or bulk load can keep its ids;
 * - full-text search is a generated `tsvector` column with a GIN index on articles and claims,
 *   where SQLite has FTS5 tables kept by triggers (migration 0001 there). Both fold case and
 *   diacritics and stem nothing: the `sitrep` text search configuration (custom migration 0000
 *   here) is `simple` with `unaccent`, as FTS5's tokenizer is `unicode61 remove_diacritics 2`;
 * - the folded alias (`aliases.normalized`) also has a pg_trgm index, for "did you mean".
 *
 * test/postgres/schema.mirrors-every-sqlite-column.test.ts holds the two files together.
 */
import { type SQL, sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  type PgColumn,
  bigint,
  boolean,
  check,
  customType,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import {
  ABOUT_ROLES,
  ENTITY_KINDS,
  ENTITY_REVIEW_STATUSES,
  RELIABILITY_GRADES,
  REVIEW_STATUSES,
  STANCES,
  TOKEN_SCOPES,
} from '@sitrep/vocabulary';

/** `column in ('a', 'b')` from the vocabulary's lists, inlined as on SQLite: DDL takes no parameters. */
const inList = (column: PgColumn, values: readonly string[]) =>
  sql`${column} in ${sql.raw(`(${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(', ')})`)}`;

/** The same text SQLite's strftime('%Y-%m-%dT%H:%M:%fZ', 'now') gives: UTC, milliseconds, a Z. */
const createdAt = (name = 'created_at') =>
  text(name)
    .notNull()
    .default(sql`to_char(statement_timestamp() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

const id = () => integer('id').primaryKey().generatedByDefaultAsIdentity();

/** drizzle has no tsvector column type; this is its documented way to declare one. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** The search configuration made by custom migration 0000; cast once, so the column keeps its OID. */
const words = (column: SQL | AnyPgColumn) => sql`to_tsvector('sitrep'::regconfig, ${column})`;

export const entities = pgTable(
  'entities',
  {
    id: id(),
    kind: text('kind', { enum: ENTITY_KINDS }).notNull(),
    name: text('name').notNull(),
    description: text('description'),
    actorType: text('actor_type'),
    affiliationId: integer('affiliation_id').references((): AnyPgColumn => entities.id, { onDelete: 'set null' }),
    role: text('role'),
    installationType: text('installation_type'),
    place: text('place'),
    region: text('region'),
    country: text('country'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    operatorId: integer('operator_id').references((): AnyPgColumn => entities.id, { onDelete: 'set null' }),
    hostCountryId: integer('host_country_id').references((): AnyPgColumn => entities.id, { onDelete: 'set null' }),
    reviewStatus: text('review_status', { enum: ENTITY_REVIEW_STATUSES }).notNull().default('confirmed'),
    createdAt: createdAt(),
  },
  (t) => [
    index('entities_kind_idx').on(t.kind, t.name),
    check('entities_kind_check', inList(t.kind, ENTITY_KINDS)),
    check('entities_latitude_check', sql`${t.latitude} is null or ${t.latitude} between -90 and 90`),
    check('entities_longitude_check', sql`${t.longitude} is null or ${t.longitude} between -180 and 180`),
    check('entities_review_check', inList(t.reviewStatus, ENTITY_REVIEW_STATUSES)),
  ],
);

export const aliases = pgTable(
  'aliases',
  {
    id: id(),
    entityId: integer('entity_id')
      .notNull()
      .references(() => entities.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    normalized: text('normalized').notNull(),
  },
  (t) => [
    uniqueIndex('aliases_normalized_idx').on(t.normalized),
    index('aliases_entity_idx').on(t.entityId),
    // Trigrams of the folded name: "did you mean" (similarity) and `nameContains` (like '%x%').
    index('aliases_normalized_trgm_idx').using('gin', t.normalized.op('gin_trgm_ops')),
  ],
);

export const articles = pgTable(
  'articles',
  {
    id: id(),
    title: text('title').notNull(),
    publishedAt: text('published_at').notNull(),
    dateline: text('dateline'),
    outlet: text('outlet'),
    url: text('url'),
    author: text('author'),
    text: text('text').notNull(),
    wordCount: integer('word_count').notNull(),
    contentHash: text('content_hash').notNull(),
    ingestedAt: createdAt(),
    storyId: integer('story_id').references((): AnyPgColumn => articles.id),
    /** Title and text as words; `||` keeps their positions apart, and both weigh the same, as in FTS5's bm25. */
    searchVector: tsvector('search_vector')
      .notNull()
      .generatedAlwaysAs((): SQL => sql`${words(articles.title)} || ${words(articles.text)}`),
  },
  (t) => [
    uniqueIndex('articles_content_hash_idx').on(t.contentHash),
    index('articles_url_idx').on(t.url),
    index('articles_published_idx').on(t.publishedAt, t.id),
    index('articles_story_idx').on(t.storyId),
    index('articles_search_idx').using('gin', t.searchVector),
  ],
);

export const articleFingerprints = pgTable(
  'article_fingerprints',
  {
    /** An unsigned 32-bit shingle hash: past integer's 2^31, so bigint (read back as a JS number). */
    hash: bigint('hash', { mode: 'number' }).notNull(),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.hash, t.articleId] }), index('article_fingerprints_article_idx').on(t.articleId)],
);

export const mentions = pgTable(
  'mentions',
  {
    id: id(),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    entityId: integer('entity_id')
      .notNull()
      .references(() => entities.id, { onDelete: 'cascade' }),
    start: integer('start').notNull(),
    end: integer('end').notNull(),
    text: text('text').notNull(),
  },
  (t) => [
    index('mentions_article_idx').on(t.articleId, t.start),
    index('mentions_entity_idx').on(t.entityId, t.articleId),
    check('mentions_span_check', sql`${t.start} >= 0 and ${t.end} > ${t.start}`),
  ],
);

export const claims = pgTable(
  'claims',
  {
    id: id(),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    quote: text('quote').notNull(),
    start: integer('start').notNull(),
    end: integer('end').notNull(),
    sourceText: text('source_text'),
    sourceActorId: integer('source_actor_id').references(() => entities.id, { onDelete: 'set null' }),
    sourceCount: integer('source_count'),
    sourceAnonymous: boolean('source_anonymous').notNull().default(false),
    stance: text('stance', { enum: STANCES }).notNull(),
    hedged: boolean('hedged').notNull().default(false),
    eventDate: text('event_date'),
    saidOn: text('said_on').notNull(),
    statementId: integer('statement_id').references((): AnyPgColumn => statements.id),
    reviewStatus: text('review_status', { enum: REVIEW_STATUSES }).notNull().default('extracted'),
    createdAt: createdAt(),
    /** The quote and who says it, as claims_fts indexes them on SQLite. */
    searchVector: tsvector('search_vector')
      .notNull()
      .generatedAlwaysAs((): SQL => sql`${words(claims.quote)} || ${words(sql`coalesce(${claims.sourceText}, '')`)}`),
  },
  (t) => [
    index('claims_article_idx').on(t.articleId, t.start),
    index('claims_said_on_idx').on(t.saidOn, t.id),
    index('claims_source_actor_idx').on(t.sourceActorId, t.saidOn),
    index('claims_statement_idx').on(t.statementId),
    index('claims_statement_said_idx').on(t.statementId, t.saidOn, t.id),
    index('claims_search_idx').using('gin', t.searchVector),
    check('claims_span_check', sql`${t.start} >= 0 and ${t.end} >= ${t.start}`),
    check('claims_stance_check', inList(t.stance, STANCES)),
    check('claims_review_check', inList(t.reviewStatus, REVIEW_STATUSES)),
  ],
);

export const claimAbout = pgTable(
  'claim_about',
  {
    claimId: integer('claim_id')
      .notNull()
      .references(() => claims.id, { onDelete: 'cascade' }),
    entityId: integer('entity_id')
      .notNull()
      .references(() => entities.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ABOUT_ROLES }).notNull().default('subject'),
    saidOn: text('said_on').notNull(),
    sourceKey: text('source_key').notNull().default(''),
  },
  (t) => [
    primaryKey({ columns: [t.claimId, t.entityId] }),
    index('claim_about_entity_idx').on(t.entityId, t.saidOn, t.claimId),
  ],
);

export const entitySources = pgTable(
  'entity_sources',
  {
    entityId: integer('entity_id').notNull(),
    sourceKey: text('source_key').notNull(),
    claims: integer('claims').notNull(),
  },
  (t) => [primaryKey({ columns: [t.entityId, t.sourceKey] })],
);

export const entityClaimStats = pgTable('entity_claim_stats', {
  entityId: integer('entity_id').primaryKey(),
  claims: integer('claims').notNull(),
  sources: integer('sources').notNull(),
});

export const statements = pgTable(
  'statements',
  {
    id: id(),
    firstSaid: text('first_said').notNull(),
    lastSaid: text('last_said').notNull(),
    eventDate: text('event_date'),
    claims: integer('claims').notNull().default(0),
    independentSources: integer('independent_sources').notNull().default(0),
    affirming: integer('affirming').notNull().default(0),
    denying: integer('denying').notNull().default(0),
    contested: boolean('contested').notNull().default(false),
    credibility: integer('credibility').notNull().default(6),
    credibilityReason: text('credibility_reason').notNull().default(''),
    reliability: text('reliability', { enum: RELIABILITY_GRADES }).notNull().default('F'),
    curated: boolean('curated').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    index('statements_last_said_idx').on(t.lastSaid, t.id),
    check('statements_credibility_check', sql`${t.credibility} between 1 and 6`),
  ],
);

export const statementAbout = pgTable(
  'statement_about',
  {
    entityId: integer('entity_id')
      .notNull()
      .references(() => entities.id, { onDelete: 'cascade' }),
    statementId: integer('statement_id')
      .notNull()
      .references(() => statements.id, { onDelete: 'cascade' }),
    lastSaid: text('last_said').notNull(),
    contested: boolean('contested').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.entityId, t.statementId] }),
    index('statement_about_entity_idx').on(t.entityId, t.lastSaid, t.statementId),
    index('statement_about_contested_idx').on(t.entityId, t.contested, t.lastSaid, t.statementId),
    index('statement_about_statement_idx').on(t.statementId),
  ],
);

export const entityStatementStats = pgTable('entity_statement_stats', {
  entityId: integer('entity_id').primaryKey(),
  statements: integer('statements').notNull(),
  contested: integer('contested').notNull(),
});

export const statementConflicts = pgTable(
  'statement_conflicts',
  {
    statementId: integer('statement_id')
      .notNull()
      .references(() => statements.id, { onDelete: 'cascade' }),
    otherId: integer('other_id')
      .notNull()
      .references(() => statements.id, { onDelete: 'cascade' }),
    why: text('why').notNull(),
  },
  (t) => [primaryKey({ columns: [t.statementId, t.otherId] }), index('statement_conflicts_other_idx').on(t.otherId)],
);

export const termCounts = pgTable('term_counts', {
  term: text('term').primaryKey(),
  claims: integer('claims').notNull(),
});

export const claimFeatures = pgTable('claim_features', {
  claimId: integer('claim_id')
    .primaryKey()
    .references(() => claims.id, { onDelete: 'cascade' }),
  content: text('content').notNull(),
  features: text('features').notNull(),
});

export const sourceReliability = pgTable(
  'source_reliability',
  {
    entityId: integer('entity_id')
      .primaryKey()
      .references(() => entities.id, { onDelete: 'cascade' }),
    grade: text('grade', { enum: RELIABILITY_GRADES }).notNull(),
    note: text('note'),
    setByTokenId: integer('set_by_token_id').references(() => apiTokens.id, { onDelete: 'set null' }),
    setAt: createdAt('set_at'),
  },
  (t) => [check('source_reliability_grade_check', inList(t.grade, RELIABILITY_GRADES))],
);

export const sourceReliabilityChanges = pgTable(
  'source_reliability_changes',
  {
    id: id(),
    entityId: integer('entity_id')
      .notNull()
      .references(() => entities.id, { onDelete: 'cascade' }),
    previous: text('previous', { enum: RELIABILITY_GRADES }).notNull(),
    grade: text('grade', { enum: RELIABILITY_GRADES }).notNull(),
    note: text('note'),
    tokenId: integer('token_id').references(() => apiTokens.id, { onDelete: 'set null' }),
    changedAt: createdAt('changed_at'),
  },
  (t) => [index('source_reliability_changes_entity_idx').on(t.entityId, t.id)],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: id(),
    name: text('name').notNull(),
    scope: text('scope', { enum: TOKEN_SCOPES }).notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
    revokedAt: text('revoked_at'),
  },
  (t) => [uniqueIndex('api_tokens_hash_idx').on(t.tokenHash)],
);

export const feeds = pgTable(
  'feeds',
  {
    id: id(),
    url: text('url').notNull(),
    etag: text('etag'),
    lastModified: text('last_modified'),
    checkedAt: text('checked_at').notNull(),
    lastStatus: integer('last_status'),
    lastError: text('last_error'),
  },
  (t) => [uniqueIndex('feeds_url_idx').on(t.url)],
);
