import { type IngestTarget, isBusy, writesOf } from '@sitrep/db';
import { SitrepError } from '@sitrep/vocabulary';
import { knowledgeOf } from './knowledge';
import {
  type ArticleInput,
  DuplicateArticle,
  type IngestResult,
  type PreparedArticle,
  prepareArticle,
  storeArticle,
} from './ingest-article';

export type ArticleOutcome =
  | { status: 'ingested'; result: IngestResult }
  | { status: 'skipped'; reason: string }
  /** `busy`: another process held the write lock; nothing was stored, and trying again later may work. */
  | { status: 'failed'; reason: string; busy?: true };

export interface GroupLimits {
  /** Articles per commit. Default 64. */
  articles: number;
  /** Milliseconds of work before a commit, so a slow group does not hold the write lock long. Default 250. */
  millis: number;
}

const DEFAULT_GROUP: GroupLimits = { articles: 64, millis: 250 };

function reasonOf(error: unknown): string {
  if (error instanceof SitrepError) return error.message;
  if (error instanceof TypeError && /encoded data|decode/i.test(error.message)) return 'not valid UTF-8 text';
  // Unexpected: keep the message (no stack) so the user can report it; the caller names the article.
  return `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
}

function outcomeOf(error: unknown): ArticleOutcome {
  if (error instanceof DuplicateArticle) return { status: 'skipped', reason: error.message };
  if (isBusy(error)) return { status: 'failed', reason: "another process holds the database's write lock", busy: true };
  return { status: 'failed', reason: reasonOf(error) };
}

/**
 * Ingests many articles with grouped commits. Each article is read and extracted outside any
 * transaction, then stored in its own savepoint inside a transaction shared by a group of
 * articles: committing once per group instead of once per article is what makes a large
 * ingest fast (each commit writes every touched index page to the WAL). An article that fails
 * rolls back alone; `onOutcome` hears of each article, in order, once its group has committed.
 */
export function ingestArticles(
  target: IngestTarget,
  sources: ReadonlyArray<() => ArticleInput>,
  onOutcome: (index: number, outcome: ArticleOutcome) => void,
  limits: GroupLimits = DEFAULT_GROUP,
): void {
  let group: Array<{ index: number; prepared?: PreparedArticle; outcome?: ArticleOutcome }> = [];
  // Every article of the batch is extracted with the names known when the batch began, so how
  // the articles fall into commit groups (by count and by time) never changes what is extracted;
  // names the batch adds are linked when each article is stored.
  const w = writesOf(target);
  const knowledge = knowledgeOf(w);
  let started = performance.now();
  const flush = () => {
    const pending = group;
    group = [];
    try {
      w.transaction(() => {
        for (const item of pending) {
          if (!item.prepared) continue;
          try {
            item.outcome = { status: 'ingested', result: storeArticle(w, item.prepared) };
          } catch (error) {
            item.outcome = outcomeOf(error);
          }
        }
      });
    } catch (error) {
      // The commit itself failed (disk full, say): nothing of the group landed.
      for (const item of pending) if (item.prepared) item.outcome = outcomeOf(error);
    }
    for (const item of pending) onOutcome(item.index, item.outcome!);
    started = performance.now();
  };
  sources.forEach((source, index) => {
    try {
      group.push({ index, prepared: prepareArticle(w, source(), knowledge) });
    } catch (error) {
      group.push({ index, outcome: outcomeOf(error) });
    }
    if (group.length >= limits.articles || performance.now() - started >= limits.millis) flush();
  });
  if (group.length > 0) flush();
}
