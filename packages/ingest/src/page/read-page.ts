import type { ArticleInput } from '../ingest-article';
import { type GivenMetadata, type IndexMetadata, isCalendarDate, refuseUndated, todayAnywhere } from '../article-file';
import { readWireDateline } from '@sitrep/extract';
import { SitrepError } from '@sitrep/vocabulary';
import { parsePage } from './page-dom';
import { readPageMetadata } from './page-metadata';
import { MIN_PAGE_ARTICLE_CHARS, readPageText } from './page-text';

const NO_DATE =
  'no publication date: the page gives none (no datePublished in its JSON-LD, no article:published_time) ' +
  'and its text opens with no dated dateline. Add one: --date YYYY-MM-DD on the command line';

/** What is known of a page besides the page itself (an index.json, a feed's item): the weakest source. */
export interface PageFallback extends IndexMetadata {
  /** YYYY-MM-DD, the day a feed item says it was published. */
  date?: string | null;
  /** The byline a feed item gives. */
  author?: string | null;
}

/** A saved or fetched web page as an article to ingest. */
export interface PageSource {
  /** The file or URL, for messages. */
  name: string;
  html: string;
  /** Where the page was fetched from after redirects: its url when the page names none. */
  fetchedFrom?: string | null;
}

/**
 * A web page as an article: its main text (readPageText) stored as paragraphs, to which every
 * offset points, with its date, outlet, url and title taken from, in order, `given` (the command
 * line), the page's JSON-LD, its meta tags, then (outlet) a wire dateline opening the text, then
 * `index`; the date from `index` before a wire dateline's, which is read from the text and may lack
 * the year. A page without article text or any date, or dated after today, is refused.
 */
export function readPage(
  page: PageSource,
  given: GivenMetadata = {},
  index: PageFallback = {},
  today: string = todayAnywhere(),
): ArticleInput {
  return refuseUndated(readPageArticle(page, given, index), today, NO_DATE);
}

/** readPage without the date's checks, for `sitrep extract`, which stores nothing and needs no date. */
export function readPageArticle(page: PageSource, given: GivenMetadata = {}, index: PageFallback = {}): ArticleInput {
  const document = parsePage(page.html);
  // Before Readability, which takes the scripts (and the JSON-LD in them) out of the document.
  const meta = readPageMetadata(document);
  const article = readPageText(document, meta.title);
  if (!article) {
    throw new SitrepError(
      'BAD_USER_INPUT',
      `no article text found in the page (a reader found under ${MIN_PAGE_ARTICLE_CHARS} characters of text in paragraphs).`,
    );
  }
  const input: ArticleInput = {
    text: article.text,
    file: page.name,
    title: meta.title ?? article.title ?? index.title ?? null,
    outlet: given.outlet ?? meta.outlet ?? readWireDateline(article.text)?.agency ?? index.outlet ?? null,
    url: given.url ?? meta.url ?? page.fetchedFrom ?? index.url ?? null,
    author: meta.author ?? index.author ?? null,
    publishedAt: given.date ?? (meta.date && isCalendarDate(meta.date) ? meta.date : (index.date ?? null)),
  };
  return input;
}

/** Whether a path names a web page by its extension. */
export function isPageFile(path: string): boolean {
  return /\.html?$/i.test(path);
}
