import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { type SitrepDatabase, openDatabase, sqliteExportSource } from '@sitrep/db';
import { seedDemo } from '@sitrep/demo-data';
import { afterAll } from 'vitest';
import type { ExportOptions } from './records';
import { writeStixBundle } from './stix';
import type { StixObject } from './stix-common';

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
  await writeStixBundle(sqliteExportSource(db), out, options);
  out.end();
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as StixBundle;
}

/** A real SQLite file with the demo data, in a folder removed after the test file. */
export function demoDatabase(prefix: string): SitrepDatabase {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const db = openDatabase(join(dir, 'kb.db'));
  seedDemo(db);
  return db;
}
