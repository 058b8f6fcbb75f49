import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type postgres from 'postgres';
import type { SitrepDatabase } from '../database';
import type { CopiedTableShape } from './copy-tables';
import { copyChunks } from './copy-text';

/** Streams one table's rows from SQLite into PostgreSQL's COPY; gives how many it sent. */
export async function copyRows(source: SitrepDatabase, tx: postgres.TransactionSql, table: CopiedTableShape) {
  const names = table.columns.map((c) => c.name);
  // Identifiers from the schema, quoted; SQLite names its columns as PostgreSQL does (schema.mirrors-… test).
  const select = `select ${names.map((n) => `"${n}"`).join(', ')} from "${table.name}"`;
  // Safe integers: the fingerprint hashes and any id come back exact, as bigint.
  const rows = source.sqlite.prepare(select).raw(true).safeIntegers(true).iterate() as IterableIterator<unknown[]>;
  let count = 0;
  const chunks = copyChunks(
    rows,
    table.columns.map((c) => c.kind),
    () => (count += 1),
  );
  const copy = tx`copy ${tx(table.name)} (${tx(names)}) from stdin`;
  const refused = refusal(copy);
  await Promise.race([pipeline(Readable.from(chunks), await copy.writable()), refused]);
  return count;
}

/**
 * Rejects when the server refuses a COPY after its last row: a foreign key is checked at the end
 * of the statement. postgres.js 3.4 gives the stream before the copy ends and then reports that
 * error only to the query's `reject`, never to the stream, whose end then never comes (the pipeline
 * would wait for ever). An error met earlier reaches the stream as well; whichever comes first wins.
 */
function refusal(copy: postgres.PendingQuery<postgres.Row[]>): Promise<never> {
  // Not in postgres.js's types: the Query's own settle function, which its connection calls.
  const query = copy as unknown as { reject: (error: unknown) => void };
  return new Promise<never>((_, reject) => {
    const own = query.reject;
    query.reject = (error) => {
      reject(error);
      own(error);
    };
  });
}
