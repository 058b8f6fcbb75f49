import { existsSync, readFileSync, statSync } from 'node:fs';
import { type IngestTarget, writesOf } from '@sitrep/db';
import { SitrepError } from '@sitrep/vocabulary';
import { DEFAULT_FETCH_LIMITS, type FetchKind, type FetchLimits, fetchBounded } from '../fetch/bounded-fetch';
import { decodePage } from '../page/decode-page';
import { type FetchedPage, fetchPage, isUrl } from '../page/fetch-page';
import { HostPacer } from './host-pacer';
import { type FeedItem, parseFeedText } from './parse-feed';
import { contentChars } from './item-page';

export const DEFAULT_MAX_FEED_ITEMS = 100;

/**
 * Characters of text an item's own content must hold to be taken as the article instead of its
 * page: feeds that carry whole articles carry thousands; a teaser ("The port reopened… Read more")
 * carries a paragraph. A summary (RSS description, Atom summary) never counts, whatever its length.
 */
export const FULL_TEXT_CHARS = 1000;

const FEED: FetchKind = {
  noun: 'feed',
  notA: 'not a feed',
  expected: 'an RSS, Atom or JSON Feed type',
  types: [
    'application/rss+xml',
    'application/atom+xml',
    'application/feed+json',
    'application/rdf+xml',
    'application/xml',
    'text/xml',
    'application/json',
  ],
};

export interface FeedReadOptions {
  limits?: Partial<FetchLimits>;
  /** Share one across calls so a host is never asked faster than its delay, whichever feed asks. */
  pacer?: HostPacer;
  /** Items read from the top of the feed (where feeds put the newest); the rest are left out. */
  maxItems?: number;
}

/** An item of a read feed, and what reading it found; `name` is its link, or says which item it is. */
export type FeedItemRead = { item: FeedItem; name: string } & (
  | { status: 'stored'; reason: string }
  | { status: 'own-content' }
  | { status: 'fetched'; page: FetchedPage }
  | { status: 'failed'; reason: string }
);

/** A feed read: everything fetched, nothing written yet (see storeFeed). */
export interface FeedRead {
  /** The feed as given: a URL or a file. */
  source: string;
  /** Its URL (whose validators the feeds table keeps); null for a file. */
  url: string | null;
  outcome: 'read' | 'not-modified' | 'failed';
  /** Why it failed; null when it did not. */
  error: string | null;
  /** The HTTP status of its answer, when one came. */
  httpStatus: number | null;
  /** What its answer said to send next time. */
  validators: { etag: string | null; lastModified: string | null } | null;
  title: string | null;
  items: FeedItemRead[];
  /** Items past `maxItems`, not read. */
  leftOut: number;
}

/**
 * Reads a feed (a URL, asked conditionally with the validators stored for it, or a file) and the
 * pages of its new items: an item whose link an article already has is not fetched; one whose own
 * content holds FULL_TEXT_CHARS of text is read from the feed; the others' pages are fetched, by
 * their link only. Requests to one host wait for `pacer`; each is bounded by `limits`. Nothing is
 * written, so it runs outside any transaction; a failure is in the answer, never thrown.
 */
export async function readFeed(db: IngestTarget, source: string, options: FeedReadOptions = {}): Promise<FeedRead> {
  const pacer = options.pacer ?? new HostPacer();
  const limits = { ...DEFAULT_FETCH_LIMITS, ...options.limits };
  const url = isUrl(source) ? source : null;
  const read: FeedRead = {
    ...{ source, url, outcome: 'failed', error: null, httpStatus: null, validators: null },
    ...{ title: null, items: [], leftOut: 0 },
  };
  let text: string;
  let base: string | null = null;
  try {
    if (url !== null) {
      const stored = writesOf(db).findFeed(url);
      const answer = await fetchBounded(url, FEED, {
        ...{ limits, pacer },
        ...{ etag: stored?.etag ?? null, lastModified: stored?.lastModified ?? null },
      });
      if (answer.status === 'not-modified') return { ...read, outcome: 'not-modified', httpStatus: 304 };
      read.httpStatus = answer.httpStatus;
      read.validators = { etag: answer.etag, lastModified: answer.lastModified };
      text = decodePage(answer.bytes, answer.contentType);
      base = answer.url;
    } else {
      text = readFeedFile(source, limits.maxBytes);
    }
    const feed = parseFeedText(text, base);
    read.title = feed.title;
    read.leftOut = Math.max(0, feed.items.length - (options.maxItems ?? DEFAULT_MAX_FEED_ITEMS));
    read.items = await readItems(db, source, feed.items.slice(0, feed.items.length - read.leftOut), limits, pacer);
    return { ...read, outcome: 'read' };
  } catch (error) {
    return { ...read, error: error instanceof Error ? error.message : String(error) };
  }
}

function readFeedFile(file: string, maxBytes: number): string {
  if (!existsSync(file)) throw new SitrepError('BAD_USER_INPUT', 'no such file.');
  const stat = statSync(file);
  if (!stat.isFile())
    throw new SitrepError('BAD_USER_INPUT', 'is not a file; give a feed saved as a file, or its URL.');
  if (stat.size > maxBytes) {
    throw new SitrepError('BAD_USER_INPUT', `larger than the ${maxBytes / 1024 / 1024} MB a feed may be`);
  }
  return decodePage(readFileSync(file));
}

async function readItems(
  db: IngestTarget,
  source: string,
  items: readonly FeedItem[],
  limits: FetchLimits,
  pacer: HostPacer,
): Promise<FeedItemRead[]> {
  const reads: FeedItemRead[] = [];
  const seen = new Set<string>();
  for (const [i, item] of items.entries()) {
    const name = item.link ?? `${source}, item ${i + 1}${item.title ? ` “${item.title}”` : ''}`;
    const addresses = item.link ? addressesOf(item.link) : [];
    const twice = addresses.some((address) => seen.has(address));
    const stored = twice ? undefined : writesOf(db).findArticleByUrl(addresses);
    if (twice) {
      reads.push({ item, name, status: 'stored', reason: 'listed twice in the feed; read once.' });
    } else if (stored) {
      const reason = `already stored (“${stored.title}”, ${stored.publishedAt}): an article has this address; not fetched.`;
      reads.push({ item, name, status: 'stored', reason });
    } else if (item.content && (!item.link || contentChars(item.content) >= FULL_TEXT_CHARS)) {
      reads.push({ item, name, status: 'own-content' });
    } else if (!item.link) {
      reads.push({ item, name, status: 'failed', reason: 'the item has neither a link nor content of its own.' });
    } else {
      try {
        reads.push({ item, name, status: 'fetched', page: await fetchPage(item.link, limits, pacer) });
      } catch (error) {
        reads.push({ item, name, status: 'failed', reason: error instanceof Error ? error.message : String(error) });
      }
    }
    for (const address of addresses) seen.add(address);
  }
  return reads;
}

/**
 * The addresses an article stored from `link` may have: as written, and lightly normalised (the
 * URL parser's form, without a #fragment, which names a place in the page, not another page).
 */
function addressesOf(link: string): string[] {
  try {
    const url = new URL(link);
    const parsed = url.href;
    url.hash = '';
    return [...new Set([link, parsed, url.href])];
  } catch {
    return [link];
  }
}
