import { plural } from '@sitrep/vocabulary';
import type { FileOutcome, IngestSummary } from '../ingest-files';
import type { FeedRead } from './read-feed';

/** How each feed's outcomes are told: one line per item not ingested, naming the feed. */
export function feedOutcomeLine(read: FeedRead, outcome: FileOutcome): string | null {
  if (outcome.status === 'ingested') return null;
  if (outcome.file === read.source && read.outcome === 'failed')
    return `failed: feed ${read.source}: ${outcome.reason}`;
  return `${outcome.status}: ${outcome.file} (feed ${read.source}): ${outcome.reason}`;
}

/** One line per feed read, on standard output: what it held and what became of it. */
export function feedSummaryLine(
  read: FeedRead,
  summary: IngestSummary,
  maxItems: number,
  flag = '--max-items',
): string | null {
  if (read.outcome === 'not-modified') {
    return `feed ${read.source}: not modified since the last check (HTTP 304); nothing new.`;
  }
  if (read.outcome === 'failed') return null;
  const leftOut = read.leftOut > 0 ? `; ${read.leftOut} more left out (${flag} ${maxItems})` : '';
  return (
    `feed ${read.source}: ${plural(read.items.length, 'item')}: ${summary.articles} ingested, ` +
    `${summary.skipped} already stored, ${summary.failed} failed${leftOut}.`
  );
}
