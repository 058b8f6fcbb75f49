import { MAX_ARTICLE_CHARS, SitrepError } from '@sitrep/vocabulary';
import type { Command } from 'commander';
import { CREATE_OPTION } from './open-database';
import { DB_OPTION, type DB_OR_URL_OPTION } from './paths';
import { collect, parseCount, parseDate, parseSeconds, parseUrl } from './commands/options';

/** The server's article size limit, for the commands that read article files. */
export const MAX_ARTICLE_OPTION = [
  '--max-article-chars <n>',
  "longest article to read, in characters, as the server's limit",
  parseCount,
  MAX_ARTICLE_CHARS,
] as const;

/** Metadata for article files that do not give their own (`ingest`, `watch`). */
export const DATE_OPTION = [
  '--date <YYYY-MM-DD>',
  'publication date of files without a "date YYYY-MM-DD PLACE:" first line; wins over front matter',
  parseDate,
] as const;
export const OUTLET_OPTION = [
  '--outlet <name>',
  "the outlet that published them; wins over front matter and a dateline's agency",
] as const;
export const URL_OPTION = ['--url <url>', 'where they were published; wins over front matter', parseUrl] as const;

/** What reading the web takes (`ingest`, `watch`). */
export const FETCH_TIMEOUT_OPTION = [
  '--fetch-timeout <seconds>',
  'longest a URL may take to fetch, redirects and body included',
  parseCount,
  20,
] as const;
export const FEED_OPTION = [
  '--feed <url|file>',
  'an RSS, Atom or JSON Feed (repeatable): its new items are read, from their pages or their own full text',
  collect,
  [] as string[],
] as const;
export const PER_HOST_DELAY_OPTION = [
  '--per-host-delay <seconds>',
  'least time between two requests to one host while reading feeds',
  parseSeconds,
  1,
] as const;
export const MAX_ITEMS_OPTION = ['--max-items <n>', 'items read from the top of each feed', parseCount, 100] as const;

/** What `withArticleOptions` gives a command's action. */
export interface ArticleCommandOptions {
  db?: string;
  create: boolean;
  maxArticleChars: number;
  date?: string;
  outlet?: string;
  url?: string;
}

/** What `withFeedOptions` gives a command's action. */
export interface FeedCommandOptions {
  fetchTimeout: number;
  feed: string[];
  perHostDelay: number;
  maxItems: number;
}

/** A command that stores articles (`ingest`, `watch`): the database, the size limit, the metadata files may lack. */
export const withArticleOptions = (
  command: Command,
  [flags, description]: typeof DB_OPTION | typeof DB_OR_URL_OPTION = DB_OPTION,
): Command =>
  command
    .option(flags, description)
    .option(...CREATE_OPTION, false)
    .option(...MAX_ARTICLE_OPTION)
    .option(...DATE_OPTION)
    .option(...OUTLET_OPTION)
    .option(...URL_OPTION);

/** A command that reads the web: feeds, and how pages and feeds are fetched. */
export const withFeedOptions = (command: Command): Command =>
  command
    .option(...FETCH_TIMEOUT_OPTION)
    .option(...FEED_OPTION)
    .option(...PER_HOST_DELAY_OPTION)
    .option(...MAX_ITEMS_OPTION);

/** --url names one article's address: it cannot stand for every item of a feed. */
export function refuseUrlWithFeeds(options: ArticleCommandOptions & FeedCommandOptions): void {
  if (options.url && options.feed.length > 0)
    throw new SitrepError('BAD_USER_INPUT', "--url names one article's address; a feed's items have their own.");
}
