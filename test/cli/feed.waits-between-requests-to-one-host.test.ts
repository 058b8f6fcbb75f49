import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FeedServer, answer, pageAbout, rssFeed, runSitrepAsync, serveFeeds } from '../helpers';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-feed-delay-'));
const PLACES = ['Tartus', 'Latakia', 'Jableh'];
let server: FeedServer;

beforeAll(async () => {
  const pages = Object.fromEntries(PLACES.map((place) => [`/pages/${place}`, pageAbout(place)]));
  server = await serveFeeds({
    '/feed.xml': (_q, r, base) =>
      answer(
        r,
        rssFeed(
          'Coast Ledger',
          PLACES.map((place) => ({ title: place, link: `${base}/pages/${place}`, date: '2025-02-03T10:00:00Z' })),
        ),
        'application/rss+xml',
      ),
    ...pages,
  });
});

afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('sitrep ingest --feed --per-host-delay', () => {
  it('starts no two requests to one host closer together than the delay, the feed’s own included', async () => {
    const run = await runSitrepAsync([
      ...['ingest', '--feed', `${server.base}/feed.xml`, '--per-host-delay', '0.4'],
      ...['--db', join(dir, 'delay.db'), '--create'],
    ]);
    expect(run.status, run.stderr).toBe(0);
    expect(server.paths()).toEqual(['/feed.xml', ...PLACES.map((place) => `/pages/${place}`)]);
    const gaps = server.requests.slice(1).map((request, i) => request.at - server.requests[i]!.at);
    // The server sees each request a little after the client starts it; a few ms of slack for that.
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(390);
  });
});
