import type postgres from 'postgres';
import { SitrepError } from '@sitrep/vocabulary';
import { type SitrepDatabase, hasEveryMigration } from '../database';
import { type SitrepPostgres, explainPostgresError } from '../postgres';
import { CHANGES_CHANNEL } from './changes';
import { type CopiedTableShape, tablesInCopyOrder } from './copy-tables';
import { dropForeignKeys, dropSecondaryIndexes, quoted } from './copy-set-aside';
import { copyRows } from './copy-rows';

/** What one table's copy moved. */
export interface CopiedTable {
  table: string;
  rows: number;
}

export interface CopyOptions {
  /** Called after each table is copied (and before the commit), for progress lines. */
  onTable?: (copied: CopiedTable) => void;
}

/**
 * Copies every table of a Sitrep SQLite database into a PostgreSQL one that holds no rows yet,
 * keeping ids, in one transaction: a failure anywhere leaves the target as empty as it was.
 *
 * - Rows go through COPY … FROM STDIN (text format), one COPY per table, parents first.
 * - The source is read in one read transaction: a server writing to it meanwhile does not tear the copy.
 * - The target's user triggers are off during the copy (ALTER TABLE … DISABLE TRIGGER USER, undone
 *   by the commit or the rollback alike): the per-entity counts are copied as SQLite kept them,
 *   rather than counted again row by row, and the change notification is sent once at the end.
 *   This needs the tables' owner, the user that migrated them.
 * - Each table's secondary indexes and foreign keys are dropped before its COPY and made again
 *   after it, from the server's own definitions: built once over the rows, checked in one join.
 *   A row that points nowhere still fails the copy (its parents are copied first).
 * - Identity sequences start past the highest copied id; row counts are compared per table before
 *   the commit.
 */
export async function copySqliteToPostgres(
  source: SitrepDatabase,
  target: SitrepPostgres,
  options: CopyOptions = {},
): Promise<CopiedTable[]> {
  if (!hasEveryMigration(source)) {
    throw new SitrepError(
      'BAD_USER_INPUT',
      `${source.file} was made by an older Sitrep; run \`sitrep migrate --db ${source.file}\` first, then copy it.`,
    );
  }
  const tables = tablesInCopyOrder();
  // One snapshot of the source for the whole copy (WAL lets a writer go on beside it).
  source.sqlite.exec('begin');
  let copying = false;
  try {
    return await target.sql.begin(async (tx) => {
      await refuseOccupied(tx, tables, target.url);
      copying = true;
      // Memory for the index builds after each table (the server's default, 64 MB, spills to disk).
      await tx`set local maintenance_work_mem = '256MB'`;
      const copied: CopiedTable[] = [];
      for (const table of tables) {
        const rows = await copyTable(source, tx, table);
        await checkCount(source, tx, table, rows);
        if (table.identity) await restartIdentity(tx, table.name, table.identity);
        copied.push({ table: table.name, rows });
        options.onTable?.({ table: table.name, rows });
      }
      for (const table of tables) await tx`alter table ${tx(table.name)} enable trigger user`;
      // Statistics for the planner now, not when autovacuum comes round: with none, PostgreSQL
      // guesses, and a hover on the busiest entity took 20 ms instead of a few (large scale).
      await tx`analyze ${tx(tables.map((t) => t.name))}`;
      await tx`select pg_notify(${CHANGES_CHANNEL}, '')`;
      return copied;
    });
  } catch (error) {
    const explained = explainPostgresError(error, target.url);
    if (!copying) throw explained;
    // Whatever failed, the user's question is what became of the target: nothing.
    const message = `${(explained as Error).message.replace(/\.?$/, '.')} Nothing was copied: the transaction was rolled back.`;
    throw explained instanceof SitrepError
      ? new SitrepError(explained.code, message, explained.details)
      : new Error(message, { cause: error });
  } finally {
    source.sqlite.exec('commit');
  }
}

/**
 * Locks every table until the commit, then refuses a target in which any holds a row: the copy
 * keeps ids, and they would collide with the rows there. The strongest lock, taken at once: the
 * ALTER TABLEs below need it, and taking it table by table later could deadlock with a reader
 * that holds one table and waits for another.
 */
async function refuseOccupied(tx: postgres.TransactionSql, tables: readonly CopiedTableShape[], shown: string) {
  const names = tables.map((t) => t.name);
  await tx`lock table ${tx(names)} in access exclusive mode`;
  const occupied: string[] = [];
  for (const name of names) {
    const [row] = await tx<{ some: boolean }[]>`select exists (select 1 from ${tx(name)}) as some`;
    if (row?.some) occupied.push(name);
  }
  if (occupied.length > 0) {
    throw new SitrepError(
      'BAD_USER_INPUT',
      `${shown} already holds data (in ${occupied.join(', ')}); copy into a new, empty database.`,
    );
  }
}

async function copyTable(source: SitrepDatabase, tx: postgres.TransactionSql, table: CopiedTableShape) {
  await tx`alter table ${tx(table.name)} disable trigger user`;
  const foreignKeys = await dropForeignKeys(tx, table.name);
  const indexes = await dropSecondaryIndexes(tx, table.name);
  const rows = await copyRows(source, tx, table);
  // The definitions are the server's own text (pg_indexes, pg_get_constraintdef), not ours nor the user's.
  for (const definition of indexes) await tx.unsafe(definition);
  for (const { name, definition } of foreignKeys) {
    await tx.unsafe(`alter table ${quoted(table.name)} add constraint ${quoted(name)} ${definition}`);
  }
  return rows;
}

/** The rows PostgreSQL now holds are the rows SQLite's snapshot holds: nothing lost or doubled on the way. */
async function checkCount(source: SitrepDatabase, tx: postgres.TransactionSql, table: CopiedTableShape, sent: number) {
  const inSource = source.sqlite.prepare(`select count(*) from "${table.name}"`).pluck().get() as number;
  const [row] = await tx<{ n: number }[]>`select count(*)::int as n from ${tx(table.name)}`;
  if (row?.n !== inSource || sent !== inSource) {
    throw new Error(
      `Copying ${table.name}: SQLite holds ${inSource} rows, ${sent} were sent, PostgreSQL holds ${row?.n}.`,
    );
  }
}

/** The next id handed out is one past the highest copied (1 for an empty table). */
async function restartIdentity(tx: postgres.TransactionSql, table: string, column: string) {
  await tx`select setval(pg_get_serial_sequence(${table}, ${column}), coalesce(max(${tx(column)}), 0) + 1, false)
    from ${tx(table)}`;
}
