import { MAX_ARTICLE_CHARS } from '@sitrep/vocabulary';
import { collect, parseCount, parseDate, parseSeconds, parseUrl } from './commands/options';

/** The server's article size limit, for the commands that read article files. */
export const MAX_ARTICLE_OPTION = [
  '--max-article-chars <n>',
  `longest article to read, in characters, as the server's limit (default: ${MAX_ARTICLE_CHARS.toLocaleString('en')})`,
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
  'longest a URL may take to fetch, redirects and body included (default: 20)',
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
  'least time between two requests to one host while reading feeds (default: 1)',
  parseSeconds,
  1,
] as const;
export const MAX_ITEMS_OPTION = [
  '--max-items <n>',
  'items read from the top of each feed (default: 100)',
  parseCount,
  100,
] as const;
