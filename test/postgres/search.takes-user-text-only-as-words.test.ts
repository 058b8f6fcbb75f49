import { type SitrepPostgres, countSearchHitsPg, openPostgres, searchTextPg, suggestNamesPg } from '@sitrep/db';
import { SitrepError } from '@sitrep/vocabulary';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresDatabase } from '../helpers/postgres';

const url = await postgresDatabase('the PostgreSQL search tests');
const page = { limit: 10, offset: 0 };

/**
 * tsquery's own syntax, SQL, quotes, FTS5's syntax and control characters, with how many rows hold
 * all of their words: as syntax, `!Hmeimim` would exclude the article and `base:*` match prefixes.
 */
const HOSTILE: Array<[string, number]> = [
  ["'); drop table claims; --", 0],
  ['Tartus & !Hmeimim | base:* <-> (', 1],
  ['Tartus & !Hmeimim | base:* <-> (x', 0],
  ['"quoted" OR * NEAR(a b) title:x ^y', 0],
  ["Tartus' \\' \\\\ $1 %s ${x}", 0],
  ['Tartus\u0000base', 1],
  ['Tartus \u202e\u200b base', 1],
];

describe.skipIf(!url)('PostgreSQL search', () => {
  let db: SitrepPostgres;
  beforeAll(async () => {
    db = await openPostgres(url!);
    const [article] = await db.sql<{ id: number }[]>`
      insert into articles (title, published_at, text, word_count, content_hash)
      values ('Russian ships leave Tartus', '2025-01-10',
              'Satellite images show Russian ships leaving the Tartus naval base while aircraft stay at Ḥmeimim.', 15, 'a1')
      returning id`;
    const [entity] = await db.sql<{ id: number }[]>`
      insert into entities (kind, name) values ('installation', 'Hmeimim Air Base') returning id`;
    await db.sql`insert into aliases (entity_id, name, normalized) values
      (${entity!.id}, 'Hmeimim Air Base', 'hmeimim air base'), (${entity!.id}, 'Hmeimim', 'hmeimim')`;
    await db.sql`
      insert into claims (article_id, quote, start, "end", source_text, stance, said_on)
      values (${article!.id}, 'The base remains operational', 0, 10, 'a Russian official', 'affirms', '2025-01-10')`;
  });
  afterAll(() => db?.close());

  it('finds all the words, folding case and diacritics, and highlights them', async () => {
    const hits = await searchTextPg(db, 'tartus NAVAL hmeimim', null, page);
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ kind: 'article' });
    expect(hits[0]!.snippet).toContain('**Tartus** **naval**');
    expect(hits[0]!.rank).toBeLessThan(0);
    expect(await countSearchHitsPg(db, 'russian', null)).toBe(2);
    expect(await countSearchHitsPg(db, 'russian', ['claim'])).toBe(1);
  });

  it.each(HOSTILE)('treats %j as words to find, never as syntax', async (text, matches) => {
    expect(await searchTextPg(db, text, null, page)).toHaveLength(matches);
    expect(await countSearchHitsPg(db, text, null)).toBe(matches);
    const [{ n } = { n: 0 }] = await db.sql<{ n: number }[]>`select count(*)::int as n from claims`;
    expect(n).toBe(1);
  });

  it('refuses text with no word in it before asking the server', async () => {
    await expect(searchTextPg(db, '& | ! <-> :*', null, page)).rejects.toThrow(SitrepError);
  });

  it('suggests the entity a misspelt name is closest to', async () => {
    const [best] = await suggestNamesPg(db, 'Khmeimim');
    expect(best).toMatchObject({ name: 'Hmeimim Air Base' });
    expect(await suggestNamesPg(db, "'); drop table aliases; --")).toEqual([]);
  });
});
