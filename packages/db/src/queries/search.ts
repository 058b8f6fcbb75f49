import type { SitrepDatabase } from '../database';
import { SitrepError } from '../errors';
import type { Page } from '../page';

export type SearchKind = 'article' | 'claim';

export interface SearchHit {
  kind: SearchKind;
  id: number;
  /** Text around the match, matched terms between the `highlight` markers. */
  snippet: string;
  /** bm25 rank: lower is better. */
  rank: number;
}

export const HIGHLIGHT = { open: '**', close: '**', ellipsis: '…' } as const;

/** Most words one search may have: FTS5's time grows faster than the number of terms. */
export const MAX_SEARCH_WORDS = 32;

/**
 * Turns free text into an FTS5 query that means "all these words": every token is
 * quoted (inner quotes doubled), so `"`, `*`, AND, NEAR or `(` typed by a user are
 * words to find, never FTS5 syntax.
 */
export function toFtsQuery(text: string): string {
  const tokens = text.match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
  if (tokens.length === 0) {
    throw new SitrepError('BAD_USER_INPUT', 'A search needs at least one letter or digit.');
  }
  if (tokens.length > MAX_SEARCH_WORDS) {
    throw new SitrepError(
      'BAD_USER_INPUT',
      `A search takes at most ${MAX_SEARCH_WORDS} words, got ${tokens.length}: search for the rarest few.`,
      { limit: MAX_SEARCH_WORDS },
    );
  }
  return tokens.map((t) => `"${t.replaceAll('"', '""')}"`).join(' ');
}

const SNIPPET_TOKENS = 16;

const SUBQUERIES: Record<SearchKind, string> = {
  article: `select 'article' as kind, rowid as id, rank,
      snippet(articles_fts, -1, '${HIGHLIGHT.open}', '${HIGHLIGHT.close}', '${HIGHLIGHT.ellipsis}', ${SNIPPET_TOKENS}) as snippet
    from articles_fts where articles_fts match @q`,
  claim: `select 'claim' as kind, rowid as id, rank,
      snippet(claims_fts, -1, '${HIGHLIGHT.open}', '${HIGHLIGHT.close}', '${HIGHLIGHT.ellipsis}', ${SNIPPET_TOKENS}) as snippet
    from claims_fts where claims_fts match @q`,
};

function kindsOf(kinds: readonly SearchKind[] | null | undefined): SearchKind[] {
  const chosen = kinds && kinds.length > 0 ? [...new Set(kinds)] : (['article', 'claim'] as SearchKind[]);
  return chosen.sort();
}

/** Full-text search over article text and claim quotes, best first. */
export function searchText(
  db: SitrepDatabase,
  text: string,
  kinds: readonly SearchKind[] | null | undefined,
  page: Page,
): SearchHit[] {
  const q = toFtsQuery(text);
  const sql = `${kindsOf(kinds)
    .map((k) => SUBQUERIES[k])
    .join(' union all ')} order by rank, kind, id limit @limit offset @offset`;
  return db.sqlite.prepare(sql).all({ q, limit: page.limit, offset: page.offset }) as SearchHit[];
}

export function countSearchHits(
  db: SitrepDatabase,
  text: string,
  kinds: readonly SearchKind[] | null | undefined,
): number {
  const q = toFtsQuery(text);
  const counts: Record<SearchKind, string> = {
    article: 'select count(*) from articles_fts where articles_fts match @q',
    claim: 'select count(*) from claims_fts where claims_fts match @q',
  };
  const sql = `select ${kindsOf(kinds)
    .map((k) => `(${counts[k]})`)
    .join(' + ')} as n`;
  return (db.sqlite.prepare(sql).get({ q }) as { n: number }).n;
}
