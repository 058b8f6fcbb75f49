import { randomUUID } from 'node:crypto';
import type { Writable } from 'node:stream';
import type { ExportSource } from '@sitrep/db';
import { type ExportCounts, writeLine } from './jsonl';
import type { ExportOptions } from './records';
import { StixRefs } from './stix-ids';
import { SITREP_IDENTITY, type StixObject } from './stix-common';
import { entityObject, outletObject } from './stix-entities';
import { groupingObject, noteObject, reportObject } from './stix-objects';

// Objects go out in chunks of about this many characters: one write per object cost more in
// stream bookkeeping than building the object did.
const CHUNK = 64 * 1024;

/**
 * The whole knowledge base as one STIX 2.1 bundle, from one snapshot: Sitrep's identity, then
 * entities and outlets (stix-entities.ts), then reports, notes and groupings (stix-objects.ts).
 * Written as it is read, one object a line inside the bundle's array, in chunks of about CHUNK, so
 * the bundle is never whole in memory; the bundle's own id is new each time (it names this
 * export), its objects' are stable.
 */
export function writeStixBundle(
  source: ExportSource,
  out: Writable,
  options: ExportOptions = {},
): Promise<ExportCounts> {
  return source.snapshot(async (reads) => {
    const counts: ExportCounts = { entity: 0, article: 0, claim: 0, statement: 0 };
    const refs = new StixRefs(await reads.installationIds());
    await writeLine(out, `{"type":"bundle","id":"bundle--${randomUUID()}","objects":[\n`);
    await writeLine(out, JSON.stringify(SITREP_IDENTITY));
    let pending = '';
    const write = async (object: StixObject) => {
      pending += `,\n${JSON.stringify(object)}`;
      if (pending.length >= CHUNK) {
        await writeLine(out, pending);
        pending = '';
      }
    };
    for await (const row of reads.entities()) {
      await write(entityObject(row, refs));
      counts.entity += 1;
    }
    for await (const outlet of reads.outlets()) await write(outletObject(outlet, refs));
    for await (const row of reads.articles(options.withText ?? false, true)) {
      await write(reportObject(row, refs));
      counts.article += 1;
    }
    for await (const row of reads.claims()) {
      await write(noteObject(row, refs));
      counts.claim += 1;
    }
    for await (const row of reads.statements(true)) {
      await write(groupingObject(row, refs));
      counts.statement += 1;
    }
    await writeLine(out, `${pending}\n]}\n`);
    return counts;
  });
}
