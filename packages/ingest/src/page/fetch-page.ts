import { type FetchKind, type FetchLimits, type RequestPacer, fetchBounded } from '../fetch/bounded-fetch';
import { decodePage } from './decode-page';

export { DEFAULT_FETCH_LIMITS, type FetchLimits } from '../fetch/bounded-fetch';

export interface FetchedPage {
  html: string;
  /** The URL the page came from, after redirects. */
  url: string;
}

const PAGE: FetchKind = {
  noun: 'page',
  notA: 'not a web page',
  expected: 'text/html',
  types: ['text/html', 'application/xhtml+xml'],
};

/** A URL as the user wrote it: something with a scheme, `https://…`, not a path. */
export function isUrl(path: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(path);
}

/**
 * Fetches a web page within `limits` (see fetchBounded): HTML only, nothing but the page itself
 * and its redirects requested, each when `pacer` lets it (a per-host delay).
 */
export async function fetchPage(
  url: string,
  limits: Partial<FetchLimits> = {},
  pacer?: RequestPacer,
): Promise<FetchedPage> {
  const answer = await fetchBounded(url, PAGE, { limits, ...(pacer && { pacer }) });
  // Sent no validators, so the answer is always a page.
  if (answer.status !== 'fetched') throw new Error('a page fetched without validators answered 304');
  return { html: decodePage(answer.bytes, answer.contentType), url: answer.url };
}
