import {
  type EntityRow,
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
 * Read-only for now (issue 17): queries and subscriptions; mutations are refused (see
 * refuseWrites). A name is looked up as an exact alias in any spelling; the knowledge base's
 * looser matches (a transliteration no alias holds) are SQLite's only, so far.
 */
export function postgresServerStore(db: SitrepPostgres): ServerStore {
  const store = postgresStore(db);
  return {
    ...store,
    kind: 'postgres',
    sqlite: null,
    entityNamed: (name) => store.entityByName(name),
    statementSources: (ids) => sourcesThroughStore(store, ids),
    watchChanges: () => new PgChanges(db),
    migrationState: () => pgMigrationState(db),
  };
}

/** The SQLite database to write to, or NOT_SUPPORTED on a back end that takes no writes yet. */
export function writableOf(store: ServerStore): SitrepDatabase {
  if (store.sqlite) return store.sqlite;
  throw new SitrepError(
    'NOT_SUPPORTED',
    `Writes on PostgreSQL are not available yet: this server answers queries and subscriptions only. Write through a SQLite Sitrep and copy it (\`sitrep copy --to postgres://…\`).`,
  );
}
