import type postgres from 'postgres';

/*
 * What a bulk copy sets aside while it loads a table and puts back after it, inside its
 * transaction: a rollback puts everything back as well.
 */

/** An identifier from the catalog, quoted for SQL text the server wrote the rest of. */
export const quoted = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

/**
 * Drops the table's foreign keys and gives them back, to be added again once its rows are in:
 * adding one checks every row in one join, where keeping it checks each row on its own (half the
 * copy's time). Its parents are copied before it, so a row that points nowhere still fails the copy.
 */
export async function dropForeignKeys(tx: postgres.TransactionSql, table: string) {
  const keys = await tx<{ name: string; definition: string }[]>`
    select conname as name, pg_get_constraintdef(oid) as definition from pg_constraint
     where conrelid = ${table}::regclass and contype = 'f'`;
  for (const { name } of keys) await tx`alter table ${tx(table)} drop constraint ${tx(name)}`;
  return keys;
}

/**
 * Drops the table's indexes that back no constraint and gives their definitions back: building an
 * index once over the copied rows is much faster than keeping it row by row, above all the GIN
 * search indexes. Primary keys stay (foreign keys need them). Inside the transaction, as all else.
 */
export async function dropSecondaryIndexes(tx: postgres.TransactionSql, table: string): Promise<string[]> {
  const indexes = await tx<{ name: string; definition: string }[]>`
    select indexname as name, indexdef as definition from pg_indexes
     where schemaname = current_schema() and tablename = ${table}
       and indexname not in (select conname from pg_constraint where conrelid = ${table}::regclass)`;
  for (const { name } of indexes) await tx`drop index ${tx(name)}`;
  return indexes.map((index) => index.definition);
}
