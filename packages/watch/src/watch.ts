import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { type IngestTarget, writesOf } from '@sitrep/db';
import {
  type FeedReadOptions,
  type FileOutcome,
  type GivenMetadata,
  HostPacer,
  feedOutcomeLine,
  feedSummaryLine,
  ingestFiles,
  readFeed,
  reasonNamingFile,
  recordFeed,
  shownPath,
  storeFeed,
} from '@sitrep/ingest';
import { MAX_ARTICLE_CHARS, plural } from '@sitrep/vocabulary';
import { type FileEvent, watchFolders } from './folders';

export interface WatchOptions {
  folders: readonly string[];
  /** Feeds (URLs or files) read now and every `everyMs`. */
  feeds?: readonly string[];
  /** How often the feeds are read again. Default 10 minutes. */
  everyMs?: number;
  /** How feeds and their pages are fetched (limits, items per feed); one pacer spaces all requests to a host. */
  feedReading?: Omit<FeedReadOptions, 'pacer'> & { perHostDelayMs?: number };
  /** Metadata for files that do not give their own, as `ingest --date/--outlet/--url`. */
  given?: GivenMetadata;
  maxArticleChars?: number;
  /** How long a file must stay unchanged before it is read. Default 1,000 ms. */
  settleMs?: number;
  /** How long to wait before trying again when another process holds the write lock. Default 2,000 ms. */
  busyRetryMs?: number;
  /** One line per article, and a few about the watch itself. */
  log(line: string): void;
  /** Stops the watch between articles. */
  signal: AbortSignal;
}

export interface WatchTally {
  ingested: number;
  duplicate: number;
  failed: number;
}

/**
 * Files read at a time. Each batch is one synchronous ingest (grouped commits), and a stop is
 * heard only between batches: small batches keep Ctrl-C quick while a folder fills up.
 */
const BATCH = 8;

/**
 * Ingests the article files in `folders` now and whenever one is added or written again, until
 * `signal` aborts; resolves with what it did once the last batch has committed and the watch is
 * closed. A file already stored is a duplicate (its text is), a changed file is a new article (the
 * earlier text stays stored), and a file that fails is reported and passed over: nothing stops
 * the watch but the signal.
 */
export async function watchSources(db: IngestTarget, options: WatchOptions): Promise<WatchTally> {
  const feeds = options.feeds ?? [];
  const tally: WatchTally = { ingested: 0, duplicate: 0, failed: 0 };
  const { log, signal } = options;
  const name = shownPath;
  // A Map keeps arrival order and holds a path once however often it is written meanwhile.
  const pending = new Map<string, FileEvent>();
  let wake: (() => void) | null = null;
  const nudge = () => {
    wake?.();
    wake = null;
  };
  signal.addEventListener('abort', nudge, { once: true });
  const watched = options.folders.map((folder) => resolve(folder));
  const folders = await watchFolders(watched, options.settleMs ?? 1_000, {
    file: (path, event) => {
      // A file found at start that is then written again is read once, as it is now.
      pending.set(path, pending.get(path) === 'found' ? 'found' : event);
      nudge();
    },
    removed: (path) => log(`removed: ${name(path)} (what was ingested from it stays)`),
    error: (error) => log(`watch error: ${error instanceof Error ? error.message : String(error)}`),
  });
  const found = pending.size;
  let foundStored = 0;
  const everyMs = options.everyMs ?? 600_000;
  const watching = [
    ...(watched.length > 0 ? [`${watched.map((f) => `${name(f)}/`).join(', ')}: ${plural(found, 'file')} there`] : []),
    ...(feeds.length > 0 ? [`${plural(feeds.length, 'feed')}, read every ${everyMs / 1000} s`] : []),
  ];
  log(`watching ${watching.join('; ')}; Ctrl-C stops`);
  // Feeds are due at once, then every `everyMs` after the last reading began.
  let feedsDue = feeds.length > 0;
  const feedTimer = feeds.length > 0 ? setInterval(() => ((feedsDue = true), nudge()), everyMs) : null;
  const pacer = new HostPacer(options.feedReading?.perHostDelayMs);

  /** Counts an outcome and logs its line (`line`, when given, tells a skipped or failed one instead). */
  const report = (outcome: FileOutcome, event: FileEvent, line?: string | null) => {
    if (outcome.status === 'ingested') {
      tally.ingested += 1;
      const { article, claims, createdEntities } = outcome.result;
      const changed = event === 'changed' ? '; changed, its earlier text stays stored' : '';
      log(
        `ingested: ${name(outcome.file)} (“${article.title}”, ${article.publishedAt}${changed}): ` +
          `${plural(claims.length, 'claim')}, ${plural(createdEntities.length, 'new entity', 'new entities')}`,
      );
    } else if (outcome.status === 'skipped') {
      tally.duplicate += 1;
      // Restarting over a folder already ingested is the usual case: counted, not listed.
      if (event === 'found') foundStored += 1;
      else log(line ?? `duplicate: ${reasonNamingFile(outcome)}`);
    } else {
      tally.failed += 1;
      log(line ?? `failed: ${reasonNamingFile(outcome)}`);
    }
  };

  // A watch writes for hours: a commit that found the log full would copy all of it first.
  const checkpoints = writesOf(db).checkpointsOffThread();
  try {
    while (!signal.aborted) {
      if (pending.size === 0 && feedsDue) {
        feedsDue = false;
        for (const feed of feeds) {
          if (signal.aborted) break;
          await readOneFeed(db, feed, { ...options.feedReading, pacer }, options, report, log);
        }
        continue;
      }
      if (pending.size === 0) {
        if (foundStored > 0) log(`already stored: ${foundStored} of the files that were there`);
        foundStored = 0;
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      const batch = [...pending].slice(0, BATCH);
      for (const [path] of batch) pending.delete(path);
      const busy = runBatch(db, batch, options, report);
      if (busy.length > 0) {
        log(`waiting: another process holds the database's write lock; ${plural(busy.length, 'file')} waiting`);
        await sleep(options.busyRetryMs ?? 2_000, undefined, { signal }).catch(() => undefined);
        for (const [path, event] of busy) if (!pending.has(path)) pending.set(path, event);
      }
      // Lets file events and a Ctrl-C in before the next batch.
      await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    if (feedTimer) clearInterval(feedTimer);
    await folders.close();
    await checkpoints?.stop();
  }
  log(`stopped: ${tally.ingested} ingested, ${plural(tally.duplicate, 'duplicate')}, ${tally.failed} failed`);
  return tally;
}

/** Ingests one batch; returns the files to try again because the database was busy. */
function runBatch(
  db: IngestTarget,
  batch: ReadonlyArray<[string, FileEvent]>,
  options: WatchOptions,
  report: (outcome: FileOutcome, event: FileEvent) => void,
): Array<[string, FileEvent]> {
  // Removed between its event and now: the removal has been logged.
  const files = batch.filter(([path]) => existsSync(path));
  const events = new Map(files);
  const busy: Array<[string, FileEvent]> = [];
  try {
    ingestFiles(
      db,
      files.map(([path]) => path),
      (_done, _total, outcome) => {
        const event = events.get(outcome.file) ?? 'new';
        if (outcome.status === 'failed' && outcome.busy) busy.push([outcome.file, event]);
        else report(outcome, event);
      },
      { maxArticleChars: options.maxArticleChars ?? MAX_ARTICLE_CHARS, given: options.given ?? {} },
    );
  } catch (error) {
    // Not one file's failure (those are outcomes): the batch could not start. Each file is named.
    const reason = error instanceof Error ? error.message : String(error);
    for (const [file, event] of files) report({ file, status: 'failed', reason }, event);
  }
  return busy;
}

/**
 * Reads a feed and stores its new items (conditionally, skipping what is stored, as `ingest
 * --feed`): one line per item, as for files, and one for the feed. A feed that fails is named and
 * waits for the next reading; so does an item, since a feed with a failed item keeps no validators.
 */
async function readOneFeed(
  db: IngestTarget,
  feed: string,
  reading: FeedReadOptions,
  options: WatchOptions,
  report: (outcome: FileOutcome, event: FileEvent, line?: string | null) => void,
  log: (line: string) => void,
): Promise<void> {
  // The network first, outside any transaction; a failure is in the answer.
  const read = await readFeed(db, feed, reading);
  try {
    const summary = storeFeed(
      db,
      read,
      { given: options.given ?? {}, maxArticleChars: options.maxArticleChars ?? MAX_ARTICLE_CHARS },
      (outcome) => report(outcome, 'new', outcome.status === 'ingested' ? undefined : feedOutcomeLine(read, outcome)),
    );
    recordFeed(db, read, summary);
    const line = feedSummaryLine(read, summary, reading.maxItems ?? 100);
    if (line) log(line);
  } catch (error) {
    log(`failed: feed ${feed}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
