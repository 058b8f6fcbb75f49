import { type IngestTarget, writesOf } from '@sitrep/db';
import { MAX_ARTICLE_CHARS, refuseLongArticle } from '@sitrep/vocabulary';
import type { GivenMetadata } from '../article-file';
import {
  type FileOutcome,
  type IngestSummary,
  type NamedSource,
  emptySummary,
  ingestNamed,
  tally,
} from '../ingest-files';
import { type PageFallback, readPage } from '../page/read-page';
import { itemPage } from './item-page';
import { type FeedItemRead, type FeedRead, type FeedReadOptions, readFeed } from './read-feed';

export interface FeedStoreOptions {
  /** `--date`, `--outlet`, `--url`: they win over the page and the item. */
  given?: GivenMetadata;
  maxArticleChars?: number;
}

/**
 * Ingests what readFeed read (see ingestNamed: each article in its own savepoint, commits grouped):
 * each item's page, or its own content, read by readPage with the item's title, date and link and
 * the feed's title (as the outlet) filling in what the page does not say. Items found stored or
 * that failed to fetch are counted as such; a feed that failed is one failure. Writes nothing else.
 */
export function storeFeed(
  db: IngestTarget,
  read: FeedRead,
  options: FeedStoreOptions = {},
  onOutcome: (outcome: FileOutcome) => void = () => {},
): IngestSummary {
  const summary = emptySummary();
  const report = (outcome: FileOutcome) => {
    tally(summary, outcome);
    onOutcome(outcome);
  };
  if (read.outcome === 'failed') report({ file: read.source, status: 'failed', reason: read.error ?? 'failed.' });
  const sources: NamedSource[] = [];
  for (const entry of read.items) {
    if (entry.status === 'stored') report({ file: entry.name, status: 'skipped', reason: entry.reason });
    else if (entry.status === 'failed') report({ file: entry.name, status: 'failed', reason: entry.reason });
    else sources.push({ name: entry.name, read: () => readItem(entry, read.title, options) });
  }
  return ingestNamed(db, sources, (_done, _total, outcome) => onOutcome(outcome), summary);
}

function readItem(
  entry: FeedItemRead & { status: 'own-content' | 'fetched' },
  feedTitle: string | null,
  options: FeedStoreOptions,
) {
  const { item } = entry;
  const fallback: PageFallback = {
    title: item.title,
    date: item.date,
    outlet: feedTitle,
    url: item.link,
    author: item.author,
  };
  const page =
    entry.status === 'fetched'
      ? { name: entry.name, html: entry.page.html, fetchedFrom: entry.page.url }
      : { name: entry.name, html: itemPage(item.content ?? '') };
  const input = readPage(page, options.given, fallback);
  refuseLongArticle(input.text, options.maxArticleChars ?? MAX_ARTICLE_CHARS);
  return input;
}

/**
 * Remembers a feed URL's check in the feeds table. Its new validators are kept only when every item
 * it listed is now stored: after a failure (or items left out) the next read must not be a 304,
 * or what failed would never be tried again.
 */
export function recordFeed(db: IngestTarget, read: FeedRead, summary: IngestSummary): void {
  if (read.url === null) return;
  const complete = read.outcome === 'read' && summary.failed === 0 && read.leftOut === 0;
  writesOf(db).recordFeedCheck({
    url: read.url,
    status: read.httpStatus,
    error: read.error,
    ...(complete && read.validators && { validators: read.validators }),
  });
}

/**
 * `sitrep ingest --feed`, as one call for a caller that polls (`sitrep watch`): reads the feed
 * and its new items' pages (the network, outside any transaction), stores them, and records the
 * check, so the next call on the same database asks conditionally and skips what is stored.
 */
export async function ingestFeed(
  db: IngestTarget,
  source: string,
  options: FeedReadOptions & FeedStoreOptions = {},
  onOutcome: (outcome: FileOutcome) => void = () => {},
): Promise<{ read: FeedRead; summary: IngestSummary }> {
  const read = await readFeed(db, source, options);
  const summary = storeFeed(db, read, options, onOutcome);
  recordFeed(db, read, summary);
  return { read, summary };
}
