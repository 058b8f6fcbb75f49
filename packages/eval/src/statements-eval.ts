import type { Extraction } from '@sitrep/extract';
import type { CorpusArticle } from './gold';
import type { Mode } from './modes';
import { type StoredGrouping, ingestCorpus } from './statements-db';
import type { StatementsGold } from './statements-gold';
import { groupArticles } from './statements-run';
import { type StatementScore, scoreStatements } from './statements-score';

/**
 * What ships: ingests the annotated articles into a fresh database (after the demo knowledge base
 * in mode `demo`), matches the stored claims to the gold claims by their spans, and scores the
 * statements and conflicts ingest stored.
 */
export function evaluateStatements(
  articles: readonly CorpusArticle[],
  mode: Mode,
  gold: StatementsGold,
): { score: StatementScore; stored: StoredGrouping } {
  const stored = ingestCorpus(articles, mode);
  return { score: scoreStatements(stored.articles, stored.grouping, gold), stored };
}

/** The library alone: every article's extracted claims given to one in-memory StatementGrouper (publication order). */
export function evaluateGrouper(
  extracted: ReadonlyArray<{ article: CorpusArticle; extraction: Extraction }>,
  gold: StatementsGold,
): StatementScore {
  const articles = extracted.map(({ article, extraction }) => ({
    file: article.file,
    extraction,
    gold: article.gold,
    published: article.gold.published,
  }));
  return scoreStatements(articles, groupArticles(articles, gold.copies), gold);
}
