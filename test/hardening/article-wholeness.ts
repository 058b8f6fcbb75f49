import { contentHash, findEntityByAlias, openDatabase } from '@sitrep/db';
import { expect } from 'vitest';
import type { Acknowledged } from './ingest-client';
import type { ExpectedRows, WireArticle } from './wire-articles';

/**
 * Opens the database file as the next server start would (replaying the WAL), and proves it
 * sound: SQLite's integrity and foreign-key checks pass, and every article is wholly there (its
 * row, mentions, claims, claim subjects and new entities, as the server acknowledged them) or
 * wholly absent (nothing of it, not even an entity it would have created).
 *
 * @returns the indexes of the articles that are there.
 */
export function expectWholeOrAbsent(
  file: string,
  articles: readonly WireArticle[],
  expected: readonly ExpectedRows[],
  acknowledged: ReadonlyMap<number, Acknowledged>,
): Set<number> {
  const db = openDatabase(file, { migrate: false });
  const present = new Set<number>();
  try {
    expect(db.sqlite.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    expect(db.sqlite.pragma('foreign_key_check')).toEqual([]);
    const count = (sql: string, id: number) => (db.sqlite.prepare(sql).get(id) as { n: number }).n;
    articles.forEach(({ text }, n) => {
      const row = db.sqlite.prepare('select id from articles where content_hash = ?').get(contentHash(text)) as
        { id: number } | undefined;
      const entities = expected[n]!.created.map((name) => findEntityByAlias(db, name));
      if (!row) {
        expect(acknowledged.has(n), `article ${n} was acknowledged but is missing`).toBe(false);
        expect(entities.filter(Boolean), `entities of absent article ${n}`).toEqual([]);
        return;
      }
      present.add(n);
      const rows = {
        mentions: count('select count(*) n from mentions where article_id = ?', row.id),
        claims: count('select count(*) n from claims where article_id = ?', row.id),
        about: count(
          'select count(*) n from claim_about where claim_id in (select id from claims where article_id = ?)',
          row.id,
        ),
      };
      const { created, ...counts } = expected[n]!;
      expect(rows, `rows of article ${n}`).toEqual(counts);
      expect(entities.every(Boolean), `entities of article ${n}: ${created.join(', ')}`).toBe(true);
      const stored = acknowledged.get(n);
      if (stored) {
        expect(row.id).toBe(stored.article);
        const claimIds = db.sqlite.prepare('select id from claims where article_id = ? order by id').all(row.id);
        expect(claimIds.map((c) => (c as { id: number }).id)).toEqual([...stored.claims].sort((a, b) => a - b));
        expect(entities.map((e) => e!.id).sort()).toEqual([...stored.created].sort());
        expect({ mentions: stored.mentions, about: stored.about }).toEqual({
          mentions: rows.mentions,
          about: rows.about,
        });
      }
    });
  } finally {
    db.close();
  }
  return present;
}
