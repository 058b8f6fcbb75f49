import type { ColumnKind } from './copy-tables';

/*
 * Rows in COPY's text format: columns separated by tabs, rows ended by newlines, NULL as \N, and
 * backslash, tab, newline and carriage return escaped in values. The values travel as data on the
 * COPY stream, never as SQL text.
 */

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
// Two regexes: test() on a /g one keeps a lastIndex between calls and would skip matches.
const HAS_SPECIAL = /[\\\t\n\r]/;
const SPECIAL = /[\\\t\n\r]/g;

const escapeText = (value: string): string =>
  HAS_SPECIAL.test(value) ? value.replace(SPECIAL, (c) => ESCAPES[c]!) : value;

/** One SQLite value (read with safe integers: bigint for INTEGER) as COPY text for a column of this kind. */
export function copyValue(value: unknown, kind: ColumnKind): string {
  if (value === null || value === undefined) return '\\N';
  // SQLite keeps booleans as 0/1 integers.
  if (kind === 'boolean') return value === 1n || value === 1 ? 't' : 'f';
  if (typeof value === 'string') return escapeText(value);
  if (typeof value === 'bigint' || typeof value === 'number') return String(value);
  // A BLOB in a Sitrep table is a damaged row: the COPY fails on it, and the transaction with it.
  return escapeText(String(value));
}

/**
 * Groups rows into chunks of about `chunkChars` characters: one write per row would cost a stream
 * round for each of a million claims.
 */
export function* copyChunks(
  rows: Iterable<unknown[]>,
  kinds: readonly ColumnKind[],
  onRow: () => void,
  chunkChars = 256 * 1024,
): Generator<string> {
  let chunk = '';
  for (const row of rows) {
    let line = '';
    for (let i = 0; i < kinds.length; i++) {
      if (i > 0) line += '\t';
      line += copyValue(row[i], kinds[i]!);
    }
    chunk += `${line}\n`;
    onRow();
    if (chunk.length >= chunkChars) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk.length > 0) yield chunk;
}
