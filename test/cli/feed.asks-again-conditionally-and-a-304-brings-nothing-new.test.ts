import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@sitrep/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FeedServer, conditionalRss, pageAbout, runSitrepAsync, serveFeeds, storedArticles } from '../helpers';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-feed-304-'));
const LAST_MODIFIED = 'Wed, 05 Feb 2025 10:00:00 GMT';
let server: FeedServer;
/** Whether /pages/flaky answers yet. */
let flakyUp = false;

const items = (paths: string[]) => (base: string) =>
  paths.map((path, i) => ({ title: path, link: `${base}${path}`, date: `2025-02-0${i + 1}T10:00:00Z` }));

beforeAll(async () => {
  server = await serveFeeds({
    '/feed.xml': conditionalRss(
      'Coast Ledger',
      () => '"v1"',
      items(['/pages/tartus', '/pages/latakia']),
      LAST_MODIFIED,
    ),
    '/flaky.xml': conditionalRss('Coast Ledger', () => '"f1"', items(['/pages/jableh', '/pages/flaky']), LAST_MODIFIED),
    '/pages/tartus': pageAbout('Tartus', 'News from Tartus'),
    '/pages/latakia': pageAbout('Latakia', 'News from Latakia'),
    '/pages/jableh': pageAbout('Jableh', 'News from Jableh'),
    '/pages/flaky': (request, response, base) => {
      if (flakyUp) return pageAbout('Baniyas')(request, response, base);
      response.writeHead(503, { 'content-type': 'text/html' });
      response.end('<p>Try later.</p>');
    },
  });
});

afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

const ingestFeed = (db: string, path: string) =>
  runSitrepAsync(['ingest', '--feed', `${server.base}${path}`, '--db', db, '--create', '--per-host-delay', '0']);

function feedRows(db: string) {
  const opened = openDatabase(db);
  try {
    return opened.sqlite.prepare('select url, etag, last_modified, last_status, last_error from feeds').all();
  } finally {
    opened.close();
  }
}

describe('sitrep ingest --feed, run again', () => {
  it('sends the validators the feed gave, and a 304 is nothing new, logged as such, with nothing else requested', async () => {
    const db = join(dir, 'again.db');
    const first = await ingestFeed(db, '/feed.xml');
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^2 articles ingested, /m);
    expect(feedRows(db)).toEqual([
      {
        url: `${server.base}/feed.xml`,
        etag: '"v1"',
        last_modified: LAST_MODIFIED,
        last_status: 200,
        last_error: null,
      },
    ]);

    server.requests.length = 0;
    const second = await ingestFeed(db, '/feed.xml');
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toContain(
      `feed ${server.base}/feed.xml: not modified since the last check (HTTP 304); nothing new.`,
    );
    expect(second.stdout).toMatch(/^0 articles ingested, .* 0 skipped \(already stored\), 0 failed\.$/m);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.headers).toMatchObject({ 'if-none-match': '"v1"', 'if-modified-since': LAST_MODIFIED });
    expect(storedArticles(db)).toHaveLength(2);
    expect(feedRows(db)).toMatchObject([{ etag: '"v1"', last_status: 304 }]);
  });

  it('keeps no validators from a read whose item failed, so the next run reads the feed again and tries that item', async () => {
    const db = join(dir, 'flaky.db');
    flakyUp = false;
    const first = await ingestFeed(db, '/flaky.xml');
    expect(first.status).toBe(1);
    expect(first.stderr.trim()).toBe(
      `failed: ${server.base}/pages/flaky (feed ${server.base}/flaky.xml): HTTP 503 Service Unavailable`,
    );
    expect(feedRows(db)).toMatchObject([{ etag: null, last_modified: null, last_status: 200 }]);

    flakyUp = true;
    server.requests.length = 0;
    const second = await ingestFeed(db, '/flaky.xml');
    expect(second.status, second.stderr).toBe(0);
    expect(server.requests[0]!.headers['if-none-match']).toBeUndefined();
    // The item stored the first time is known by its address and not fetched again.
    expect(server.paths()).toEqual(['/flaky.xml', '/pages/flaky']);
    expect(second.stdout).toContain(`feed ${server.base}/flaky.xml: 2 items: 1 ingested, 1 already stored, 0 failed.`);
    expect(second.stderr).toMatch(
      /^skipped: .*\/pages\/jableh \(feed .*\/flaky\.xml\): already stored \(“News from Jableh/m,
    );

    server.requests.length = 0;
    const third = await ingestFeed(db, '/flaky.xml');
    expect(third.stdout).toContain('not modified since the last check (HTTP 304)');
    expect(server.paths()).toEqual(['/flaky.xml']);
    expect(storedArticles(db)).toHaveLength(2);
  });
});
