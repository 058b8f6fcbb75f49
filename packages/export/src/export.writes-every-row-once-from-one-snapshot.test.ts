import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { type SitrepDatabase, createArticle, openDatabase, sqliteExportSource } from '@sitrep/db';
import { seedDemo } from '@sitrep/demo-data';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { CSV_COLUMNS, CSV_FILES } from './csv';
import { type ExportRecord, RECORD_TYPES, writeCsvFiles, writeJsonLines } from './index';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = join(dir, 'kb.db');
const db = openDatabase(file);
seedDemo(db);

const count = (d: SitrepDatabase, table: string) =>
  (d.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

async function jsonLines(d: SitrepDatabase, withText = false): Promise<ExportRecord[]> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await writeJsonLines(sqliteExportSource(d), out, { withText });
  out.end();
  return Buffer.concat(chunks)
    .toString('utf8')
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as ExportRecord);
}

describe('export', () => {
  it('writes every entity, article, claim and statement once, in that order, with names beside ids', async () => {
    const records = await jsonLines(db);
    const types = records.map((r) => r.type);
    expect(types).toEqual([...types].sort((a, b) => RECORD_TYPES.indexOf(a) - RECORD_TYPES.indexOf(b)));
    for (const [type, table] of [
      ['entity', 'entities'],
      ['article', 'articles'],
      ['claim', 'claims'],
      ['statement', 'statements'],
    ] as const)
      expect(records.filter((r) => r.type === type).length, table).toBe(count(db, table));

    const claims = records.flatMap((r) => (r.type === 'claim' ? [r] : []));
    const about = db.sqlite
      .prepare<[], { claimId: number; entityId: number }>(
        'select claim_id as claimId, entity_id as entityId from claim_about',
      )
      .all();
    expect(claims.flatMap((c) => c.about.map((a) => ({ claimId: c.id, entityId: a.entityId }))).length).toBe(
      about.length,
    );
    const sourced = claims.find((c) => c.source?.actor != null)!;
    expect(sourced.source!.actorId).toBeTypeOf('number');
    // The quote is the article's text at its span: what a notebook needs to show it in context.
    const article = db.sqlite
      .prepare('select text from articles where id = ?')
      .pluck()
      .get(sourced.articleId) as string;
    expect(article.slice(...sourced.span)).toBe(sourced.quote);
    const contested = records.find((r) => r.type === 'statement' && r.contested);
    expect(contested).toMatchObject({ conflicts: [expect.objectContaining({ why: expect.any(String) })] });
    expect(records.some((r) => r.type === 'article' && 'text' in r)).toBe(false);
    expect((await jsonLines(db, true)).filter((r) => r.type === 'article').every((r) => 'text' in r)).toBe(true);
  });

  it('writes CSV that reads back to the same rows, quotes with commas and line breaks intact', async () => {
    const folder = join(dir, 'csv');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(folder);
    const counts = await writeCsvFiles(sqliteExportSource(db), folder);
    const records = await jsonLines(db);
    for (const type of RECORD_TYPES) {
      const rows = parse(readFileSync(join(folder, CSV_FILES[type]), 'utf8'), { columns: true }) as Array<
        Record<string, string>
      >;
      expect(rows.length, type).toBe(counts[type]);
      expect(Object.keys(rows[0]!)).toEqual(CSV_COLUMNS[type]);
    }
    const claims = parse(readFileSync(join(folder, 'claims.csv'), 'utf8'), { columns: true }) as Array<
      Record<string, string>
    >;
    const quotes = records.flatMap((r) => (r.type === 'claim' ? [r.quote] : []));
    expect(claims.map((c) => c.quote)).toEqual(quotes);
    expect(quotes.some((q) => q.includes(','))).toBe(true);
    // A second export into the same folder would mix two moments: refused, nothing overwritten.
    await expect(writeCsvFiles(sqliteExportSource(db), folder)).rejects.toThrow(/EEXIST/);
  });

  it('reads one moment: an article stored while a slow reader holds the export back is not in it', async () => {
    const before = count(db, 'articles');
    const reader = openDatabase(file);
    const writer = openDatabase(file);
    let stored = false;
    const lines: string[] = [];
    // Asks to wait after each line: the export pauses mid-way, and the article is stored then.
    const slow = new Writable({
      highWaterMark: 1,
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString('utf8'));
        if (!stored && lines.length === 5) {
          createArticle(writer, {
            title: 'Written during the export',
            publishedAt: '2025-03-01',
            dateline: null,
            outlet: 'Test wire',
            url: null,
            text: 'A made-up note, stored while an export reads.',
          });
          stored = true;
        }
        setImmediate(done);
      },
    });
    await writeJsonLines(sqliteExportSource(reader), slow);
    expect(stored).toBe(true);
    expect(count(writer, 'articles')).toBe(before + 1);
    expect(lines.filter((l) => l.startsWith('{"type":"article"')).length).toBe(before);
    reader.close();
    writer.close();
  });
});
