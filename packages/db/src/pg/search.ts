import { type SearchKind } from '@sitrep/vocabulary';
import type { Page } from '../page';
import type { SitrepPostgres } from '../postgres';
import { HIGHLIGHT, type SearchHit, kindsOf, searchWords } from '../queries/search';

/*
 * Full-text search on PostgreSQL, the twin of ../queries/search.ts. The user's words (the same
 * searchWords() as on SQLite: letters and digits only) reach the server as one bound parameter,
 * through plainto_tsquery: "all these words", never tsquery syntax (`&`, `|`, `!`, `<->`, `:*`).
 *
 * Where it differs from FTS5:
 * - rank is ts_rank_cd (cover density: how close together the words are, higher is better),
 *   negated so that, as with bm25, lower is better; it does not weigh a word by its rarity as bm25 does;
 * - snippets are ts_headline over the article's text or the claim's quote (FTS5's snippet picks the
 *   best column), at most SNIPPET_WORDS words around the best match;
 * - every match is ranked: the newest-10,000 window SQLite needs for very common words is not
 *   ported yet (issue 17 measures whether PostgreSQL needs one).
 */

const SNIPPET_WORDS = 16;

/** ts_headline's options: our own constants, still sent as a parameter like everything else. */
const HEADLINE_OPTIONS = [
  `StartSel=${HIGHLIGHT.open}`,
  `StopSel=${HIGHLIGHT.close}`,
  `MaxWords=${SNIPPET_WORDS}`,
  `MinWords=${SNIPPET_WORDS / 2}`,
  'MaxFragments=1',
  `FragmentDelimiter=${HIGHLIGHT.ellipsis}`,
].join(', ');

const wants = (kinds: readonly SearchKind[] | null | undefined) => {
  const chosen = kindsOf(kinds);
  return { articles: chosen.includes('article'), claims: chosen.includes('claim') };
};

/** A page of matches, best first, with snippets made for that page's rows only. */
export async function searchTextPg(
  db: SitrepPostgres,
  text: string,
  kinds: readonly SearchKind[] | null | undefined,
  page: Page,
): Promise<SearchHit[]> {
  const words = searchWords(text).join(' ');
  const { articles, claims } = wants(kinds);
  const rows = await db.sql<{ kind: SearchKind; id: number; rank: number; snippet: string }[]>`
    with q as (select plainto_tsquery('sitrep', ${words}) as q),
    hits as (
      select 'article' as kind, a.id, ts_rank_cd(a.search_vector, q.q) as score
        from articles a, q where ${articles} and a.search_vector @@ q.q
      union all
      select 'claim', c.id, ts_rank_cd(c.search_vector, q.q)
        from claims c, q where ${claims} and c.search_vector @@ q.q
    ),
    page as (select * from hits order by score desc, kind, id limit ${page.limit} offset ${page.offset})
    select p.kind, p.id, -p.score::float8 as rank,
           ts_headline('sitrep', coalesce(a.text, c.quote), q.q, ${HEADLINE_OPTIONS}) as snippet
      from page p cross join q
      left join articles a on p.kind = 'article' and a.id = p.id
      left join claims c on p.kind = 'claim' and c.id = p.id
     order by p.score desc, p.kind, p.id`;
  return rows;
}

/** How many articles and claims match. */
export async function countSearchHitsPg(
  db: SitrepPostgres,
  text: string,
  kinds: readonly SearchKind[] | null | undefined,
): Promise<number> {
  const words = searchWords(text).join(' ');
  const { articles, claims } = wants(kinds);
  const [row] = await db.sql<{ n: number }[]>`
    with q as (select plainto_tsquery('sitrep', ${words}) as q)
    select (case when ${articles} then (select count(*) from articles, q where search_vector @@ q.q) else 0 end
          + case when ${claims} then (select count(*) from claims, q where search_vector @@ q.q) else 0 end)::int as n`;
  return row?.n ?? 0;
}
