import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FeedServer, conditionalRss, pageAbout, serveFeeds, startSitrep, storedArticles } from '../helpers';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-watch-feed-'));
let server: FeedServer;
/** What the feed lists now: the test adds items as a newsroom would publish them. */
let version = 1;
const listed = ['/pages/tartus'];

beforeAll(async () => {
  server = await serveFeeds({
    '/feed.xml': conditionalRss(
      'Coast Ledger',
      () => `"v${version}"`,
      (base) => listed.map((path, i) => ({ title: path, link: `${base}${path}`, date: `2025-02-0${i + 1}T10:00:00Z` })),
    ),
    '/pages/tartus': pageAbout('Tartus', 'News from Tartus'),
    '/pages/latakia': pageAbout('Latakia', 'News from Latakia'),
    '/pages/broken': (_request, response) => {
      response.writeHead(503, { 'content-type': 'text/html' });
      response.end('<p>Try later.</p>');
    },
  });
});
afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('sitrep watch --feed', { timeout: 60_000 }, () => {
  it('reads the feed now and at each interval, asking conditionally, one line per new item, a failure stopping nothing', async () => {
    const db = join(dir, 'feed.db');
    const feed = `${server.base}/feed.xml`;
    const run = startSitrep([
      'watch',
      '--feed',
      feed,
      '--every',
      '1s',
      '--per-host-delay',
      '0',
      '--db',
      db,
      '--create',
    ]);
    try {
      await run.waitFor(/watching 1 feed, read every 1 s; Ctrl-C stops/);
      await run.waitFor(/ingested: http:\/\/127\.0\.0\.1:\d+\/pages\/tartus \(“News from Tartus[^”]*”, 2025-02-01\): /);
      await run.waitFor(/feed .*feed\.xml: not modified since the last check \(HTTP 304\); nothing new\./);

      listed.push('/pages/broken', '/pages/latakia');
      version = 2;
      await run.waitFor(/ingested: .*\/pages\/latakia/);
      await run.waitFor(/failed: .*\/pages\/broken \(feed .*feed\.xml\): .*HTTP 503/);
      run.child.kill('SIGINT');
      expect(await run.exited).toBe(1); // the broken item failed
    } finally {
      if (run.child.exitCode === null) run.child.kill('SIGKILL');
    }
    expect(storedArticles(db).map((a) => a.title)).toEqual([
      expect.stringContaining('News from Tartus'),
      expect.stringContaining('News from Latakia'),
    ]);
    // The stored item was never fetched again; the feed was asked with the validator it gave.
    expect(server.paths().filter((p) => p === '/pages/tartus')).toHaveLength(1);
    expect(server.requests.some((r) => r.path === '/feed.xml' && r.headers['if-none-match'] === '"v1"')).toBe(true);
    expect(run.output().stdout, run.output().stderr).toMatch(/stopped: 2 ingested, \d+ duplicates?, \d+ failed\n$/);
  });

  it('refuses to watch nothing', async () => {
    const run = startSitrep(['watch', '--db', join(dir, 'none.db'), '--create']);
    expect(await run.exited).toBe(1);
    expect(run.output().stderr).toMatch(/nothing to watch: give folders, or --feed URL\|FILE\./);
  });
});
