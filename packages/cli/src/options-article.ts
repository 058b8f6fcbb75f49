import { MAX_ARTICLE_CHARS } from '@sitrep/vocabulary';
import { parseCount, parseDate, parseUrl } from './commands/options';

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
