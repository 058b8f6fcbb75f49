import { sql } from 'drizzle-orm';
import {
  type AnySQLiteColumn,
  type SQLiteColumn,
  check,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import {
  ABOUT_ROLES,
  ENTITY_KINDS,
  ENTITY_REVIEW_STATUSES,
  RELIABILITY_GRADES,
  REVIEW_STATUSES,
  STANCES,
  TOKEN_SCOPES,
} from '@sitrep/vocabulary';

/**
 * `column in ('a', 'b')`, from one of the vocabulary's lists: the check and the API's enum cannot
 * drift apart. Inlined, not bound: SQLite takes no parameters in a table's DDL.
 */
const inList = (column: SQLiteColumn, values: readonly string[]) =>
  sql`${column} in ${sql.raw(`(${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(', ')})`)}`;

const createdAt = (name = 'created_at') =>
  text(name)
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`);

/**
 * Actors and installations share one table: they share names, aliases, mentions and
 * claims, and a merge or an alias look-up must not care which kind it meets.
 */
export const entities = sqliteTable(
  'entities',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: ENTITY_KINDS }).notNull(),
    name: text('name').notNull(),
    description: text('description'),
    // Actor
    actorType: text('actor_type'),
    affiliationId: integer('affiliation_id').references((): AnySQLiteColumn => entities.id, {
      onDelete: 'set null',
    }),
    role: text('role'),
    // Installation
    installationType: text('installation_type'),
    place: text('place'),
    region: text('region'),
    country: text('country'),
    latitude: real('latitude'),
    longitude: real('longitude'),
    operatorId: integer('operator_id').references((): AnySQLiteColumn => entities.id, {
      onDelete: 'set null',
    }),
    hostCountryId: integer('host_country_id').references((): AnySQLiteColumn => entities.id, {
      onDelete: 'set null',
    }),
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

/** Every name an entity goes by; `normalized` is unique so a name resolves to one entity. */
export const aliases = sqliteTable(
  'aliases',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    entityId: integer('entity_id')
      .notNull()
      .references(() => entities.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    normalized: text('normalized').notNull(),
  },
  (t) => [uniqueIndex('aliases_normalized_idx').on(t.normalized), index('aliases_entity_idx').on(t.entityId)],
);

export const articles = sqliteTable(
  'articles',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    title: text('title').notNull(),
    /** YYYY-MM-DD */
    publishedAt: text('published_at').notNull(),
    dateline: text('dateline'),
    outlet: text('outlet'),
    url: text('url'),
    /** The byline, as the page or the feed gives it. */
    author: text('author'),
    text: text('text').notNull(),
    wordCount: integer('word_count').notNull(),
    /** sha256 of the text: the same text twice is one article. */
    contentHash: text('content_hash').notNull(),
    ingestedAt: createdAt(),
    /**
     * For a copy of a story stored before (a wire report republished, cut or retitled): the id of
     * the story's first article. Null for an article that is its story's first.
     */
    storyId: integer('story_id').references((): AnySQLiteColumn => articles.id),
  },
  (t) => [
    uniqueIndex('articles_content_hash_idx').on(t.contentHash),
    // A feed's items are recognised as stored by their address before anything is fetched.
    index('articles_url_idx').on(t.url),
    index('articles_published_idx').on(t.publishedAt, t.id),
    index('articles_story_idx').on(t.storyId),
  ],
);

/**
 * A sample of each article's word 5-gram hashes (those ≡ 0 mod 8): two articles that share a run
 * of a few dozen words share some, so a copy's candidates are found by index, then checked on
 * their whole texts. See packages/ingest/src/copies.
 */
export const articleFingerprints = sqliteTable(
  'article_fingerprints',
  {
    hash: integer('hash').notNull(),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.hash, t.articleId] }), index('article_fingerprints_article_idx').on(t.articleId)],
);

export const mentions = sqliteTable(
  'mentions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
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

export const claims = sqliteTable(
  'claims',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    quote: text('quote').notNull(),
    start: integer('start').notNull(),
    end: integer('end').notNull(),
    /** The words that name who says it; null for the outlet's own narrative. */
    sourceText: text('source_text'),
    sourceActorId: integer('source_actor_id').references(() => entities.id, { onDelete: 'set null' }),
    sourceCount: integer('source_count'),
    sourceAnonymous: integer('source_anonymous', { mode: 'boolean' }).notNull().default(false),
    stance: text('stance', { enum: STANCES }).notNull(),
    hedged: integer('hedged', { mode: 'boolean' }).notNull().default(false),
    /** YYYY-MM-DD, only where the text dates the event. */
    eventDate: text('event_date'),
    /** The article's publication date, copied so "latest claims" needs no join. */
    saidOn: text('said_on').notNull(),
    /** The statement it is one telling of: claims from different articles that say the same thing. */
    statementId: integer('statement_id').references((): AnySQLiteColumn => statements.id),
    reviewStatus: text('review_status', { enum: REVIEW_STATUSES }).notNull().default('extracted'),
    createdAt: createdAt(),
  },
  (t) => [
    index('claims_article_idx').on(t.articleId, t.start),
    index('claims_said_on_idx').on(t.saidOn, t.id),
    index('claims_source_actor_idx').on(t.sourceActorId, t.saidOn),
    index('claims_statement_idx').on(t.statementId),
    // A statement's latest tellings, as its page of claims lists them (said_on desc, id desc): no sort.
    index('claims_statement_said_idx').on(t.statementId, t.saidOn, t.id),
    check('claims_span_check', sql`${t.start} >= 0 and ${t.end} >= ${t.start}`),
    check('claims_stance_check', inList(t.stance, STANCES)),
    check('claims_review_check', inList(t.reviewStatus, REVIEW_STATUSES)),
  ],
);

/** Which entities a claim is about; `saidOn` is copied from the claim for the latest-claims index. */
export const claimAbout = sqliteTable(
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
    /**
     * Who says it, as one key (see sourceKey): copied here so that the per-entity source counts
     * below can be kept by triggers, even when a cascade has already removed the claim.
     */
    sourceKey: text('source_key').notNull().default(''),
  },
  (t) => [
    primaryKey({ columns: [t.claimId, t.entityId] }),
    index('claim_about_entity_idx').on(t.entityId, t.saidOn, t.claimId),
  ],
);

/**
 * How many claims about an entity each source made. Kept by triggers on claim_about (migration
 * 0003), so a hover on Russia reads a few rows instead of counting 200k claims.
 */
export const entitySources = sqliteTable(
  'entity_sources',
  {
    entityId: integer('entity_id').notNull(),
    sourceKey: text('source_key').notNull(),
    claims: integer('claims').notNull(),
  },
  (t) => [primaryKey({ columns: [t.entityId, t.sourceKey] })],
);

/** Claims and distinct sources per entity, kept by the same triggers. */
export const entityClaimStats = sqliteTable('entity_claim_stats', {
  entityId: integer('entity_id').primaryKey(),
  claims: integer('claims').notNull(),
  sources: integer('sources').notNull(),
});

/**
 * What several claims say together: claims from different articles (and different stories) that
 * state the same thing about the same entities. Its figures are kept as claims join or leave, so a
 * hover reads one row, not every telling.
 */
export const statements = sqliteTable(
  'statements',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The first and last day one of its claims was said (their articles' dates). */
    firstSaid: text('first_said').notNull(),
    lastSaid: text('last_said').notNull(),
    /** The earliest event date its claims give, if any: where it sits on a timeline. */
    eventDate: text('event_date'),
    claims: integer('claims').notNull().default(0),
    /** Distinct sources behind it, copies of one story counted once (see packages/corroborate). */
    independentSources: integer('independent_sources').notNull().default(0),
    affirming: integer('affirming').notNull().default(0),
    denying: integer('denying').notNull().default(0),
    /** Some of its claims, or a statement it conflicts with, say otherwise. */
    contested: integer('contested', { mode: 'boolean' }).notNull().default(false),
    /** Information credibility, 1–6, and the rule that gave it, in words. */
    credibility: integer('credibility').notNull().default(6),
    credibilityReason: text('credibility_reason').notNull().default(''),
    /** The best reliability grade among the sources that back it (A–F): the letter of its grade. */
    reliability: text('reliability', { enum: RELIABILITY_GRADES }).notNull().default('F'),
    /** A curator moved claims into or out of it: grouping may add to it, never takes it apart. */
    curated: integer('curated', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    index('statements_last_said_idx').on(t.lastSaid, t.id),
    check('statements_credibility_check', sql`${t.credibility} between 1 and 6`),
  ],
);

/** Which entities a statement is about (the union of its claims'), by its last telling: an entity's statements, newest first. */
export const statementAbout = sqliteTable(
  'statement_about',
  {
    entityId: integer('entity_id')
      .notNull()
      .references(() => entities.id, { onDelete: 'cascade' }),
    statementId: integer('statement_id')
      .notNull()
      .references(() => statements.id, { onDelete: 'cascade' }),
    lastSaid: text('last_said').notNull(),
    /**
     * The statement's `contested`, copied here so an entity's contested statements are one index
     * range: a hover asks for them first, and a contested statement is the rare one.
     */
    contested: integer('contested', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.entityId, t.statementId] }),
    index('statement_about_entity_idx').on(t.entityId, t.lastSaid, t.statementId),
    index('statement_about_contested_idx').on(t.entityId, t.contested, t.lastSaid, t.statementId),
    index('statement_about_statement_idx').on(t.statementId),
  ],
);

/**
 * How many statements are about each entity, and how many of those are contested, kept by triggers
 * on statement_about (migration 0010): a hover's two statement counts read one row instead of
 * counting the thousands of statements about a much-reported entity.
 */
export const entityStatementStats = sqliteTable('entity_statement_stats', {
  entityId: integer('entity_id').primaryKey(),
  statements: integer('statements').notNull(),
  contested: integer('contested').notNull(),
});

/** Two statements that cannot both be true (stored both ways round), and why, in words. */
export const statementConflicts = sqliteTable(
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

/**
 * In how many claims each term (a lemma, see packages/corroborate) occurs, for the weights that
 * say how much a shared word tells two claims apart; the row for '' counts every claim.
 */
export const termCounts = sqliteTable('term_counts', {
  term: text('term').primaryKey(),
  claims: integer('claims').notNull(),
});

/**
 * What statement grouping reads from a claim (its features: lemmas, counts, dates, predicate; see
 * packages/corroborate), kept so that a claim compared again in a later process is not read
 * through the language model again. `content` names what they were read from (the quote, dates,
 * stance, entities, and the features' version): features whose claim has changed since (edited,
 * or its entities merged) no longer match it and are read again.
 */
export const claimFeatures = sqliteTable('claim_features', {
  claimId: integer('claim_id')
    .primaryKey()
    .references(() => claims.id, { onDelete: 'cascade' }),
  content: text('content').notNull(),
  features: text('features').notNull(),
});

/** A curator's grade for a source actor (default F when none). */
export const sourceReliability = sqliteTable(
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

/** Every change of a source's grade: who, when, from what to what. */
export const sourceReliabilityChanges = sqliteTable(
  'source_reliability_changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
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

/** API tokens; only a sha256 of the secret is stored. */
export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    scope: text('scope', { enum: TOKEN_SCOPES }).notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
    revokedAt: text('revoked_at'),
  },
  (t) => [uniqueIndex('api_tokens_hash_idx').on(t.tokenHash)],
);

/**
 * Each feed URL read by `sitrep ingest --feed`: the validators its last complete read answered with
 * (sent back as If-None-Match and If-Modified-Since, so an unchanged feed costs a 304) and how its
 * last check went.
 */
export const feeds = sqliteTable(
  'feeds',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    url: text('url').notNull(),
    etag: text('etag'),
    lastModified: text('last_modified'),
    /** ISO timestamp of the last check, whatever its outcome. */
    checkedAt: text('checked_at').notNull(),
    /** The HTTP status of the last check (200, 304, 404…); null when no answer came. */
    lastStatus: integer('last_status'),
    /** Why the last check failed; null when it did not. */
    lastError: text('last_error'),
  },
  (t) => [uniqueIndex('feeds_url_idx').on(t.url)],
);

export type EntityRow = typeof entities.$inferSelect;
export type AliasRow = typeof aliases.$inferSelect;
export type ArticleRow = typeof articles.$inferSelect;
export type MentionRow = typeof mentions.$inferSelect;
export type ClaimRow = typeof claims.$inferSelect;
export type ClaimFeaturesRow = typeof claimFeatures.$inferSelect;
export type ClaimAboutRow = typeof claimAbout.$inferSelect;
export type ApiTokenRow = typeof apiTokens.$inferSelect;
export type StatementRow = typeof statements.$inferSelect;
export type StatementConflictRow = typeof statementConflicts.$inferSelect;
export type FeedRow = typeof feeds.$inferSelect;
export type SourceReliabilityChangeRow = typeof sourceReliabilityChanges.$inferSelect;
