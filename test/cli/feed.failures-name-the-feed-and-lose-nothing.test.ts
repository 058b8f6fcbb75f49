import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServerResponse } from 'node:http';
import { openDatabase } from '@sitrep/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type FeedServer,
  answer,
  pageAbout,
  reportAbout,
  rssFeed,
  runSitrepAsync,
  serveFeeds,
  storedArticles,
} from '../helpers';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-feed-failures-'));
const SIX_MB = 6 * 1024 * 1024;
let server: FeedServer;

const redirect = (response: ServerResponse, location: string) => {
  response.writeHead(302, { location });
  response.end();
};
/** Answers long after the command's timeout; closing the server ends it. */
const never = () => {};
const huge = (type: string) => (_q: unknown, r: ServerResponse) =>
  answer(r, Buffer.alloc(SIX_MB, ' '), type, { 'content-length': String(SIX_MB) });

/** Feeds that cannot be read, each by its path, and what the command says of it. */
const BAD_FEEDS: Record<string, string> = {
  '/not-xml': 'not a feed: it is neither XML nor JSON (it begins “Harbour news, plain text, no markup at a”)',
  '/html-as-xml':
    'not a feed: it is an HTML page, not RSS, Atom or JSON Feed (give the address of its feed, or ingest the page itself)',
  '/other-xml': 'not a feed: its root element is <catalog>, not <rss>, <feed> or <rdf:RDF>',
  '/broken-rss': 'not a feed: it is not well-formed RSS, Atom or RDF XML',
  '/not-json-feed': 'not a feed: it is JSON but not a JSON Feed (no "version" and "items")',
  '/page': 'not a feed: its content type is “text/html”, not an RSS, Atom or JSON Feed type',
  '/huge': 'larger than the 5 MB a feed may be',
  '/loop-a': 'more than 5 redirects (the last to /loop-a)',
  '/slow': 'no complete answer within 1 s (timed out)',
  '/missing': 'HTTP 404 Not Found',
};

beforeAll(async () => {
  server = await serveFeeds({
    '/not-xml': (_q, r) => answer(r, 'Harbour news, plain text, no markup at all.', 'text/xml'),
    '/html-as-xml': (_q, r) => answer(r, '<!DOCTYPE html><html><body><p>Ports</p></body></html>', 'application/xml'),
    '/other-xml': (_q, r) => answer(r, '<?xml version="1.0"?><catalog><book>Ports</book></catalog>', 'application/xml'),
    '/broken-rss': (_q, r) => answer(r, '<rss version="2.0"><channel><title>Ports</ti', 'application/rss+xml'),
    '/not-json-feed': (_q, r) => answer(r, '{"ports": ["Tartus"]}', 'application/json'),
    '/page': pageAbout('Sidon'),
    '/huge': huge('application/rss+xml'),
    '/loop-a': (_q, r) => redirect(r, '/loop-b'),
    '/loop-b': (_q, r) => redirect(r, '/loop-a'),
    '/slow': never,
    '/feed.xml': (_q, r, base) =>
      answer(
        r,
        rssFeed('Coast Ledger', [
          { title: 'Good', link: `${base}/pages/good`, date: '2025-02-03T10:00:00Z' },
          { title: 'Broken', link: `${base}/pages/broken`, date: '2025-02-03T10:00:00Z' },
          { title: 'A report', link: `${base}/pages/report.pdf`, date: '2025-02-03T10:00:00Z' },
          { title: 'Slow', link: `${base}/pages/slow`, date: '2025-02-03T10:00:00Z' },
          { title: 'Huge', link: `${base}/pages/huge`, date: '2025-02-03T10:00:00Z' },
          { title: 'Elsewhere', link: 'ftp://127.0.0.1/pages/good', date: '2025-02-03T10:00:00Z' },
          { title: 'Nothing', date: '2025-02-03T10:00:00Z', summary: 'A line.' },
        ]),
        'application/rss+xml',
      ),
    '/pages/good': pageAbout('Tartus'),
    '/pages/broken': (_q, r) =>
      answer(r, '<html><head><title>Oops</title><body><div><span>Ports</div></p></span><<>>', 'text/html'),
    '/pages/report.pdf': (_q, r) => answer(r, '%PDF-1.4', 'application/pdf'),
    '/pages/slow': never,
    '/pages/huge': huge('text/html'),
  });
});

afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('sitrep ingest --feed, when feeds or items cannot be read', () => {
  it('says why in one line naming the feed (and the item), stores nothing of what failed, and the rest goes in', async () => {
    const { base } = server;
    const db = join(dir, 'failures.db');
    const note = join(dir, 'note.txt');
    writeFileSync(note, `date 2025-02-04 LATAKIA: ${reportAbout('Latakia').join(' ')}\n`);
    const missingFile = join(dir, 'no-such-feed.xml');
    const feeds = [...Object.keys(BAD_FEEDS).map((path) => `${base}${path}`), missingFile, `${base}/feed.xml`];
    const run = await runSitrepAsync([
      ...['ingest', note, ...feeds.flatMap((feed) => ['--feed', feed])],
      ...['--db', db, '--create', '--fetch-timeout', '1', '--per-host-delay', '0'],
    ]);
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n');
    const feedFailure = (feed: string) =>
      lines
        .find((l) => l.startsWith(`failed: feed ${feed}: `))
        ?.split(': ')
        .slice(2)
        .join(': ');
    for (const [path, why] of Object.entries(BAD_FEEDS)) expect(feedFailure(`${base}${path}`), path).toBe(why);
    expect(feedFailure(missingFile)).toBe('no such file.');

    const itemFailure = (item: string) =>
      new RegExp(
        `^failed: ${item.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(feed ${base}/feed\\.xml\\): (.*)$`,
        'm',
      ).exec(run.stderr)?.[1];
    expect(itemFailure(`${base}/pages/broken`)).toMatch(/^no article text found in the page/);
    expect(itemFailure(`${base}/pages/report.pdf`)).toBe(
      'not a web page: its content type is “application/pdf”, not text/html',
    );
    expect(itemFailure(`${base}/pages/slow`)).toBe('no complete answer within 1 s (timed out)');
    expect(itemFailure(`${base}/pages/huge`)).toBe('larger than the 5 MB a page may be');
    expect(itemFailure('ftp://127.0.0.1/pages/good')).toBe(
      'the address “ftp://127.0.0.1/pages/good” is not http(s); only web pages are fetched',
    );
    expect(itemFailure(`${base}/feed.xml, item 7 “Nothing”`)).toBe(
      'the item has neither a link nor content of its own.',
    );
    expect(lines).toHaveLength(Object.keys(BAD_FEEDS).length + 1 + 6);

    expect(run.stdout).toContain(`feed ${base}/feed.xml: 7 items: 1 ingested, 0 already stored, 6 failed.`);
    expect(run.stdout).toMatch(/^2 articles ingested, .* 0 skipped \(already stored\), 17 failed\.$/m);
    expect(storedArticles(db).map((a) => a.published_at + ' ' + (a.url ?? 'note'))).toEqual([
      '2025-02-04 note',
      `2025-02-03 ${base}/pages/good`,
    ]);
    // Each feed URL's check is remembered with why it failed, and no validators.
    const opened = openDatabase(db);
    try {
      const rows = opened.sqlite.prepare('select url, etag, last_status, last_error from feeds order by id').all();
      expect(rows).toContainEqual({
        url: `${base}/missing`,
        etag: null,
        last_status: null,
        last_error: 'HTTP 404 Not Found',
      });
      expect(rows).toHaveLength(Object.keys(BAD_FEEDS).length + 1);
    } finally {
      opened.close();
    }
  });
});
