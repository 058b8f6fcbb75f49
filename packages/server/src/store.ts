import {
  type EntityRow,
  type IngestWrites,
  openPostgresIngestWrites,
  sqliteIngestWrites,
  type MigrationState,
  type MaybePromise,
  type SitrepDatabase,
  type SitrepPostgres,
  type StoreReads,
  postgresStore,
  migrationState,
  pgMigrationState,
  sqliteStore,
} from '@sitrep/db';
import type { IndependentSource } from '@sitrep/ingest';
import { SitrepError } from '@sitrep/vocabulary';
import { ChangeWatcher, type Changes } from './changes';
import { PgChanges } from './pg-changes';
import { namedThroughStore } from './pg-names';
import { READ_ONLY_MESSAGE } from './read-only';
import { entityNamedOnSqlite } from './schema/entity-named';
import { sourcesThroughStore } from './statement-sources';

/**
 * What the server reads through: the Store's named reads, and the two answers it builds from the
 * ingest package's knowledge (a name's entity, a statement's sources). Which back end is chosen
 * here, once; resolvers and loaders never ask.
 */
export interface ServerStore extends StoreReads {
  readonly kind: 'sqlite' | 'postgres';
  /** The SQLite database under the store (mutations and the fast path use it); null on PostgreSQL. */
  readonly sqlite: SitrepDatabase | null;
  /**
   * What mutations write through, opened on first use; null where the store takes no writes (a
   * PostgreSQL store opened without its URL: a replica, the bench's reader).
   */
  writer(): IngestWrites | null;
  /** Closes what the store opened itself (the writer's connection). */
  close(): void;
  /** The entity called `name`: an exact alias first, else the knowledge base ingestion links with. */
  entityNamed(name: string): MaybePromise<EntityRow | undefined>;
  /** The independent sources behind each statement, every statement asked for a key. */
  statementSources(ids: readonly number[]): Promise<Map<number, IndependentSource[]>>;
  /** Commits for subscriptions: SQLite's data_version polled every `pollMs`, or PostgreSQL's LISTEN. */
  watchChanges(pollMs?: number): Changes;
  /** The schema's migrations, applied and shipped; throws when the database cannot be reached. */
  migrationState(): MaybePromise<MigrationState>;
}

export function sqliteServerStore(db: SitrepDatabase): ServerStore {
  return {
    ...sqliteStore(db),
    kind: 'sqlite',
    sqlite: db,
    writer: () => sqliteIngestWrites(db),
    close: () => {},
    entityNamed: (name) => entityNamedOnSqlite(db, name),
    async statementSources(ids) {
      // Loaded when first asked: the ingest package is not needed to answer most queries.
      const { sourcesOfStatements } = await import('@sitrep/ingest');
      return sourcesOfStatements(db, ids);
    },
    watchChanges: (pollMs) => new ChangeWatcher(db.file, pollMs),
    migrationState: () => migrationState(db),
  };
}

/**
 * Queries and subscriptions, and ingests through `url` (the database's, password and all) when it
 * is given; the other mutations are refused (read-only.ts). Its one thread never waits for another
 * process's ingest: a write that finds one under way is tried again later (write-retry.ts).
 */
export function postgresServerStore(db: SitrepPostgres, url: string | null = null): ServerStore {
  const store = postgresStore(db);
  let writes: ReturnType<typeof openPostgresIngestWrites> | undefined;
  return {
    ...store,
    kind: 'postgres',
    sqlite: null,
    writer: () => (url === null ? null : (writes ??= openPostgresIngestWrites(url, { waitForLock: false }))),
    close: () => writes?.close(),
    entityNamed: namedThroughStore(store),
    statementSources: (ids) => sourcesThroughStore(store, ids),
    watchChanges: () => new PgChanges(db),
    migrationState: () => pgMigrationState(db),
  };
}

/**
 * What a context's `db` is where there is no SQLite database: any use of it fails NOT_SUPPORTED.
 * useReadOnly refuses mutations before they run; this makes sure nothing writes past it. A proxy,
 * not a getter on the context: envelop copies contexts with Object.assign, which reads getters.
 */
const REFUSING_DATABASE = new Proxy(
  {},
  {
    get() {
      throw new SitrepError('NOT_SUPPORTED', READ_ONLY_MESSAGE);
    },
  },
) as SitrepDatabase; // Never read: every property access throws.

/** The SQLite database mutations write to, or one that refuses every use (PostgreSQL, so far). */
export const writableOf = (store: ServerStore): SitrepDatabase => store.sqlite ?? REFUSING_DATABASE;
