import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { SitrepError } from '@sitrep/vocabulary';

/** Written into the SQLite header (`PRAGMA application_id`) of every Sitrep database: "Sitr". */
export const SITREP_APPLICATION_ID = 0x53697472;

/** Tables only a Sitrep database has; with drizzle's table they identify one made before the mark. */
const SITREP_TABLES = ['__drizzle_migrations', 'entities', 'articles', 'claims'];

/** What SQLite's own messages mean for someone holding the file, and what they can do. */
const SQLITE_ADVICE: Record<string, string> = {
  SQLITE_NOTADB: 'check the path, or restore it from a backup',
  SQLITE_CORRUPT: 'the file is damaged; restore it from a backup (`sitrep restore FILE`)',
  SQLITE_CANTOPEN: 'check that the path names a file (not a folder) in a folder that exists',
  SQLITE_READONLY: 'make the file and its folder writable by this user',
};

/** PostgreSQL's ingest lock was held by another process (pg/sync-writes): like SQLITE_BUSY, nothing was written. */
export const WRITE_LOCK_BUSY = 'SITREP_WRITE_LOCK_BUSY';

/** SQLITE_BUSY and its extended codes (BUSY_SNAPSHOT, BUSY_RECOVERY, BUSY_TIMEOUT), or WRITE_LOCK_BUSY: the lock, not the data. */
export function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code === WRITE_LOCK_BUSY);
}

/** A SitrepError naming `file` for the SQLite errors a person can act on; other errors unchanged. */
export function explainSqliteError(error: unknown, file: string): unknown {
  const code = (error as { code?: unknown }).code;
  const advice = typeof code === 'string' ? SQLITE_ADVICE[code.replace(/^(SQLITE_[A-Z]+).*/, '$1')] : undefined;
  if (!advice) return error;
  return new SitrepError('BAD_USER_INPUT', `${file} cannot be read as SQLite: ${(error as Error).message}; ${advice}.`);
}

/** The `when` of every migration this build ships, which drizzle stores as `created_at`. */
function shippedMigrations(migrationsFolder: string): Set<number> {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: Array<{ when: number }>;
  };
  return new Set(journal.entries.map((e) => e.when));
}

/**
 * Refuses a file that is not a Sitrep database, or one whose tables a newer Sitrep wrote (this
 * build would misread them, and its writes would fail), before anything in it is changed.
 * Returns whether the file still needs the mark (empty, or a Sitrep database made before it).
 */
export function checkOwnership(sqlite: Database.Database, file: string, migrationsFolder: string): boolean {
  let id: number;
  let tables: Set<string>;
  try {
    id = sqlite.pragma('application_id', { simple: true }) as number;
    const rows = sqlite.prepare("select name from sqlite_master where name not like 'sqlite_%'").all();
    tables = new Set((rows as Array<{ name: string }>).map((r) => r.name));
  } catch (error) {
    throw explainSqliteError(error, file);
  }
  const empty = tables.size === 0;
  if (id !== SITREP_APPLICATION_ID && !(id === 0 && (empty || SITREP_TABLES.every((t) => tables.has(t))))) {
    const shown = [...tables].slice(0, 3).join(', ');
    throw new SitrepError(
      'BAD_USER_INPUT',
      `${file} is not a Sitrep database (${id !== 0 ? `another application's, id ${id}` : `it holds ${shown}`}); Sitrep leaves it untouched: pass --db with a Sitrep database or a new file.`,
      { reason: 'foreign' },
    );
  }
  if (tables.has('__drizzle_migrations')) {
    const shipped = shippedMigrations(migrationsFolder);
    const applied = sqlite.prepare('select created_at from __drizzle_migrations').pluck().all() as number[];
    if (applied.some((when) => !shipped.has(Number(when)))) {
      throw new SitrepError(
        'BAD_USER_INPUT',
        `${file} was written by a newer Sitrep (its tables have changes this version does not know); use that version, or upgrade this one.`,
        { reason: 'newer' },
      );
    }
  }
  return id !== SITREP_APPLICATION_ID;
}

/**
 * Marks the file as Sitrep's. Also the write test: SQLite opens a file it may not write read-only
 * without saying so, and a server on it would fail every write as an unexpected error.
 */
export function markAsSitrep(sqlite: Database.Database, file: string): void {
  try {
    // Written in any case, so a file this user cannot write fails here and not at the first
    // write; rolled back when it is already set, since a commit, even of nothing new, tells every
    // other connection (and subscriber) that the knowledge base changed.
    const marked = sqlite.pragma('application_id', { simple: true }) === SITREP_APPLICATION_ID;
    if (marked) sqlite.exec('begin immediate');
    try {
      sqlite.pragma(`application_id = ${SITREP_APPLICATION_ID}`);
    } finally {
      if (marked) sqlite.exec('rollback');
    }
  } catch (error) {
    if ((error as { code?: unknown }).code === 'SQLITE_READONLY') {
      throw new SitrepError(
        'BAD_USER_INPUT',
        `${file} is read-only; make it (and its folder) writable by this user, or back it up and serve a copy.`,
      );
    }
    throw explainSqliteError(error, file);
  }
}
