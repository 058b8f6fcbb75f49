import type { SitrepDatabase } from '../database';
import { inTransaction } from '../database';
import { isBulkLoading } from '../bulk-load';
import { type Checkpoints, startCheckpoints } from '../checkpoints';
import {
  articleHeadsByIds,
  articleTextsByIds,
  createArticle,
  findArticleByHash,
  findArticleByUrl,
} from '../queries/articles';
import { findFeed, recordFeedCheck } from '../queries/feeds';
import { claimContext, claimFeaturesByIds, saveClaimFeatures } from '../queries/claim-features';
import { claimAboutForClaims, claimsByIds, createClaims, listClaims, setClaimReviewStatus } from '../queries/claims';
import {
  addAlias,
  aliasTotals,
  allEntityNames,
  createEntity,
  entitiesByIds,
  entityNamesStamp,
  findEntityByAlias,
  isEmpty,
  mergeEntities,
  requireEntity,
  setEntityLinks,
  setEntityReviewStatus,
} from '../queries/entities';
import { createMentions } from '../queries/mentions';
import {
  candidateStatementRows,
  dataVersionOf,
  setStatementWatchEpoch,
  statementWatchEpoch,
  statementsAboutEntity,
  watchStatementWrites,
} from '../queries/statement-candidates';
import {
  addTermCounts,
  articlesWithUngroupedClaims,
  assignClaims,
  assignStatements,
  claimIdsOfStatements,
  conflictsOf,
  createStatement,
  deleteStatementIfEmpty,
  markCurated,
  recordConflict,
  reliabilityOf,
  saveStatementFigures,
  setSourceReliability,
  statementIdsWithSourceActor,
  tellingsOfStatements,
  termCountsOf,
} from '../queries/statements';
import { recordStory, storyCandidates } from '../queries/stories';
import type { ClaimRow } from '../schema';

/** The claims of one article, in the order they were told: what grouping reads of a story's first article. */
const claimsOfArticle = (db: SitrepDatabase, articleId: number): ClaimRow[] =>
  listClaims(db, { articleId }, { limit: 100_000, offset: 0 }, 'position');

/**
 * The named reads and writes an ingest makes, each taking the database first as on SQLite: the
 * article, its entities, mentions and claims, its story, and the grouping of its claims into
 * statements with their figures. Both back ends answer them alike (`IngestWrites`).
 */
const ingestQueries = {
  findArticleByHash,
  createArticle,
  articleHeadsByIds,
  articleTextsByIds,
  storyCandidates,
  recordStory,
  entitiesByIds,
  findEntityByAlias,
  createEntity,
  addAlias,
  allEntityNames,
  aliasTotals,
  entityNamesStamp,
  createMentions,
  createClaims,
  claimsByIds,
  claimAboutForClaims,
  claimsOfArticle,
  articlesWithUngroupedClaims,
  createStatement,
  assignClaims,
  assignStatements,
  claimIdsOfStatements,
  deleteStatementIfEmpty,
  conflictsOf,
  recordConflict,
  addTermCounts,
  termCountsOf,
  reliabilityOf,
  tellingsOfStatements,
  saveStatementFigures,
  candidateStatementRows,
  statementsAboutEntity,
  claimFeaturesByIds,
  saveClaimFeatures,
  claimContext,
};

/**
 * What a curator's mutations write besides what ingest does (an entity or claim confirmed, two
 * entities merged, a source graded, claims moved between statements), and what loading the demo
 * data does (entities linked, a first start told apart), on the same terms.
 */
const curationQueries = {
  isEmpty,
  setEntityLinks,
  requireEntity,
  setEntityReviewStatus,
  mergeEntities,
  setClaimReviewStatus,
  setSourceReliability,
  statementIdsWithSourceActor,
  markCurated,
};

/** What reading feeds asks: the feed's last check (its validators), whether an item's page is stored, the new check. */
const feedQueries = { findFeed, findArticleByUrl, recordFeedCheck };

type Bound<F> = F extends (db: SitrepDatabase, ...args: infer A) => infer R ? (...args: A) => R : never;

/** The ingest's queries with the database bound, as both back ends answer them. */
export type IngestQueries = { [K in keyof typeof ingestQueries]: Bound<(typeof ingestQueries)[K]> };

/** The curator's, likewise. */
export type CurationQueries = { [K in keyof typeof curationQueries]: Bound<(typeof curationQueries)[K]> };

/** The feeds', likewise. */
export type FeedQueries = { [K in keyof typeof feedQueries]: Bound<(typeof feedQueries)[K]> };

/** Their names, for a back end that answers them by name (pg/sync-writes). */
export const INGEST_QUERY_NAMES = Object.keys(ingestQueries) as Array<keyof typeof ingestQueries>;
export const CURATION_QUERY_NAMES = Object.keys(curationQueries) as Array<keyof typeof curationQueries>;
export const FEED_QUERY_NAMES = Object.keys(feedQueries) as Array<keyof typeof feedQueries>;

/**
 * What every write asks of the database (an ingest, a curator's mutation, a feed's check, the demo
 * data), synchronously: SQLite's own connection, or PostgreSQL through a thread that waits for it
 * (pg/sync-writes). Besides the named queries, transactions and the connection caches grouping
 * keeps between articles, which only SQLite can vouch for (it sees every write on its
 * connection); PostgreSQL's other processes write unseen.
 */
export interface IngestWrites extends IngestQueries, CurationQueries, FeedQueries {
  readonly kind: 'sqlite' | 'postgres';
  /** The SQLite file or the PostgreSQL URL (password and all): where another thread opens the same database. */
  readonly location: string;
  /** What per-connection caches are kept under: one object per connection. */
  readonly cacheKey: object;
  /** Runs `work` in one write transaction (a savepoint inside one): all of it lands, or none of it. */
  transaction<T>(work: () => T): T;
  /** Runs `work` reading one snapshot of the database, taking no write lock where the back end has one. */
  snapshot<T>(work: () => T): T;
  /** Inside a bulk load (SQLite only), whose indexes grouping reads are set aside. */
  isBulkLoading(): boolean;
  /**
   * Caches of statements shared from one article to the next (see group.ts), null where the back
   * end cannot tell when they go stale: grouping then reads every article's candidates afresh.
   */
  readonly statementWatch: StatementWatch | null;
  /**
   * Whether claims read once may be kept by id for later articles. True on both: a claim's text
   * does not change once stored, though a merge in another process goes unseen until a restart.
   */
  readonly keepsReadClaims: boolean;
  /** Whether each query is a round trip to a server, so that reading many things at once pays (PostgreSQL). */
  readonly batchesReads: boolean;
  /**
   * Starts copying committed writes into the database file on a thread of its own, for a long run
   * of writes (startCheckpoints); null where there is no write-ahead log to copy (PostgreSQL, a
   * database in memory).
   */
  checkpointsOffThread(): Checkpoints | null;
}

/** SQLite's watch of writes to statements on its connection (statement-candidates.ts). */
export interface StatementWatch {
  dataVersion(): number;
  epoch(): number | null;
  setEpoch(epoch: number): void;
  watch(listener: Parameters<typeof watchStatementWrites>[1], epoch: number): void;
}

/** A file written through a write-ahead log: not one in memory or a temporary one, nor one opened read-only. */
function hasWriteAheadLog(db: SitrepDatabase): boolean {
  if (db.file === ':memory:' || db.file === '' || db.sqlite.readonly) return false;
  return db.sqlite.pragma('journal_mode', { simple: true }) === 'wal';
}

const sqliteWrites = new WeakMap<SitrepDatabase['sqlite'], IngestWrites>();

/** The ingest's queries on a SQLite connection, made once per connection. */
export function sqliteIngestWrites(db: SitrepDatabase): IngestWrites {
  let writes = sqliteWrites.get(db.sqlite);
  if (writes) return writes;
  const bound = Object.fromEntries(
    Object.entries({ ...ingestQueries, ...curationQueries, ...feedQueries }).map(([name, fn]) => [
      name,
      (...args: unknown[]) => (fn as (db: SitrepDatabase, ...rest: unknown[]) => unknown)(db, ...args),
    ]),
  ) as IngestQueries & CurationQueries & FeedQueries;
  writes = {
    ...bound,
    kind: 'sqlite',
    location: db.file,
    cacheKey: db.sqlite,
    transaction: (work) => inTransaction(db, work),
    snapshot: (work) => db.sqlite.transaction(work)(),
    isBulkLoading: () => isBulkLoading(db),
    statementWatch: {
      dataVersion: () => dataVersionOf(db),
      epoch: () => statementWatchEpoch(db),
      setEpoch: (epoch) => setStatementWatchEpoch(db, epoch),
      watch: (listener, epoch) => watchStatementWrites(db, listener, epoch),
    },
    keepsReadClaims: true,
    batchesReads: false,
    // Not in a bulk load, whose one transaction commits only at its end.
    checkpointsOffThread: () => (!isBulkLoading(db) && hasWriteAheadLog(db) ? startCheckpoints(db.file) : null),
  };
  sqliteWrites.set(db.sqlite, writes);
  return writes;
}

/** A SQLite connection or the ingest's queries on any back end: what ingest functions take. */
export type IngestTarget = SitrepDatabase | IngestWrites;

/** The ingest's queries on `target`. */
export const writesOf = (target: IngestTarget): IngestWrites =>
  'cacheKey' in target ? target : sqliteIngestWrites(target);
