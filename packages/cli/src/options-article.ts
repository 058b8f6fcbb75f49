import { MAX_ARTICLE_CHARS } from '@sitrep/vocabulary';
import { parseCount } from './commands/options';

/** The server's article size limit, for the commands that read article files. */
export const MAX_ARTICLE_OPTION = [
  '--max-article-chars <n>',
  `longest article to read, in characters, as the server's limit (default: ${MAX_ARTICLE_CHARS.toLocaleString('en')})`,
  parseCount,
  MAX_ARTICLE_CHARS,
] as const;
