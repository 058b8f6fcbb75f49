import { openSync, readSync, closeSync } from 'node:fs';
import type postgres from 'postgres';
import { SitrepError } from '@sitrep/vocabulary';
import { COUNTED_TABLES, type TableCounts } from '../backup';
import { appliedPgMigrations, explainPostgresError, openPostgres, shippedPgMigrations } from '../postgres';
import { redactUrl } from '../url';
import { CHANGES_CHANNEL } from './changes';
import { type FoundTool, findDumpTool, libpqConnection, runDumpTool } from './dump-tools';

/*
 * Backups on PostgreSQL are pg_dump's, not ours: operations people know its archives, restore
 * them with their own tools and can feed them to point-in-time schemes. Sitrep adds what a
 * bare pg_dump does not: it checks the program's version against the server's, refuses a
 * database that is not Sitrep's, reports the rows it saved, and checks the archive before
 * calling it a backup.
 */

export interface PgBackupReport {
  counts: TableCounts;
  tool: FoundTool;
}

async function serverMajor(sql: postgres.Sql): Promise<number> {
  const [row] = await sql<{ v: string }[]>`select current_setting('server_version_num') as v`;
  return Math.floor(Number(row!.v) / 10_000);
}

async function countPgRows(sql: postgres.Sql | postgres.TransactionSql): Promise<TableCounts> {
  const counts = {} as TableCounts;
  for (const table of COUNTED_TABLES) {
    const [row] = await sql<{ n: number }[]>`select count(*)::int as n from ${sql(table)}`;
    counts[table] = row!.n;
  }
  return counts;
}

/** Refuses, naming the database, one that Sitrep never migrated or a newer Sitrep did. */
async function requireSitrepDatabase(sql: postgres.Sql, shown: string): Promise<number> {
  const applied = await appliedPgMigrations(sql);
  if (applied === 0) throw new SitrepError('BAD_USER_INPUT', `${shown} is not a Sitrep database (no migrations).`);
  if (applied > shippedPgMigrations()) {
    throw new SitrepError('BAD_USER_INPUT', `${shown} was migrated by a newer Sitrep; use that version.`);
  }
  return applied;
}

/**
 * Dumps a Sitrep PostgreSQL database to `file` in pg_dump's custom format. The counts are read in
 * the very snapshot the dump is taken from (pg_export_snapshot), so they are the archive's rows
 * even while API processes keep writing.
 */
export async function dumpPostgres(url: string, file: string): Promise<PgBackupReport> {
  const shown = redactUrl(url);
  const db = await openPostgres(url, { migrate: false, max: 1 });
  try {
    await requireSitrepDatabase(db.sql, shown);
    const major = await serverMajor(db.sql);
    const tool = await findDumpTool('pg_dump', major);
    // The archive is read back before it is called a backup; pg_restore is what will read it.
    const reader = await findDumpTool('pg_restore', major);
    const { dbname, env } = libpqConnection(url);
    const counts = await db.sql.begin('isolation level repeatable read read only', async (tx) => {
      const [row] = await tx<{ snapshot: string }[]>`select pg_export_snapshot() as snapshot`;
      const counts = await countPgRows(tx);
      // The transaction stays open until pg_dump has read everything: its snapshot lives with it.
      await runDumpTool(
        tool,
        [
          '--format=custom',
          '--no-owner',
          '--no-privileges',
          `--snapshot=${row!.snapshot}`,
          `--file=${file}`,
          `--dbname=${dbname}`,
        ],
        env,
      );
      return counts;
    });
    await requireEveryTable(reader, file, 'the archive pg_dump wrote');
    return { counts, tool };
  } catch (error) {
    throw explainPostgresError(error, shown);
  } finally {
    await db.close();
  }
}

/** A pg_dump archive that holds the rows of every table a backup reports; else why it does not. */
async function requireEveryTable(tool: FoundTool, file: string, shown: string): Promise<void> {
  let listing: string;
  try {
    listing = await runDumpTool(tool, ['--list', file]);
  } catch (error) {
    if (isSqliteFile(file)) {
      throw new SitrepError(
        'BAD_USER_INPUT',
        `${shown} is a SQLite database, not a pg_dump archive; fill PostgreSQL from it with \`sitrep copy --from ${shown} --to URL\`.`,
      );
    }
    throw new SitrepError('BAD_USER_INPUT', `${shown} is not a pg_dump archive (${(error as Error).message}).`);
  }
  const data = new Set([...listing.matchAll(/ TABLE DATA public (\w+) /g)].map((m) => m[1]));
  const missing = COUNTED_TABLES.filter((t) => !data.has(t));
  if (missing.length > 0) {
    throw new SitrepError('BAD_USER_INPUT', `${shown} is not a Sitrep backup (no rows of ${missing.join(', ')}).`);
  }
}

function isSqliteFile(file: string): boolean {
  const head = Buffer.alloc(16);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, head, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  return head.toString('latin1') === 'SQLite format 3\0';
}

export interface PgRestoreOptions {
  /** Replace a database that holds entities, articles or tokens. */
  force?: boolean;
}

/**
 * Restores a `dumpPostgres` archive into a PostgreSQL database, in one transaction
 * (pg_restore --single-transaction): a failure leaves the target as it was. The archive is
 * checked first; a target that holds data is only replaced with `force`, and one holding another
 * application's tables never is. Afterwards the database is migrated (a backup from an older
 * Sitrep) and every listening API process is told.
 */
export async function restorePostgres(
  file: string,
  url: string,
  options: PgRestoreOptions = {},
): Promise<PgBackupReport> {
  const shown = redactUrl(url);
  const target = await openPostgres(url, { migrate: false, max: 1 });
  let tool: FoundTool;
  try {
    tool = await findDumpTool('pg_restore', await serverMajor(target.sql));
    await requireEveryTable(tool, file, file);
    if ((await appliedPgMigrations(target.sql)) === 0) {
      const [{ others } = { others: null }] = await target.sql<{ others: string | null }[]>`
        select string_agg(table_name, ', ' order by table_name) as others
        from information_schema.tables where table_schema = 'public'`;
      if (others) throw new SitrepError('BAD_USER_INPUT', `${shown} is not a Sitrep database (it holds ${others}).`);
    } else {
      await requireSitrepDatabase(target.sql, shown);
      const counts = await countPgRows(target.sql);
      if (counts.entities + counts.articles + counts.api_tokens > 0 && !options.force) {
        throw new SitrepError('BAD_USER_INPUT', `${shown} holds data; pass --force to replace it with ${file}.`);
      }
    }
    const { dbname, env } = libpqConnection(url);
    try {
      await runDumpTool(
        tool,
        [
          '--single-transaction',
          '--exit-on-error',
          '--clean',
          '--if-exists',
          '--no-owner',
          '--no-privileges',
          `--dbname=${dbname}`,
          file,
        ],
        env,
      );
    } catch (error) {
      throw new SitrepError('BAD_USER_INPUT', `${(error as Error).message}; ${shown} was left as it was.`);
    }
  } catch (error) {
    throw explainPostgresError(error, shown);
  } finally {
    await target.close();
  }
  const restored = await openPostgres(url, { max: 1 });
  try {
    const counts = await countPgRows(restored.sql);
    await restored.sql`select pg_notify(${CHANGES_CHANNEL}, '')`;
    return { counts, tool };
  } finally {
    await restored.close();
  }
}
