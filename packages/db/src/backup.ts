import type { SitrepDatabase } from './database';
import { SitrepError } from '@sitrep/vocabulary';

/** Tables whose rows a person would miss, counted in backup and restore reports. */
export const COUNTED_TABLES = [
  'entities',
  'aliases',
  'articles',
  'mentions',
  'claims',
  'claim_about',
  'api_tokens',
] as const;
export type TableCounts = Record<(typeof COUNTED_TABLES)[number], number>;

/**
 * Copies the database to `file` with SQLite's online backup API, from one read snapshot: the
 * server may keep writing meanwhile (WAL lets a reader and a writer run side by side).
 */
export async function backupDatabase(db: SitrepDatabase, file: string): Promise<void> {
  // All pages in one step after the first: a backup done in small steps starts over whenever
  // another connection writes, and a busy server could keep it from ever finishing.
  await db.sqlite.backup(file, { progress: () => 0x7fffffff });
}

/**
 * Checks that `db` is a sound Sitrep database: SQLite's integrity and foreign-key checks pass
 * and its tables are there. Throws a BAD_USER_INPUT SitrepError saying what is wrong.
 */
export function verifyDatabase(db: SitrepDatabase, name = db.file): TableCounts {
  checkIntegrity(db, name, 'integrity_check');
  const orphans = db.sqlite.pragma('foreign_key_check') as unknown[];
  if (orphans.length > 0) {
    throw new SitrepError('BAD_USER_INPUT', `${name} has ${orphans.length} rows that point at missing rows.`);
  }
  const tables = new Set(
    (db.sqlite.prepare("select name from sqlite_master where type = 'table'").all() as Array<{ name: string }>).map(
      (t) => t.name,
    ),
  );
  const missing = COUNTED_TABLES.filter((t) => !tables.has(t));
  if (missing.length > 0) {
    throw new SitrepError('BAD_USER_INPUT', `${name} is not a Sitrep database (no ${missing.join(', ')} table).`);
  }
  return countRows(db);
}

/**
 * Runs SQLite's `integrity_check`, or the faster `quick_check` (page structure, not index
 * contents), and throws a BAD_USER_INPUT SitrepError naming `name` if the file is damaged.
 */
export function checkIntegrity(
  db: SitrepDatabase,
  name: string,
  check: 'integrity_check' | 'quick_check' = 'quick_check',
): void {
  let problems: string[];
  try {
    problems = (db.sqlite.pragma(check) as Array<Record<string, string>>).map((row) => String(Object.values(row)[0]));
  } catch (error) {
    // better-sqlite3 says "file is not a database" and the like: a message meant for people.
    throw new SitrepError(
      'BAD_USER_INPUT',
      `${name} cannot be read as SQLite: ${(error as Error).message}; restore it from a backup.`,
    );
  }
  if (problems.join() !== 'ok') {
    throw new SitrepError(
      'BAD_USER_INPUT',
      // SQLite's report spans lines ("*** in database main ***\nPage 7: …"); a CLI error is one.
      `${name} is damaged: ${problems
        .slice(0, 3)
        .map((p) => p.replace(/\s+/g, ' ').trim())
        .join('; ')}; restore it from a backup.`,
    );
  }
}

export function countRows(db: SitrepDatabase): TableCounts {
  const select = COUNTED_TABLES.map((t) => `(select count(*) from ${t}) as ${t}`).join(', ');
  return db.sqlite.prepare(`select ${select}`).get() as TableCounts;
}

/** True when the database holds anything a restore would destroy: entities, articles or tokens. */
export function holdsData(db: SitrepDatabase): boolean {
  const counts = countRows(db);
  return counts.entities + counts.articles + counts.api_tokens > 0;
}
