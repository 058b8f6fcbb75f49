import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { ExportSource } from '@sitrep/db';
import { type ExportOptions, RECORD_TYPES, type RecordType, recordsOf } from './records';

export type ExportCounts = Record<RecordType, number>;

/** Writes, waiting whenever the stream asks to: a million claims never pile up in memory. */
export async function writeLine(out: Writable, line: string): Promise<void> {
  if (!out.write(line)) await once(out, 'drain');
}

/**
 * The whole knowledge base as JSON Lines: entities, articles, claims, then statements, one record
 * per line with its `type` (see records.ts), from one snapshot (SQLite's or PostgreSQL's: `source`).
 */
export function writeJsonLines(
  source: ExportSource,
  out: Writable,
  options: ExportOptions = {},
): Promise<ExportCounts> {
  return source.snapshot(async (reads) => {
    const counts: ExportCounts = { entity: 0, article: 0, claim: 0, statement: 0 };
    for (const type of RECORD_TYPES) {
      for await (const record of recordsOf(reads, type, options)) {
        await writeLine(out, `${JSON.stringify(record)}\n`);
        counts[type] += 1;
      }
    }
    return counts;
  });
}
