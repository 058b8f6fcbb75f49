import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bulkLoad } from './bulk-load';
import { type SitrepDatabase, inTransaction, openDatabase } from './database';
import { createArticle } from './queries/articles';
import { createClaims } from './queries/claims';
import { createEntity } from './queries/entities';
import { createMention } from './queries/mentions';

let dir: string;
const open = (name: string) => openDatabase(join(dir, name));

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-bulk-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Our own small reports: a few entities, articles with mentions, claims from actors, words and outlets. */
function write(db: SitrepDatabase, from: number, count: number) {
  const [base, ministry] = ['Hmeimim Airbase', 'Ministry of Defence'].map(
    (name, i) =>
      (db.sqlite.prepare('select id from entities where name = ?').get(name) as { id: number } | undefined) ??
      createEntity(db, { kind: i === 0 ? 'installation' : 'actor', name }, [`${name.split(' ')[0]} alias`]),
  ) as [{ id: number }, { id: number }];
  for (let n = from; n < from + count; n += 1) {
    inTransaction(db, () => {
      const text = `Report ${n}: the ministry said aircraft left Hmeimim. Locals said the runway was quiet on day ${n}.`;
      const article = createArticle(db, {
        title: `Report ${n}`,
        publishedAt: `2025-03-${String((n % 28) + 1).padStart(2, '0')}`,
        outlet: n % 3 === 0 ? null : `Wire ${n % 3}`,
        text,
      });
      const at = text.indexOf('Hmeimim');
      createMention(db, text, { articleId: article.id, entityId: base.id, start: at, end: at + 7 });
      createClaims(db, [
        {
          articleId: article.id,
          quote: 'aircraft left Hmeimim',
          stance: 'affirms',
          source: { text: 'the ministry', actorId: ministry.id },
          about: [{ entityId: base.id }],
        },
        {
          articleId: article.id,
          quote: 'the runway was quiet',
          stance: n % 2 ? 'affirms' : 'denies',
          source: n % 4 ? { text: 'Locals' } : null,
          about: [{ entityId: base.id }, { entityId: ministry.id, role: 'object' }],
        },
      ]);
    });
  }
}

const TABLES = [
  'entities',
  'aliases',
  'articles',
  'mentions',
  'claims',
  'claim_about',
  'entity_sources',
  'entity_claim_stats',
];

function contents(db: SitrepDatabase) {
  const rows = Object.fromEntries(
    TABLES.map((t) => [t, db.sqlite.prepare(`select * from ${t} order by 1, 2`).all().map(withoutTimes)]),
  );
  const schema = db.sqlite.prepare('select type, name, sql from sqlite_master order by type, name').all();
  const search = db.sqlite
    .prepare(`select rowid from claims_fts where claims_fts match '"runway"' order by rowid`)
    .all();
  db.sqlite.prepare("insert into articles_fts(articles_fts) values ('integrity-check')").run();
  db.sqlite.prepare("insert into claims_fts(claims_fts) values ('integrity-check')").run();
  return { rows, schema, search };
}

function withoutTimes(row: unknown) {
  const { created_at: _created, ingested_at: _ingested, ...rest } = row as Record<string, unknown>;
  return rest;
}

describe('bulkLoad', () => {
  it('leaves the same rows, indexes, triggers, search index and counts as writing row by row', async () => {
    const rowByRow = open('rows.sqlite');
    const bulk = open('bulk.sqlite');
    try {
      write(rowByRow, 0, 10);
      write(bulk, 0, 10);
      write(rowByRow, 10, 30);
      const { figures } = await bulkLoad(bulk, () => write(bulk, 10, 30));
      expect(figures).toMatchObject({ articles: 30, claims: 60 });
      expect(contents(bulk)).toEqual(contents(rowByRow));
      // The triggers are back: a later ordinary write is counted and indexed as usual.
      write(rowByRow, 40, 2);
      write(bulk, 40, 2);
      expect(contents(bulk)).toEqual(contents(rowByRow));
    } finally {
      rowByRow.close();
      bulk.close();
    }
  });

  it('rolls back everything, indexes included, when the work fails', async () => {
    const db = open('fail.sqlite');
    try {
      write(db, 0, 5);
      const before = contents(db);
      await expect(
        bulkLoad(db, () => {
          write(db, 5, 5);
          throw new Error('disk full, say');
        }),
      ).rejects.toThrow('disk full, say');
      expect(db.sqlite.inTransaction).toBe(false);
      expect(contents(db)).toEqual(before);
    } finally {
      db.close();
    }
  });
});
