import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SitrepDatabase, inTransaction, openDatabase } from '../database';
import { type SearchKind, SitrepError } from '@sitrep/vocabulary';
import { createArticle } from './articles';
import { createClaims } from './claims';
import { HIGHLIGHT, RANKED_MATCHES_PER_KIND, type SearchHit, countSearchHits, searchText, toFtsQuery } from './search';

let dir: string;
let db: SitrepDatabase;

const ARTICLES = 90;
/** Small enough that "convoy" (in every article and most claims) overflows it for both kinds. */
const RANKED = 20;

/** Texts of many lengths with "convoy" 0–3 times, so that bm25 tells them apart. */
function write(): void {
  const filler = ['the road was closed', 'trucks were seen near the port', 'officials declined to comment'];
  inTransaction(db, () => {
    for (let n = 0; n < ARTICLES; n += 1) {
      const quotes = [
        `a convoy of ${n} trucks left the base`,
        `${'convoy '.repeat(n % 4)}sightings were reported on day ${n}`.trim(),
        n % 9 === 0 ? `a rare sandstorm hid the convoy` : `${filler[n % 3]} again`,
      ];
      const text = [`Report ${n}.`, ...quotes, ...filler.slice(0, n % 4), `End of report ${n}.`].join(' ');
      const article = createArticle(db, { title: `Report ${n}`, publishedAt: '2025-03-01', text });
      createClaims(
        db,
        quotes.map((quote) => ({ articleId: article.id, quote, stance: 'affirms' as const })),
      );
    }
  });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-search-'));
  db = openDatabase(join(dir, 'search.db'));
  write();
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The straightforward query: every match ranked, with its snippet, in one statement. */
function reference(text: string, kinds: readonly SearchKind[]): SearchHit[] {
  const arm = (kind: SearchKind) => {
    const table = kind === 'article' ? 'articles_fts' : 'claims_fts';
    return `select '${kind}' as kind, rowid as id, rank,
        snippet(${table}, -1, '${HIGHLIGHT.open}', '${HIGHLIGHT.close}', '${HIGHLIGHT.ellipsis}', 16) as snippet
      from ${table} where ${table} match @q`;
  };
  return db.sqlite
    .prepare<{ q: string }, SearchHit>(`${kinds.map(arm).join(' union all ')} order by rank, kind, id`)
    .all({ q: toFtsQuery(text) });
}

/** What the API promises: each kind's newest `ranked` matches best first, then the rest by kind, newest first. */
function expected(text: string, kinds: readonly SearchKind[], ranked: number): SearchHit[] {
  const all = reference(text, kinds);
  const newest = new Set(
    kinds.flatMap((kind) =>
      all
        .filter((h) => h.kind === kind)
        .map((h) => h.id)
        .sort((a, b) => b - a)
        .slice(0, ranked)
        .map((id) => `${kind}:${id}`),
    ),
  );
  const isNewest = (h: SearchHit) => newest.has(`${h.kind}:${h.id}`);
  const older = all
    .filter((h) => !isNewest(h))
    .sort((a, b) => (a.kind === b.kind ? b.id - a.id : a.kind < b.kind ? -1 : 1));
  return [...all.filter(isNewest), ...older];
}

/** Reads the whole list page by page, the way a client following cursors does. */
function everyPage(text: string, kinds: SearchKind[], size: number, ranked?: number): SearchHit[] {
  const hits: SearchHit[] = [];
  for (let offset = 0; ; offset += size) {
    const page = searchText(db, text, kinds, { limit: size, offset }, { rankedPerKind: ranked });
    hits.push(...page);
    if (page.length < size) return hits;
  }
}

const BOTH: SearchKind[] = ['article', 'claim'];

describe('searchText', () => {
  it('has enough matches to overflow the ranked window of both kinds', () => {
    const all = reference('convoy', BOTH);
    expect(all.filter((h) => h.kind === 'article').length).toBe(ARTICLES);
    expect(all.filter((h) => h.kind === 'claim').length).toBeGreaterThan(ARTICLES + RANKED);
    expect(new Set(all.map((h) => h.rank)).size).toBeGreaterThan(10);
  });

  it('equals the straightforward query, snippets and scores included, while every match is ranked', () => {
    expect(RANKED_MATCHES_PER_KIND).toBeGreaterThan(3 * ARTICLES);
    for (const text of ['convoy', 'convoy trucks', 'sandstorm', 'convoy base day']) {
      const all = reference(text, BOTH);
      expect(all.length).toBeGreaterThan(0);
      expect(everyPage(text, BOTH, 7)).toEqual(all);
      expect(searchText(db, text, null, { limit: 1000, offset: 0 })).toEqual(all);
      expect(countSearchHits(db, text, null)).toBe(all.length);
    }
  });

  it('ranks only the newest matches of each kind, then lists the older ones, on any page size', () => {
    for (const kinds of [BOTH, ['claim'] as SearchKind[], ['article'] as SearchKind[]]) {
      const want = expected('convoy', kinds, RANKED);
      expect(want.length).toBeGreaterThan(RANKED * kinds.length);
      for (const size of [1, 6, 13, 40, 100]) {
        expect(everyPage('convoy', kinds, size, RANKED)).toEqual(want);
      }
      expect(countSearchHits(db, 'convoy', kinds)).toBe(want.length);
    }
  });

  it('reads a page straddling the ranked and the older matches, and pages past the end', () => {
    const want = expected('convoy', BOTH, RANKED);
    const boundary = 2 * RANKED;
    for (const [offset, limit] of [
      [boundary - 3, 7],
      [boundary - 1, 1],
      [boundary, 5],
      [want.length - 2, 10],
      [want.length, 10],
    ] as const) {
      const page = searchText(db, 'convoy', BOTH, { limit, offset }, { rankedPerKind: RANKED });
      expect(page).toEqual(want.slice(offset, offset + limit));
    }
  });

  it('gives every hit a snippet with the word highlighted', () => {
    const hits = everyPage('convoy', BOTH, 25, RANKED);
    expect(hits.length).toBe(countSearchHits(db, 'convoy', null));
    for (const hit of hits) expect(hit.snippet.toLowerCase()).toContain(`${HIGHLIGHT.open}convoy${HIGHLIGHT.close}`);
  });

  it('finds nothing, without an error, for a word no text has', () => {
    expect(searchText(db, 'zeppelin', null, { limit: 10, offset: 0 })).toEqual([]);
    expect(countSearchHits(db, 'zeppelin', null)).toBe(0);
  });

  it('refuses a kind of its own making instead of writing it into SQL', () => {
    const odd = ["claim' union select 1 --" as SearchKind];
    expect(() => searchText(db, 'convoy', odd, { limit: 10, offset: 0 })).toThrow(SitrepError);
    expect(() => countSearchHits(db, 'convoy', odd)).toThrow(SitrepError);
  });
});
