import { PassThrough } from 'node:stream';
import type { SitrepDatabase } from '@sitrep/db';
import type { ExportOptions } from './records';
import { writeStixBundle } from './stix';
import type { StixObject } from './stix-objects';

export interface StixBundle {
  type: string;
  id: string;
  objects: StixObject[];
}

/** The bundle an export writes, read back whole: fine for the demo data a test exports. */
export async function exportedBundle(db: SitrepDatabase, options: ExportOptions = {}): Promise<StixBundle> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await writeStixBundle(db, out, options);
  out.end();
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as StixBundle;
}
