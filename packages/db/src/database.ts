import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { checkOwnership, explainSqliteError, markAsSitrep } from './ownership';
import * as schema from './schema';
import { SitrepError } from '@sitrep/vocabulary';

export type Orm = BetterSQLite3Database<typeof schema>;

export interface SitrepDatabase {
  /** The raw connection, for pragmas, backups and hand-prepared hot statements. */
  readonly sqlite: Database.Database;
  readonly orm: Orm;
  readonly file: string;
  close(): void;
}

export interface OpenDatabaseOptions {
  /** Apply pending migrations on open. Default: true. */
  migrate?: boolean;
  /** Called with the text of every SQL statement run; tests count statements with it. */
  onStatement?: (sql: string) => void;
  /** Milliseconds a writer waits for a lock before SQLITE_BUSY. Default: 5000. */
  busyTimeoutMs?: number;
  /**
   * Open an existing file for reading only: nothing is migrated or changed (a backup being
   * checked or copied stays as it is). Default: false.
   */
  readonly?: boolean;
}

/** Page cache per connection, in KiB. */
const CACHE_KIB = 64 * 1024;

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../migrations', import.meta.url));

/**
 * Opens (creating if needed) a Sitrep database file, in WAL mode with foreign keys on. Refuses,
 * before changing anything, a file another application owns, one a newer Sitrep wrote, and (unless
 * opened read-only) one it cannot write.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): SitrepDatabase {
  const readonly = options.readonly ?? false;
  if (file !== ':memory:' && !readonly) mkdirSync(dirname(file), { recursive: true });
  const onStatement = options.onStatement;
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, {
      readonly,
      fileMustExist: readonly,
      ...(onStatement && { verbose: (sql: unknown) => onStatement(String(sql)) }),
    });
  } catch (error) {
    throw explainSqliteError(error, file);
  }
  try {
    sqlite.pragma(`busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 5000)}`);
    checkOwnership(sqlite, file, MIGRATIONS_FOLDER);
    if (!readonly) markAsSitrep(sqlite, file);
  } catch (error) {
    sqlite.close();
    throw error;
  }
  if (file !== ':memory:' && !readonly) sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  // WAL makes NORMAL durable against application crashes; only power loss can drop the last commits.
  if (!readonly) sqlite.pragma('synchronous = NORMAL');
  // SQLite's default page cache is 2 MB; a knowledge base of a million claims has indexes of
  // hundreds of MB, and writes that touch them (search index, counts) were mostly re-reading pages.
  // Not for read-only opens: those check backups, and a damaged one must fail in the check, not here.
  if (!readonly) sqlite.pragma(`cache_size = -${CACHE_KIB}`);
  // A checkpoint syncs the database file; at SQLite's default (every 1000 pages, 4 MB of WAL) a
  // steady ingest spent about half its time in them. 10,000 pages lets the WAL reach ~40 MB.
  if (!readonly) sqlite.pragma('wal_autocheckpoint = 10000');
  // Savepoints and statements that write through triggers copy each page they change into a
  // sub-journal, which past 64 KiB SQLite writes to a temporary file: an ingest (a savepoint per
  // article) spent ~15% of its writing time there. Kept in memory, that is a copy of the few
  // hundred pages an article touches, dropped when its savepoint ends.
  if (!readonly) sqlite.pragma('temp_store = MEMORY');
  const orm = drizzle(sqlite, { schema });
  try {
    if ((options.migrate ?? true) && !readonly) applyMigrations(sqlite, orm);
  } catch (error) {
    sqlite.close();
    throw error;
  }
  return {
    sqlite,
    orm,
    file,
    close: () => sqlite.close(),
  };
}

let shipped: number | undefined;
/** How many migrations this code ships (drizzle-kit's journal beside them). */
function shippedMigrations(): number {
  shipped ??= (JSON.parse(readFileSync(`${MIGRATIONS_FOLDER}/meta/_journal.json`, 'utf8')) as { entries: unknown[] })
    .entries.length;
  return shipped;
}

const hasMigrationsTable = (sqlite: Database.Database): boolean =>
  !!sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'").get();

const appliedMigrations = (sqlite: Database.Database): number =>
  hasMigrationsTable(sqlite)
    ? (sqlite.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number }).n
    : 0;

/**
 * Applies pending migrations with foreign keys off, as SQLite's procedure for changing a table's
 * constraints asks. drizzle-kit changes them by rebuilding the table (copy, DROP, rename) behind a
 * `PRAGMA foreign_keys=OFF` of its own, which does nothing inside the migrator's transaction: with
 * keys on, dropping `entities` deletes every alias, mention and claim subject by cascade. The rows
 * keep their ids, so no key breaks; the check after a migration makes sure of it.
 */
function applyMigrations(sqlite: Database.Database, orm: Orm): void {
  const before = appliedMigrations(sqlite);
  // Up to date: no migrator transaction. Its commit, even an empty one, tells every other
  // connection that the database changed (a subscriber would hear of a change that is none).
  if (before > 0 && before >= shippedMigrations()) return;
  const hadTable = hasMigrationsTable(sqlite);
  sqlite.pragma('foreign_keys = OFF');
  try {
    try {
      migrate(orm, { migrationsFolder: MIGRATIONS_FOLDER });
    } catch (error) {
      // drizzle rolls the migrations back but creates its own table before its transaction begins.
      if (!hadTable) sqlite.exec('drop table if exists __drizzle_migrations');
      throw new SitrepError(
        'BAD_USER_INPUT',
        `${sqlite.name} could not be brought up to date, and was left as it was: ${(error as Error).message}.`,
      );
    }
    if (appliedMigrations(sqlite) === before) return;
    const broken = sqlite.pragma('foreign_key_check') as Array<{ table: string; parent: string }>;
    if (broken.length > 0) {
      const [first] = broken;
      throw new Error(
        `After migrating ${sqlite.name}, ${broken.length} rows point at rows that do not exist (first: ${first!.table} → ${first!.parent}).`,
      );
    }
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
}

/** Runs `work` in one write transaction: all of it lands, or none of it. */
export function inTransaction<T>(db: SitrepDatabase, work: () => T): T {
  return db.sqlite.transaction(work).immediate();
}

/** How many migrations this database has, and how many this Sitrep ships (for /health). */
export interface MigrationState {
  applied: number;
  shipped: number;
}

export const migrationState = (db: SitrepDatabase): MigrationState => ({
  applied: appliedMigrations(db.sqlite),
  shipped: shippedMigrations(),
});

/** True when the database has every migration this Sitrep ships: a read-only open migrates nothing. */
export function hasEveryMigration(db: SitrepDatabase): boolean {
  return appliedMigrations(db.sqlite) >= shippedMigrations();
}
