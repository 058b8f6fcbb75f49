import { SitrepError } from '@sitrep/vocabulary';

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

/** What is being fetched: which content types it may come as, and its name in messages. */
export interface FetchKind {
  /** `page`, `feed`: "larger than the 5 MB a page may be". */
  noun: string;
  /** "not a web page: its content type is …" */
  notA: string;
  /** "…, not text/html" */
  expected: string;
  /** Lower-case MIME types accepted; the Accept header lists them. */
  types: readonly string[];
}

export interface FetchOptions {
  limits?: Partial<FetchLimits>;
  /** Validators from an earlier answer; with either, a 304 is an answer (nothing changed), not an error. */
  etag?: string | null;
  lastModified?: string | null;
  /** Told of each request, a redirect's too: where a per-host delay waits. */
  pacer?: RequestPacer;
}

/** Something that spaces requests out (HostPacer). */
export interface RequestPacer {
  /** Resolves when a request to `url` may start. */
  before(url: string): Promise<void>;
  /** The answer from `url` is over (read, refused or failed). */
  after(url: string): void;
}

export type FetchAnswer =
  | {
      status: 'fetched';
      /** The HTTP status, 200 or another 2xx. */
      httpStatus: number;
      bytes: Uint8Array;
      contentType: string;
      /** The URL the answer came from, after redirects. */
      url: string;
      etag: string | null;
      lastModified: string | null;
    }
  | { status: 'not-modified'; url: string };

/**
 * Fetches with Node's fetch: http(s) only, following at most `maxRedirects` redirects (each to
 * http(s)) and nothing else, within `timeoutMs`, refusing a body over `maxBytes` as it streams and
 * any content type but `kind.types`. A failure is a SitrepError that says why (the caller names
 * the URL). Pages and feeds share it, so both are bounded alike.
 */
export async function fetchBounded(url: string, kind: FetchKind, options: FetchOptions = {}): Promise<FetchAnswer> {
  const { timeoutMs, maxBytes, maxRedirects } = { ...DEFAULT_FETCH_LIMITS, ...options.limits };
  const conditional = Boolean(options.etag || options.lastModified);
  const headers: Record<string, string> = { accept: kind.types.join(','), 'user-agent': 'sitrep (news reader)' };
  if (options.etag) headers['if-none-match'] = options.etag;
  if (options.lastModified) headers['if-modified-since'] = options.lastModified;
  const signal = AbortSignal.timeout(timeoutMs);
  let current = httpUrl(url, 'the address');
  try {
    for (let redirects = 0; ; redirects++) {
      const requested = current;
      await options.pacer?.before(requested);
      const response = await fetch(current, { redirect: 'manual', signal, headers }).finally(() =>
        // Counted from the answer's headers: a body still streaming is bounded by the timeout.
        options.pacer?.after(requested),
      );
      if (response.status === 304 && conditional) {
        await response.body?.cancel();
        return { status: 'not-modified', url: current };
      }
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
      if (!kind.types.includes(mime)) {
        await response.body?.cancel();
        throw refused(`${kind.notA}: its content type is ${mime ? `“${mime}”` : 'not given'}, not ${kind.expected}`);
      }
      const declared = Number(response.headers.get('content-length'));
      if (declared > maxBytes) {
        await response.body?.cancel();
        throw refused(tooLarge(maxBytes, kind));
      }
      return {
        status: 'fetched',
        httpStatus: response.status,
        bytes: await readBounded(response, maxBytes, kind),
        contentType: type,
        url: current,
        etag: response.headers.get('etag'),
        lastModified: response.headers.get('last-modified'),
      };
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

function tooLarge(maxBytes: number, kind: FetchKind): string {
  return `larger than the ${(maxBytes / 1024 / 1024).toLocaleString('en')} MB a ${kind.noun} may be`;
}

/** `href` if it is an http(s) URL, without its #fragment (a place in the page, never sent); `what` names it in the refusal. */
export function httpUrl(href: string, what: string): string {
  let parsed: URL;
  try {
    parsed = new URL(href);
  } catch {
    throw refused(`${what} “${href}” is not a URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw refused(`${what} “${href}” is not http(s); only web pages are fetched`);
  }
  parsed.hash = '';
  return parsed.href;
}

/** The body, stopped as soon as it passes `maxBytes`. */
async function readBounded(response: Response, maxBytes: number, kind: FetchKind): Promise<Uint8Array> {
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
      throw refused(tooLarge(maxBytes, kind));
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
