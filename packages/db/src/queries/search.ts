import type { SitrepDatabase } from '../database';
import { MAX_SEARCH_CHARS, SEARCH_KINDS, type SearchKind, SitrepError, refuseLongText } from '@sitrep/vocabulary';
import type { Page } from '../page';
import { preparedOnce } from '../prepared';

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
 * How many matches of one kind a search ranks: the most recently added ones. bm25 reads every
 * match it ranks (plus one pass over the word's doclist for its weight), so a word in a quarter
 * of a million claims cost 150–250 ms of CPU a search; 10,000 of each kind cost 15–35 ms. Older
 * matches are listed after the ranked ones, newest first.
 */
export const RANKED_MATCHES_PER_KIND = 10_000;

/**
 * The words of a user's search: runs of letters, digits and marks, nothing else. Refuses text
 * without one, too many words, or too long a text. Both back ends search for all of these words
 * (FTS5 through toFtsQuery, PostgreSQL through plainto_tsquery), so no user text is query syntax.
 */
export function searchWords(text: string): string[] {
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
  refuseLongText('search(query:)', text, MAX_SEARCH_CHARS);
  return tokens;
}

/**
 * Turns free text into an FTS5 query that means "all these words": every token is
 * quoted (inner quotes doubled), so `"`, `*`, AND, NEAR or `(` typed by a user are
 * words to find, never FTS5 syntax.
 */
export function toFtsQuery(text: string): string {
  return searchWords(text)
    .map((t) => `"${t.replaceAll('"', '""')}"`)
    .join(' ');
}

const SNIPPET_TOKENS = 16;

const FTS_TABLE: Record<SearchKind, string> = { article: 'articles_fts', claim: 'claims_fts' };

const snippetOf = (kind: SearchKind) =>
  `snippet(${FTS_TABLE[kind]}, -1, '${HIGHLIGHT.open}', '${HIGHLIGHT.close}', '${HIGHLIGHT.ellipsis}', ${SNIPPET_TOKENS})`;

/*
 * Every rowid bound below is written `cast(@x as integer)`: better-sqlite3 binds a JS number as a
 * REAL, and FTS5 ignores a rowid constraint that is not an INTEGER. It then scans every match
 * (for `rowid >= ?`, SQLite filters afterwards: right answer, no time saved) or, for `rowid = ?`,
 * returns every match as if the constraint held.
 */

/** The kinds to search, sorted; each becomes SQL text, so only our own two are let through. */
export function kindsOf(kinds: readonly SearchKind[] | null | undefined): SearchKind[] {
  const chosen = kinds && kinds.length > 0 ? [...new Set(kinds)] : [...SEARCH_KINDS];
  const unknown = chosen.find((kind) => !Object.hasOwn(FTS_TABLE, kind));
  if (unknown !== undefined) throw new SitrepError('BAD_USER_INPUT', `No search kind “${String(unknown)}”.`);
  return chosen.sort();
}

/** The ranked share of one kind's matches: those with `rowid >= bound`, `ranked` of them. */
interface RankedWindow {
  kind: SearchKind;
  bound: number;
  ranked: number;
}

/**
 * The newest `n` matches of one kind, read from the index newest first
 * (FTS5 walks its doclist by rowid without ranking anything), or null without a match.
 */
function rankedWindow(db: SitrepDatabase, kind: SearchKind, q: string, n: number): RankedWindow | null {
  const table = FTS_TABLE[kind];
  const row = preparedOnce(db, `search.window.${kind}`, () =>
    db.sqlite.prepare<{ q: string; n: number }, { bound: number | null; ranked: number }>(
      `select min(rowid) as bound, count(*) as ranked
       from (select rowid from ${table} where ${table} match @q order by rowid desc limit @n)`,
    ),
  ).get({ q, n });
  return row && row.bound !== null ? { kind, bound: row.bound, ranked: row.ranked } : null;
}

type Bounds = Partial<Record<`bound_${SearchKind}`, number>>;

const boundsOf = (windows: readonly RankedWindow[]): Bounds =>
  Object.fromEntries(windows.map((w) => [`bound_${w.kind}`, w.bound]));

const keyOf = (windows: readonly RankedWindow[]) => windows.map((w) => w.kind).join('+');

interface RankedRow {
  kind: SearchKind;
  id: number;
  rank: number;
}

/** A window of the ranked matches, best first: ids and ranks only, snippets come later. */
function rankedRows(db: SitrepDatabase, q: string, windows: readonly RankedWindow[], page: Page): RankedRow[] {
  const statement = preparedOnce(db, `search.ranked.${keyOf(windows)}`, () =>
    db.sqlite.prepare<Bounds & Page & { q: string }, RankedRow>(
      `${windows
        .map(
          ({ kind }) =>
            `select '${kind}' as kind, rowid as id, rank from ${FTS_TABLE[kind]}
             where ${FTS_TABLE[kind]} match @q and rowid >= cast(@bound_${kind} as integer)`,
        )
        .join(' union all ')}
       order by rank, kind, id limit @limit offset @offset`,
    ),
  );
  return statement.all({ q, ...boundsOf(windows), limit: page.limit, offset: page.offset });
}

/** A window of the matches older than the ranked ones: by kind, then newest first. */
function olderRows(
  db: SitrepDatabase,
  q: string,
  windows: readonly RankedWindow[],
  page: Page,
): Array<{ kind: SearchKind; id: number }> {
  const statement = preparedOnce(db, `search.older.${keyOf(windows)}`, () =>
    db.sqlite.prepare<Bounds & Page & { q: string }, { kind: SearchKind; id: number }>(
      `${windows
        .map(
          ({ kind }) =>
            `select '${kind}' as kind, rowid as id from ${FTS_TABLE[kind]}
             where ${FTS_TABLE[kind]} match @q and rowid < cast(@bound_${kind} as integer)`,
        )
        .join(' union all ')}
       order by kind, id desc limit @limit offset @offset`,
    ),
  );
  return statement.all({ q, ...boundsOf(windows), limit: page.limit, offset: page.offset });
}

/**
 * Snippets of some matches of one kind, by id, without ranking them (rank would read the whole
 * doclist again). The ids arrive as one JSON array, as integers (see the note on casts above).
 */
function snippetsByIds(db: SitrepDatabase, kind: SearchKind, q: string, ids: readonly number[]): Map<number, string> {
  const statement = preparedOnce(db, `search.snippets.${kind}`, () =>
    db.sqlite.prepare<{ q: string; ids: string }, { id: number; snippet: string }>(
      `select rowid as id, ${snippetOf(kind)} as snippet from ${FTS_TABLE[kind]}
       where ${FTS_TABLE[kind]} match @q and rowid in (select value from json_each(@ids))`,
    ),
  );
  return new Map(statement.all({ q, ids: JSON.stringify(ids) }).map((r) => [r.id, r.snippet]));
}

const kindsIn = (rows: ReadonlyArray<{ kind: SearchKind }>) => [...new Set(rows.map((r) => r.kind))];

const idsOf = (rows: ReadonlyArray<{ kind: SearchKind; id: number }>, kind: SearchKind) =>
  rows.filter((r) => r.kind === kind).map((r) => r.id);

/** Adds snippets to ranked rows, one statement per kind. */
function withSnippets(db: SitrepDatabase, q: string, rows: readonly RankedRow[]): SearchHit[] {
  const byKind = new Map(kindsIn(rows).map((kind) => [kind, snippetsByIds(db, kind, q, idsOf(rows, kind))]));
  return rows.map((r) => ({ ...r, snippet: byKind.get(r.kind)?.get(r.id) ?? '' }));
}

/**
 * Rank and snippet of the matches of one kind with rowids in [from, to]: an unranked page's rows
 * of one kind are consecutive matches, so one range holds exactly them, and bm25 reads only them.
 */
function scoredRange(
  db: SitrepDatabase,
  kind: SearchKind,
  q: string,
  from: number,
  to: number,
): Array<{ id: number; rank: number; snippet: string }> {
  const statement = preparedOnce(db, `search.range.${kind}`, () =>
    db.sqlite.prepare<{ q: string; from: number; to: number }, { id: number; rank: number; snippet: string }>(
      `select rowid as id, rank, ${snippetOf(kind)} as snippet from ${FTS_TABLE[kind]}
       where ${FTS_TABLE[kind]} match @q
         and rowid >= cast(@from as integer) and rowid <= cast(@to as integer)`,
    ),
  );
  return statement.all({ q, from, to });
}

/** Adds ranks and snippets to unranked rows, one statement per kind. */
function withScores(db: SitrepDatabase, q: string, rows: ReadonlyArray<{ kind: SearchKind; id: number }>): SearchHit[] {
  const found = new Map<string, SearchHit>();
  for (const kind of kindsIn(rows)) {
    const ids = idsOf(rows, kind);
    for (const hit of scoredRange(db, kind, q, Math.min(...ids), Math.max(...ids))) {
      found.set(`${kind}:${hit.id}`, { kind, ...hit });
    }
  }
  // The snapshot holds every row the page listed; flatMap only keeps the type honest.
  return rows.flatMap((r) => found.get(`${r.kind}:${r.id}`) ?? []);
}

export interface SearchOptions {
  /** How many of each kind's newest matches to rank (at least 1). Default `RANKED_MATCHES_PER_KIND`. */
  rankedPerKind?: number;
}

/**
 * Full-text search over article text and claim quotes: the newest `rankedPerKind` matches of
 * each kind best first (bm25), then any older matches by kind, newest first. Snippets are made
 * for the page's rows only.
 */
export function searchText(
  db: SitrepDatabase,
  text: string,
  kinds: readonly SearchKind[] | null | undefined,
  page: Page,
  options: SearchOptions = {},
): SearchHit[] {
  const q = toFtsQuery(text);
  const rankedPerKind = Math.max(1, Math.trunc(options.rankedPerKind ?? RANKED_MATCHES_PER_KIND));
  // One snapshot: the windows' bounds must still hold when the pages are read.
  return db.sqlite.transaction(() => {
    const windows = kindsOf(kinds).flatMap((kind) => rankedWindow(db, kind, q, rankedPerKind) ?? []);
    if (windows.length === 0 || page.limit <= 0) return [];
    const rankedTotal = windows.reduce((sum, w) => sum + w.ranked, 0);
    const hits = page.offset < rankedTotal ? withSnippets(db, q, rankedRows(db, q, windows, page)) : [];
    const left = page.limit - hits.length;
    // A window that is not full holds all of its kind's matches: nothing older to list.
    if (left > 0 && windows.some((w) => w.ranked === rankedPerKind)) {
      const older = olderRows(db, q, windows, { limit: left, offset: Math.max(0, page.offset - rankedTotal) });
      hits.push(...withScores(db, q, older));
    }
    return hits;
  })();
}

/** How many articles and claims match: every match, ranked or not (the doclist only, no bm25). */
export function countSearchHits(
  db: SitrepDatabase,
  text: string,
  kinds: readonly SearchKind[] | null | undefined,
): number {
  const q = toFtsQuery(text);
  const chosen = kindsOf(kinds);
  const statement = preparedOnce(db, `search.count.${chosen.join('+')}`, () =>
    db.sqlite
      .prepare<{ q: string }, number>(
        `select ${chosen
          .map((kind) => `(select count(*) from ${FTS_TABLE[kind]} where ${FTS_TABLE[kind]} match @q)`)
          .join(' + ')}`,
      )
      .pluck(),
  );
  return statement.get({ q }) ?? 0;
}
