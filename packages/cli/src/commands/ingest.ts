// Imported here, not where it is used: a dynamic import of a bundled CommonJS package gives only its default.
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import type { IngestTarget } from '@sitrep/db';
import type { FeedRead, FileOutcome, IngestSummary } from '@sitrep/ingest';
import { openForCommand } from '../open-database';
import { DB_OR_URL_OPTION, databaseTarget } from '../paths';
import {
  type ArticleCommandOptions,
  type FeedCommandOptions,
  refuseUrlWithFeeds,
  withArticleOptions,
  withFeedOptions,
} from '../options-article';
import { SitrepError, plural } from '@sitrep/vocabulary';

export function registerIngest(program: Command): void {
  const command = program
    .command('ingest [paths...]')
    .description(
      'Read articles (files, folders of .txt, .md and .html, web page URLs, or the new items of feeds), extract them and store each whole or not at all. ' +
        'A file dates itself with a first line "date YYYY-MM-DD PLACE: ", Markdown front matter (date:, outlet:, url:, title:) ' +
        'or a wire dateline that writes the year ("KAZAN, Feb 3, 2025 (AFP) -"); a web page by its JSON-LD or meta tags; otherwise give --date.',
    );
  withFeedOptions(withArticleOptions(command, DB_OR_URL_OPTION))
    .option(
      '--bulk',
      'for large batches: one transaction, indexes and search index built once at the end (nothing shows, and other writers wait, until it finishes)',
    )
    .action(async (paths: string[], options: ArticleCommandOptions & FeedCommandOptions & { bulk?: boolean }) => {
      if (paths.length === 0 && options.feed.length === 0) {
        throw new SitrepError('BAD_USER_INPUT', 'nothing to ingest: give files, folders or URLs, or --feed URL|FILE.');
      }
      refuseUrlWithFeeds(options);
      const where = databaseTarget(options.db);
      if ('url' in where && options.bulk) {
        throw new SitrepError(
          'BAD_USER_INPUT',
          "--bulk does not run on PostgreSQL yet: it is SQLite's loader. Ingest without it there (each group of articles commits on its own), or give a SQLite file.",
        );
      }
      const [{ bulkLoad, openPostgres, openPostgresIngestWrites }, ingest] = await Promise.all([
        import('@sitrep/db'),
        import('@sitrep/ingest'),
      ]);
      const { fetchPage, groupUngroupedClaims, ingestFilesAhead, isUrl } = ingest;
      // Pages are fetched first, one after the other, so no transaction waits on the network.
      const fetched = new Map<string, Awaited<ReturnType<typeof fetchPage>> | Error>();
      for (const url of new Set(paths.filter(isUrl))) {
        fetched.set(
          url,
          await fetchPage(url, { timeoutMs: options.fetchTimeout * 1000 }).catch((error: unknown) =>
            error instanceof Error ? error : new Error(String(error)),
          ),
        );
      }
      const given = { date: options.date ?? null, outlet: options.outlet ?? null, url: options.url ?? null };
      const progress = progressReporter(ingest.shownPath, ingest.reasonNamingFile);
      const db: IngestTarget & { close(): void } =
        'url' in where
          ? // A PostgreSQL database is made by its administrator (createdb); its tables by this.
            await openPostgres(where.url, { max: 1 })
              .then((pg) => pg.close())
              .then(() => openPostgresIngestWrites(where.url))
          : await openForCommand(options.db, options.create);
      // Feeds and their items' pages too, before any transaction; one pacer spaces all their requests.
      const pacer = new ingest.HostPacer(options.perHostDelay * 1000);
      const feeds: Array<{ read: FeedRead; stored: IngestSummary }> = [];
      for (const feed of options.feed) {
        const limits = { timeoutMs: options.fetchTimeout * 1000 };
        const read = await ingest.readFeed(db, feed, { limits, pacer, maxItems: options.maxItems });
        feeds.push({ read, stored: ingest.emptySummary() });
      }
      try {
        const run = async () => {
          const reading = { maxArticleChars: options.maxArticleChars, given, fetched };
          const summary = await ingestFilesAhead(db, paths, progress.tell, reading);
          for (const feed of feeds) {
            const tell = (outcome: FileOutcome) => {
              const line = ingest.feedOutcomeLine(feed.read, outcome);
              if (line) console.error(line);
            };
            feed.stored = ingest.storeFeed(db, feed.read, { given, maxArticleChars: options.maxArticleChars }, tell);
            const line = ingest.feedSummaryLine(feed.read, feed.stored, options.maxItems);
            if (line) console.log(line);
            for (const outcome of feed.stored.outcomes) ingest.tally(summary, outcome);
          }
          return summary;
        };
        const summary = options.bulk && 'sqlite' in db ? (await bulkLoad(db, run)).result : await run();
        // Only now that the items are committed: the next check of a feed may then skip them.
        for (const feed of feeds) ingest.recordFeed(db, feed.read, feed.stored);
        // A bulk load stores claims ungrouped (the indexes grouping reads were set aside): group them now.
        if (options.bulk) {
          const grouping = process.stderr.isTTY
            ? new SingleBar({ format: 'statements [{bar}] {value}/{total} articles', hideCursor: true }, undefined)
            : null;
          const grouped = groupUngroupedClaims(db, (done, total) => {
            if (done === 1) grouping?.start(total, 0);
            grouping?.update(done);
          });
          grouping?.stop();
          console.log(`Claims of ${plural(grouped, 'article')} grouped into statements.`);
        }
        report(summary);
      } finally {
        progress.stop();
        db.close();
      }
    });
}

/** Progress on stderr: a bar only where someone watches (logs and pipes get plain lines), and every article not ingested. */
function progressReporter(name: (file: string) => string, why: (outcome: { file: string; reason?: string }) => string) {
  const bar = process.stderr.isTTY
    ? new SingleBar({ format: 'ingest [{bar}] {value}/{total} {file}', hideCursor: true }, undefined)
    : null;
  return {
    tell(done: number, total: number, outcome: { file: string; status: string; reason?: string }) {
      if (bar) {
        if (done === 1) bar.start(total, 0, { file: '' });
        bar.update(done, { file: name(outcome.file) });
        if (done === total) bar.stop();
      }
      if (outcome.status !== 'ingested') console.error(`${outcome.status}: ${why(outcome)}`);
    },
    stop: () => bar?.stop(),
  };
}

function report(summary: IngestSummary): void {
  console.log(
    `${plural(summary.articles, 'article')} ingested, ${plural(summary.newEntities, 'new entity', 'new entities')}, ` +
      `${plural(summary.claims, 'claim')}, ${plural(summary.mentions, 'mention')}; ` +
      `${summary.skipped} skipped (already stored), ${summary.failed} failed.`,
  );
  if (summary.failed > 0) process.exitCode = 1;
}
