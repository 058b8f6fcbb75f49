import {
  type EntityRow,
  type GlanceReads,
  glanceReads,
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
import { ChangeWatcher, type Changes } from './changes';
import { PgChanges } from './pg-changes';
import { namedThroughStore } from './pg-names';
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
  /** Whether `writer` gives one: false for a PostgreSQL store opened without its URL. */
  readonly writable: boolean;
  /** Reads a look at one entity in one statement where reads are round trips; null on SQLite (read-ahead.ts). */
  readonly glance: GlanceReads | null;
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
    writable: true,
    glance: null,
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
 * Queries and subscriptions, and writes through `url` (the database's, password and all) when it
 * is given; without it, mutations are refused (read-only.ts). Its one thread never waits for another
 * process's write: one that finds another under way is tried again later (write-retry.ts).
 */
export function postgresServerStore(db: SitrepPostgres, url: string | null = null): ServerStore {
  const store = postgresStore(db);
  let writes: ReturnType<typeof openPostgresIngestWrites> | undefined;
  return {
    ...store,
    kind: 'postgres',
    sqlite: null,
    writer: () => (url === null ? null : (writes ??= openPostgresIngestWrites(url, { waitForLock: false }))),
    writable: url !== null,
    glance: glanceReads(db),
    close: () => writes?.close(),
    entityNamed: namedThroughStore(store),
    statementSources: (ids) => sourcesThroughStore(store, ids),
    watchChanges: () => new PgChanges(db),
    migrationState: () => pgMigrationState(db),
  };
}
