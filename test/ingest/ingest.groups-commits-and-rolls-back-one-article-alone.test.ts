import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type SitrepDatabase, openDatabase } from '@sitrep/db';
import { seedDemo } from '@sitrep/demo-data';
import { type ArticleOutcome, ingestArticles } from '@sitrep/ingest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Our own short reports; the third carries a quote the trigger below refuses.
const report = (day: number, body: string) => `date 2025-03-${String(day).padStart(2, '0')} LATAKIA: ${body}\n`;
const REPORTS = [
  report(1, 'Port officials said two cargo ships left the Latakia harbour on Monday.'),
  report(2, 'A spokesman for the Vessel Monitoring Bureau said the tankers were idle near Tartus.'),
  report(3, 'Residents said the convoy refused to stop at the checkpoint near Hmeimim.'),
  report(4, 'The Russian Defence Ministry said its aircraft remained at the Hmeimim airbase.'),
];

const dir = mkdtempSync(join(tmpdir(), 'sitrep-ingest-group-'));
let db: SitrepDatabase;
let observer: SitrepDatabase;

beforeAll(() => {
  db = openDatabase(join(dir, 'sitrep.db'));
  seedDemo(db);
  // A second connection sees only what has been committed.
  observer = openDatabase(join(dir, 'sitrep.db'));
  db.sqlite.exec(`CREATE TRIGGER refuse_convoy BEFORE INSERT ON claims
    WHEN new.quote LIKE '%convoy refused%' BEGIN SELECT RAISE(ABORT, 'refused by test'); END`);
});

afterAll(() => {
  observer?.close();
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

const stored = (text: string) => observer.sqlite.prepare('select count(*) as n from articles where text = ?').get(text);

describe('ingestArticles', () => {
  it('stores each article alone, reports in order and only once its group has committed', () => {
    const heard: Array<{ index: number; status: ArticleOutcome['status']; visible: unknown }> = [];
    const texts = [...REPORTS, REPORTS[0]!, 'date 2025-03-09 nowhere'];
    ingestArticles(
      db,
      texts.map((text) => () => ({ text, file: 'report.txt' })),
      (index, outcome) => heard.push({ index, status: outcome.status, visible: stored(texts[index]!) }),
      { articles: 3, millis: 60_000 },
    );
    expect(heard.map((h) => [h.index, h.status])).toEqual([
      [0, 'ingested'],
      [1, 'ingested'],
      [2, 'failed'],
      [3, 'ingested'],
      [4, 'skipped'],
      [5, 'failed'],
    ]);
    // Each success was already committed when it was reported; the refused article left nothing.
    for (const h of heard) expect(h.visible).toEqual({ n: h.status === 'failed' ? 0 : 1 });
    const refused = observer.sqlite.prepare("select count(*) as n from claims where quote like '%convoy%'").get();
    expect(refused).toEqual({ n: 0 });
    expect(db.sqlite.inTransaction).toBe(false);
  });
});
