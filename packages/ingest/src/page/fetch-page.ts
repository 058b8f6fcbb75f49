import { SitrepError } from '@sitrep/vocabulary';
import { decodePage } from './decode-page';

/** How far a fetch may go. */
export interface FetchLimits {
  /** Milliseconds for the whole fetch, redirects and body included. Default 20,000. */
  timeoutMs: number;
  /** Largest body, in bytes, counted as it arrives. Default 5 MB. */
  maxBytes: number;
  /** Redirects followed, each to http(s) only. Default 5. */
  maxRedirects: number;
}

export const DEFAULT_FETCH_LIMITS: FetchLimits = { timeoutMs: 20_000, maxBytes: 5 * 1024 * 1024, maxRedirects: 5 };

export interface FetchedPage {
  html: string;
  /** The URL the page came from, after redirects. */
  url: string;
}

const PAGE_TYPES = new Set(['text/html', 'application/xhtml+xml']);

/** A URL as the user wrote it: something with a scheme, `https://…`, not a path. */
export function isUrl(path: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(path);
}

/**
 * Fetches a web page with Node's fetch: http(s) only, following at most `maxRedirects` redirects
 * (each to http(s)) and nothing else (no page resource is ever requested), within `timeoutMs`,
 * refusing a body over `maxBytes` as it streams and anything but HTML. A failure is a SitrepError
 * that says why (the caller names the URL).
 */
export async function fetchPage(url: string, limits: Partial<FetchLimits> = {}): Promise<FetchedPage> {
  const { timeoutMs, maxBytes, maxRedirects } = { ...DEFAULT_FETCH_LIMITS, ...limits };
  const signal = AbortSignal.timeout(timeoutMs);
  let current = httpUrl(url, 'the address');
  try {
    for (let redirects = 0; ; redirects++) {
      const response = await fetch(current, {
        redirect: 'manual',
        signal,
        headers: { accept: 'text/html,application/xhtml+xml', 'user-agent': 'sitrep (news reader)' },
      });
      if (response.status >= 300 && response.status < 400 && response.status !== 304) {
        await response.body?.cancel();
        const location = response.headers.get('location');
        if (!location) throw refused(`HTTP ${response.status} without a Location to go to`);
        if (redirects >= maxRedirects) throw refused(`more than ${maxRedirects} redirects (the last to ${location})`);
        current = httpUrl(new URL(location, current).href, 'a redirect');
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw refused(`HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
      }
      const type = response.headers.get('content-type') ?? '';
      const mime = type.split(';', 1)[0]!.trim().toLowerCase();
      if (!PAGE_TYPES.has(mime)) {
        await response.body?.cancel();
        throw refused(`not a web page: its content type is ${mime ? `“${mime}”` : 'not given'}, not text/html`);
      }
      const declared = Number(response.headers.get('content-length'));
      if (declared > maxBytes) {
        await response.body?.cancel();
        throw refused(tooLarge(maxBytes));
      }
      const bytes = await readBounded(response, maxBytes);
      return { html: decodePage(bytes, type), url: current };
    }
  } catch (error) {
    if (error instanceof SitrepError) throw error;
    if (signal.aborted) throw refused(`no complete answer within ${timeoutMs / 1000} s (timed out)`);
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : null;
    throw refused(`could not be fetched: ${cause ?? (error instanceof Error ? error.message : String(error))}`);
  }
}

function refused(why: string): SitrepError {
  return new SitrepError('BAD_USER_INPUT', why);
}

function tooLarge(maxBytes: number): string {
  return `larger than the ${(maxBytes / 1024 / 1024).toLocaleString('en')} MB a page may be`;
}

function httpUrl(href: string, what: string): string {
  let parsed: URL;
  try {
    parsed = new URL(href);
  } catch {
    throw refused(`${what} “${href}” is not a URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw refused(`${what} “${href}” is not http(s); only web pages are fetched`);
  }
  return parsed.href;
}

/** The body, stopped as soon as it passes `maxBytes`. */
async function readBounded(response: Response, maxBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw refused(tooLarge(maxBytes));
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
