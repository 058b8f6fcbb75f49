import { once } from 'node:events';
import { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { newsPage } from '@sitrep/ingest/test-page';

// Feeds and a server for them, written by us for the feed tests: never corpus text.

export interface FeedEntry {
  title: string;
  link?: string;
  /** ISO timestamp. */
  date?: string;
  author?: string;
  /** The item's own content, HTML. */
  content?: string;
  summary?: string;
}

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const tag = (name: string, value: string | undefined) =>
  value === undefined ? '' : `<${name}>${escape(value)}</${name}>`;

/** RSS 2.0, content in content:encoded, the author in dc:creator. */
export function rssFeed(title: string, items: readonly FeedEntry[]): string {
  const entries = items.map(
    (item) =>
      `<item>${tag('title', item.title)}${tag('link', item.link)}` +
      `${tag('pubDate', item.date && new Date(item.date).toUTCString())}${tag('dc:creator', item.author)}` +
      `${tag('description', item.summary)}${tag('content:encoded', item.content)}</item>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel><title>${escape(title)}</title><link>https://harbour.example.org/</link><description>News</description>
    ${entries.join('\n    ')}
  </channel>
</rss>
`;
}

/** Atom 1.0, content as type="html". */
export function atomFeed(title: string, items: readonly FeedEntry[]): string {
  const entries = items.map(
    (item, i) =>
      `<entry><id>urn:sitrep-test:${i}</id>${tag('title', item.title)}` +
      `${item.link ? `<link rel="alternate" href="${escape(item.link)}"/>` : ''}` +
      `${tag('published', item.date)}<updated>${item.date ?? '2025-01-01T00:00:00Z'}</updated>` +
      `${item.author ? `<author><name>${escape(item.author)}</name></author>` : ''}${tag('summary', item.summary)}` +
      `${item.content === undefined ? '' : `<content type="html">${escape(item.content)}</content>`}</entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>${escape(title)}</title><id>urn:sitrep-test</id><updated>2025-02-06T00:00:00Z</updated>
  ${entries.join('\n  ')}
</feed>
`;
}

/** JSON Feed 1.1. */
export function jsonFeed(title: string, items: readonly FeedEntry[]): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title,
    items: items.map((item, i) => ({
      id: String(i),
      title: item.title,
      url: item.link,
      date_published: item.date,
      authors: item.author ? [{ name: item.author }] : undefined,
      summary: item.summary,
      content_html: item.content,
    })),
  });
}

/** Paragraphs as HTML. */
export const asParagraphs = (paragraphs: readonly string[]) => paragraphs.map((p) => `<p>${escape(p)}</p>`).join('\n');

/**
 * Three invented paragraphs about `place`, a different text for each place (so none is a copy of
 * another), over the 200 characters a page must give. `long` makes it over a thousand.
 */
export function reportAbout(place: string, long = false): string[] {
  const paragraphs = [
    `Port officials in ${place} said on Monday that three cargo ships had left the harbour, two dock workers told reporters.`,
    `The transport ministry denied that the ${place} terminal would close, a spokesman told state television on Tuesday.`,
    `Teodor Halm, a researcher at the Quayside Analytics Centre, said the departures from ${place} might signal a wider change.`,
  ];
  if (!long) return paragraphs;
  return [
    ...paragraphs,
    `Shipping agents in ${place} said they expected the traffic to stay light until the insurance questions were settled by the underwriters.`,
    `A harbour pilot who asked not to be named said the night shifts at ${place} had been cut from four crews to two since the start of the month.`,
    `The regional governor said on Wednesday that the ${place} quay would be dredged before the summer, according to a statement from his office.`,
    `Residents of ${place} said the cranes had stood still for most of the week, and that the fishing boats had moved to the northern basin.`,
    `Customs officers at ${place} said that the inspections of incoming containers would resume next week, a union representative told a local radio station.`,
  ];
}

export interface SeenRequest {
  path: string;
  /** performance.now() when it arrived. */
  at: number;
  headers: IncomingHttpHeaders;
}

export interface FeedServer {
  base: string;
  requests: SeenRequest[];
  /** The paths requested, in order. */
  paths(): string[];
  close(): void;
}

export type Route = (request: IncomingMessage, response: ServerResponse, base: string) => void;

/** A server on 127.0.0.1 that logs every request and answers each path by its route (404 for others). */
export async function serveFeeds(routes: Record<string, Route>): Promise<FeedServer> {
  const requests: SeenRequest[] = [];
  let base = '';
  const server = createServer((request, response) => {
    requests.push({ path: request.url ?? '', at: performance.now(), headers: request.headers });
    const route = routes[request.url ?? ''];
    if (route) route(request, response, base);
    else {
      response.writeHead(404, { 'content-type': 'text/html' });
      response.end('<html><body><p>Not here.</p></body></html>');
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    requests,
    paths: () => requests.map((r) => r.path),
    close() {
      server.closeAllConnections();
      server.close();
    },
  };
}

/** Answers with `body` as `type` (and any other headers). */
export function answer(
  response: ServerResponse,
  body: string | Buffer,
  type: string,
  headers: Record<string, string> = {},
): void {
  response.writeHead(200, { 'content-type': type, ...headers });
  response.end(body);
}

/** A news page about `place` (reportAbout), headed `headline`. */
export const pageAbout =
  (place: string, headline = place): Route =>
  (_request, response) =>
    answer(response, newsPage({ headline, paragraphs: reportAbout(place) }), 'text/html; charset=utf-8');

/**
 * An RSS feed of `items` that gives the ETag `etag()` (and `lastModified`, when given) and answers
 * 304 to a request that sends either back, as a feed server that honours conditional requests.
 */
export const conditionalRss =
  (title: string, etag: () => string, items: (base: string) => FeedEntry[], lastModified?: string): Route =>
  (request, response, base) => {
    const tag = etag();
    if (
      request.headers['if-none-match'] === tag ||
      (lastModified && request.headers['if-modified-since'] === lastModified)
    ) {
      response.writeHead(304, { etag: tag });
      return void response.end();
    }
    const validators: Record<string, string> = { etag: tag, ...(lastModified && { 'last-modified': lastModified }) };
    answer(response, rssFeed(title, items(base)), 'application/rss+xml', validators);
  };
