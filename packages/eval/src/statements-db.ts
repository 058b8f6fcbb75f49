import type { ClaimFacts, TermWeights } from '@sitrep/corroborate';
import { type ClaimRow, type SitrepDatabase, entitiesByIds, listClaims, openDatabase } from '@sitrep/db';
import { seedDemo } from '@sitrep/demo-data';
import { ingestArticle, readStored, weightsFor } from '@sitrep/ingest';
import type { CorpusArticle } from './gold';
import type { Mode } from './modes';
import type { ExplainableGrouping } from './statements-explain';
import type { ScoredClaims } from './statements-score';

/** What ingest stored of the corpus, as the statement scores and their explanation read it. */
export interface StoredGrouping {
  /** Each annotated article with the claims ingest stored for it (their spans are into its text). */
  articles: Array<ScoredClaims<ClaimRow>>;
  grouping: ExplainableGrouping<ClaimRow>;
}

/** Publication order, as ingest would meet them (then file name, so the order never depends on chance). */
const byPublication = (x: CorpusArticle, y: CorpusArticle) =>
  (x.gold.published ?? '').localeCompare(y.gold.published ?? '') || x.file.localeCompare(y.file);

/**
 * Ingests the annotated articles into a fresh in-memory database in publication order, through
 * `ingestArticle` (the product's path: extraction with the database's names, entity linking,
 * copies, grouping into statements and contradictions inside the ingest transaction), after the
 * demo knowledge base in mode `demo`, and reads back where each stored claim ended up and the
 * stored conflicts.
 */
export function ingestCorpus(articles: readonly CorpusArticle[], mode: Mode): StoredGrouping {
  const db = openDatabase(':memory:');
  try {
    if (mode === 'demo') seedDemo(db);
    const ingested = [...articles].sort(byPublication).map((article) => ({
      article,
      id: ingestArticle(db, { text: article.text, title: article.title, outlet: article.outlet, file: article.file })
        .article.id,
    }));
    return readGrouping(db, ingested);
  } finally {
    db.sqlite.close();
  }
}

function readGrouping(db: SitrepDatabase, ingested: ReadonlyArray<{ article: CorpusArticle; id: number }>) {
  const all = { limit: 1_000_000, offset: 0 };
  // Read again now: a later article may have merged the statement a claim was first placed in.
  const stored = ingested.map(({ article, id }) => ({
    article,
    claims: listClaims(db, { articleId: id }, all, 'position'),
  }));
  const rows = stored.flatMap((a) => a.claims);
  const statementOf = new Map(
    rows.flatMap((c) => (c.statementId == null ? [] : [[c, String(c.statementId)] as const])),
  );
  const conflicts = db.sqlite
    .prepare<[], { a: number; b: number; why: string }>(
      'select statement_id as a, other_id as b, why from statement_conflicts where statement_id < other_id order by a, b',
    )
    .all();
  const read = readStored(db, rows);
  const factsOf = new Map<ClaimRow, ClaimFacts>(rows.map((c) => [c, read.get(c.id)!.facts]));
  const weights: TermWeights = weightsFor(db);
  const entityIds = [...new Set([...factsOf.values()].flatMap((f) => [...f.about, f.source?.actor ?? []].flat()))];
  const names = new Map(entitiesByIds(db, entityIds.map(Number)).map((e) => [String(e.id), e.name]));
  return {
    articles: stored.map(({ article, claims }) => ({ file: article.file, extraction: { claims }, gold: article.gold })),
    grouping: {
      statementOf,
      contradictions: conflicts.map((c) => ({
        statements: [String(c.a), String(c.b)] as const,
        why: c.why,
      })),
      factsOf,
      weights,
      nameOf: (key: string) => names.get(key) ?? key,
    },
  };
}
