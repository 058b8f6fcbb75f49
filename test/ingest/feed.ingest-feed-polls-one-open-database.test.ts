import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type SitrepDatabase, findFeed, openDatabase } from '@sitrep/db';
import { HostPacer, ingestFeed } from '@sitrep/ingest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FeedServer, conditionalRss, pageAbout, serveFeeds } from '../helpers';

// What `sitrep watch --feed` does: the same library call, again and again, on one open database.
const dir = mkdtempSync(join(tmpdir(), 'sitrep-feed-poll-'));
let db: SitrepDatabase;
let server: FeedServer;
/** The feed's items, by place; a poll may find one more. */
const places = ['Tartus'];

beforeAll(async () => {
  db = openDatabase(join(dir, 'poll.db'));
  server = await serveFeeds({
    '/feed.xml': conditionalRss(
      'Coast Ledger',
      () => `"${places.length}"`,
      (base) => places.map((place) => ({ title: place, link: `${base}/pages/${place}`, date: '2025-02-03T10:00:00Z' })),
    ),
    '/pages/Tartus': pageAbout('Tartus'),
    '/pages/Latakia': pageAbout('Latakia'),
  });
});

afterAll(() => {
  server.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('ingestFeed, called again on one open database', () => {
  it('stores new items once, asks conditionally each time, and fetches only what is new', async () => {
    const feed = `${server.base}/feed.xml`;
    const pacer = new HostPacer(0);
    const poll = () => ingestFeed(db, feed, { pacer });

    const first = await poll();
    expect(first.read.outcome).toBe('read');
    expect(first.summary).toMatchObject({ articles: 1, skipped: 0, failed: 0 });
    expect(findFeed(db, feed)).toMatchObject({ etag: '"1"', lastStatus: 200, lastError: null });

    const unchanged = await poll();
    expect(unchanged.read.outcome).toBe('not-modified');
    expect(unchanged.summary).toMatchObject({ articles: 0, skipped: 0, failed: 0 });

    places.push('Latakia');
    server.requests.length = 0;
    const grown = await poll();
    expect(grown.summary).toMatchObject({ articles: 1, skipped: 1, failed: 0 });
    expect(server.paths()).toEqual(['/feed.xml', '/pages/Latakia']);
    expect(server.requests[0]!.headers['if-none-match']).toBe('"1"');
    expect(findFeed(db, feed)).toMatchObject({ etag: '"2"' });
    expect((db.sqlite.prepare('select count(*) as n from articles').get() as { n: number }).n).toBe(2);
  });
});
