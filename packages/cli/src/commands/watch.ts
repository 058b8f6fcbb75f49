import { existsSync, statSync } from 'node:fs';
import type { IngestTarget } from '@sitrep/db';
import { SitrepError } from '@sitrep/vocabulary';
import { type Command, InvalidArgumentError, Option } from 'commander';
// The interval parser alone: the command's module loads when it runs.
import { parseInterval } from '@sitrep/watch/interval';
import { openForCommand } from '../open-database';
import { DB_OR_URL_OPTION, databaseTarget } from '../paths';
import {
  type ArticleCommandOptions,
  type FeedCommandOptions,
  refuseUrlWithFeeds,
  withArticleOptions,
  withFeedOptions,
} from '../options-article';

interface WatchCommandOptions extends ArticleCommandOptions, FeedCommandOptions {
  settle: number;
  every: number;
}

function parseEvery(value: string): number {
  try {
    return parseInterval(value);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}

function parseSettle(value: string): number {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds < 0.1 || seconds > 60)
    throw new InvalidArgumentError(`“${value}” is not a number of seconds between 0.1 and 60.`);
  return seconds;
}

export function registerWatch(program: Command): void {
  const command = program
    .command('watch [folders...]')
    .description(
      'Keep ingesting: the article files (.txt, .md, .html) in the folders and their subfolders now, then each one added or ' +
        'written again, and the new items of each --feed now and every --every, one line per article, until Ctrl-C (which ' +
        'stops between articles). A changed file is stored as a new article beside its earlier text.',
    );
  withFeedOptions(withArticleOptions(command, DB_OR_URL_OPTION))
    .option('--settle <seconds>', 'how long a file must stay unchanged before it is read', parseSettle, 1)
    .addOption(
      new Option('--every <interval>', 'how often the feeds are read again: 30s, 10m, 1h')
        .argParser(parseEvery)
        .default(600_000, '10m'),
    )
    .action(async (folders: string[], options: WatchCommandOptions) => {
      if (folders.length === 0 && options.feed.length === 0)
        throw new SitrepError('BAD_USER_INPUT', 'nothing to watch: give folders, or --feed URL|FILE.');
      refuseUrlWithFeeds(options);
      for (const folder of folders) {
        if (!existsSync(folder)) throw new SitrepError('BAD_USER_INPUT', `${folder}: no such folder.`);
        if (!statSync(folder).isDirectory())
          throw new SitrepError('BAD_USER_INPUT', `${folder} is a file; watch takes folders (ingest reads files).`);
      }
      const { watchSources } = await import('@sitrep/watch');
      const db = await openForWatch(options);
      const stop = new AbortController();
      const onSignal = () => {
        // A second Ctrl-C does not wait: SQLite rolls back whatever was not committed.
        if (stop.signal.aborted) process.exit(130);
        console.log('stopping after the article being stored…');
        stop.abort();
      };
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
      try {
        const tally = await watchSources(db, {
          folders,
          feeds: options.feed,
          everyMs: options.every,
          feedReading: {
            limits: { timeoutMs: options.fetchTimeout * 1000 },
            maxItems: options.maxItems,
            perHostDelayMs: options.perHostDelay * 1000,
          },
          given: { date: options.date ?? null, outlet: options.outlet ?? null, url: options.url ?? null },
          maxArticleChars: options.maxArticleChars,
          settleMs: options.settle * 1000,
          log: (line) => console.log(line),
          signal: stop.signal,
        });
        if (tally.failed > 0) process.exitCode = 1;
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        db.close();
      }
    });
}

/**
 * The database a watch stores into: a SQLite file, or PostgreSQL, migrated first, written through
 * a connection of its own.
 */
async function openForWatch(options: WatchCommandOptions): Promise<{ close(): void } & IngestTarget> {
  const where = databaseTarget(options.db);
  if (!('url' in where)) return openForCommand(options.db, options.create);
  const { openPostgres, openPostgresIngestWrites } = await import('@sitrep/db');
  // A PostgreSQL database is made by its administrator (createdb); its tables by this.
  await (await openPostgres(where.url, { max: 1 })).close();
  return openPostgresIngestWrites(where.url);
}
