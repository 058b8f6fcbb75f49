import type { Extraction } from '@sitrep/extract';
import type { CorpusArticle } from './gold';
import type { StatementsGold } from './statements-gold';
import { groupArticles } from './statements-run';
import { type StatementScore, scoreStatements } from './statements-score';

/** Groups every article's extracted claims into statements (publication order) and scores them against the gold. */
export function evaluateStatements(
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
