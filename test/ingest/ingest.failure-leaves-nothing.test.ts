import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type SitrepDatabase, findEntityByAlias, openDatabase } from '@sitrep/db';
import { seedDemo } from '@sitrep/demo-data';
import { ingestArticle } from '@sitrep/ingest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Our own report: four claims, two organisations nobody knows yet. The trigger below refuses the
// third claim, after the article, its new entities, aliases, mentions and two claims were written.
const ARTICLE = `date 2025-04-20 DAMASCUS: Syria’s foreign minister Asaad al-Shaibani said on Saturday that the agreements on the Russian bases would be reviewed.

A spokeswoman for the Halvard Logistics Group said the company had moved its fuel tankers out of the Tartous naval base.

The Russian Defence Ministry denied that its aircraft had left the Hmeimim airbase.

Two Turkish officials said the talks were likely to resume in May.
`;
const THIRD_CLAIM = 'aircraft had left';

const TABLES = [
  'articles',
  'entities',
  'aliases',
  'mentions',
  'claims',
  'claim_about',
  'entity_sources',
  'entity_claim_stats',
  'articles_fts',
  'claims_fts',
  // The FTS5 shadow tables: one row per indexed document, so a stray index entry shows here.
  'articles_fts_docsize',
  'claims_fts_docsize',
];

const dir = mkdtempSync(join(tmpdir(), 'sitrep-ingest-'));
const statements: string[] = [];
let db: SitrepDatabase;

function snapshot() {
  const counts = Object.fromEntries(
    TABLES.map((table) => [table, (db.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n]),
  );
  // Autoincrement counters roll back too, so ids stay as if the attempt never happened.
  const sequences = db.sqlite.prepare('select name, seq from sqlite_sequence order by name').all();
  return { counts, sequences };
}

/** FTS5's own check that each index matches its content table; throws on a mismatch. */
function checkSearchIndexes() {
  db.sqlite.prepare("insert into articles_fts(articles_fts) values ('integrity-check')").run();
  db.sqlite.prepare("insert into claims_fts(claims_fts) values ('integrity-check')").run();
}

beforeAll(() => {
  db = openDatabase(join(dir, 'sitrep.db'), { onStatement: (sql) => statements.push(sql) });
  seedDemo(db);
});

afterAll(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a write that fails in the middle of an article', () => {
  it('throws and leaves every table, search index and id counter as it was', () => {
    db.sqlite.exec(`CREATE TRIGGER refuse_third_claim BEFORE INSERT ON claims
      WHEN new.quote LIKE '%${THIRD_CLAIM}%' BEGIN SELECT RAISE(ABORT, 'boom'); END`);
    const before = snapshot();
    statements.length = 0;

    expect(() => ingestArticle(db, { text: ARTICLE })).toThrow('boom');

    // The failure came late: the article, a new entity and the mentions had been written, and the
    // article's claims go in as one statement, which the trigger stops at its third row.
    const inserts = (table: string) =>
      statements.filter((sql) => new RegExp(`^insert into "?${table}"? `).test(sql)).length;
    expect(inserts('articles')).toBe(1);
    expect(inserts('entities')).toBeGreaterThanOrEqual(1);
    expect(inserts('mentions')).toBe(1);
    expect(inserts('claims')).toBe(1);

    expect(snapshot()).toEqual(before);
    expect(findEntityByAlias(db, 'Halvard Logistics Group')).toBeUndefined();
    expect(db.sqlite.inTransaction).toBe(false);
    checkSearchIndexes();
  });

  it('takes the same article once the cause is gone', () => {
    db.sqlite.exec('DROP TRIGGER refuse_third_claim');
    const before = snapshot().counts;

    const result = ingestArticle(db, { text: ARTICLE });

    expect(result.claims.map((c) => c.quote)).toEqual(expect.arrayContaining([expect.stringContaining(THIRD_CLAIM)]));
    expect(result.claims.length).toBeGreaterThanOrEqual(4);
    expect(result.createdEntities.map((e) => e.name)).toContain('Halvard Logistics Group');
    const after = snapshot().counts;
    expect(after.articles).toBe(before.articles! + 1);
    expect(after.claims).toBe(before.claims! + result.claims.length);
    expect(after.mentions).toBe(before.mentions! + result.mentions);
    expect(after.entities).toBe(before.entities! + result.createdEntities.length);
    expect(after.articles_fts_docsize).toBe(before.articles_fts_docsize! + 1);
    expect(after.claims_fts_docsize).toBe(before.claims_fts_docsize! + result.claims.length);
    checkSearchIndexes();
    const found = db.sqlite.prepare(`select rowid from articles_fts where articles_fts match '"Halvard"'`).all();
    expect(found).toEqual([{ rowid: result.article.id }]);
  });
});
