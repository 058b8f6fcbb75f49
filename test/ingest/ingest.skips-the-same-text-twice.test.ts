import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type SitrepDatabase, openDatabase } from '@sitrep/db';
import { SitrepError } from '@sitrep/vocabulary';
import { seedDemo } from '@sitrep/demo-data';
import { DuplicateArticle, type IngestResult, ingestArticle } from '@sitrep/ingest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Our own short report, with one new organisation so a second copy would show as a second entity.
const ARTICLE = `date 2025-02-11 TARTUS: Two Russian landing ships docked at the Tartus naval base on Sunday, according to satellite images reviewed by the Orlov Maritime Institute.

Kremlin spokesman Dmitry Peskov said no decision had been taken on the future of the Russian bases in Syria.
`;

const TABLES = ['articles', 'entities', 'aliases', 'mentions', 'claims', 'claim_about', 'articles_fts', 'claims_fts'];

const dir = mkdtempSync(join(tmpdir(), 'sitrep-ingest-'));
let db: SitrepDatabase;
let first: IngestResult;

const counts = () =>
  Object.fromEntries(
    TABLES.map((table) => [table, (db.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n]),
  );

/** What `work` throws; fails the test when it returns. */
function thrownBy(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error('expected it to throw');
}

beforeAll(() => {
  db = openDatabase(join(dir, 'sitrep.db'));
  seedDemo(db);
  first = ingestArticle(db, { text: ARTICLE, file: 'orlov.txt' });
});

afterAll(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('ingesting the same text twice', () => {
  it('throws DuplicateArticle (CONFLICT) naming the stored article, and writes nothing', () => {
    expect(first.createdEntities.map((e) => e.name)).toContain('Orlov Maritime Institute');
    const before = counts();

    const error = thrownBy(() => ingestArticle(db, { text: ARTICLE, file: 'orlov-again.txt' }));
    expect(error).toBeInstanceOf(DuplicateArticle);
    expect(error).toBeInstanceOf(SitrepError);
    const duplicate = error as DuplicateArticle;
    expect(duplicate.code).toBe('CONFLICT');
    expect(duplicate.existing.id).toBe(first.article.id);
    expect(duplicate.details).toEqual({ articleId: first.article.id });
    expect(duplicate.message).toContain(first.article.title);

    expect(counts()).toEqual(before);
  });

  it('recognises the text whatever title, outlet or date comes with it', () => {
    const before = counts();
    const error = thrownBy(() =>
      ingestArticle(db, {
        text: ARTICLE,
        title: 'Another headline',
        outlet: 'Another outlet',
        publishedAt: '2025-02-12',
      }),
    );
    expect(error).toBeInstanceOf(DuplicateArticle);
    expect(counts()).toEqual(before);
  });

  it('takes a text that differs by one character as a new article, linking to what the first one created', () => {
    const before = counts();
    const changed = ARTICLE.replace('Two Russian landing ships', 'Two Russian landing ship');
    expect(changed.length).toBe(ARTICLE.length - 1);

    const second = ingestArticle(db, { text: changed });
    expect(second.article.id).not.toBe(first.article.id);
    expect(second.article.contentHash).not.toBe(first.article.contentHash);
    expect(second.claims).toHaveLength(first.claims.length);
    // The institute the first copy introduced is known now: nothing is created twice.
    expect(second.createdEntities).toEqual([]);

    const after = counts();
    expect(after.articles).toBe(before.articles! + 1);
    expect(after.entities).toBe(before.entities);
    expect(after.claims).toBe(before.claims! + first.claims.length);
    expect(after.mentions).toBe(before.mentions! + second.mentions);
  });
});
