import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newsPage } from '@sitrep/ingest/test-page';
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

const dir = mkdtempSync(join(tmpdir(), 'sitrep-feed-stored-'));
let server: FeedServer;
const TARTUS = newsPage({ headline: 'Ships leave Tartus', paragraphs: reportAbout('Tartus') });

beforeAll(async () => {
  server = await serveFeeds({
    '/feed.xml': (_q, r, base) =>
      answer(
        r,
        rssFeed('Coast Ledger', [
          // Stored before, by `sitrep ingest URL`; the feed links to a place in it.
          { title: 'Ships leave', link: `${base}/pages/tartus#latest`, date: '2025-02-03T10:00:00Z' },
          // The same text at another address (a syndicated copy): known only once read.
          { title: 'Ships leave (copy)', link: `${base}/syndicated/tartus`, date: '2025-02-03T11:00:00Z' },
          { title: 'Latakia', link: `${base}/pages/latakia`, date: '2025-02-04T10:00:00Z' },
          { title: 'Latakia again', link: `${base}/pages/latakia`, date: '2025-02-04T10:00:00Z' },
        ]),
        'application/rss+xml',
      ),
    '/pages/tartus': (_q, r) => answer(r, TARTUS, 'text/html'),
    '/syndicated/tartus': (_q, r) => answer(r, TARTUS, 'text/html'),
    '/pages/latakia': pageAbout('Latakia'),
  });
});

afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('sitrep ingest --feed', () => {
  it('skips an item whose address an article has without fetching it, and one whose text is stored after reading it', async () => {
    const db = join(dir, 'stored.db');
    const { base } = server;
    const page = await runSitrepAsync([
      'ingest',
      `${base}/pages/tartus`,
      '--db',
      db,
      '--create',
      '--date',
      '2025-02-03',
    ]);
    expect(page.status, page.stderr).toBe(0);

    server.requests.length = 0;
    const run = await runSitrepAsync(['ingest', '--feed', `${base}/feed.xml`, '--db', db, '--per-host-delay', '0']);
    expect(run.status, run.stderr).toBe(0);
    expect(server.paths()).toEqual(['/feed.xml', '/syndicated/tartus', '/pages/latakia']);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toEqual([
      `skipped: ${base}/pages/tartus#latest (feed ${base}/feed.xml): already stored (“Ships leave Tartus | Harbour Watch”, 2025-02-03): an article has this address; not fetched.`,
      `skipped: ${base}/pages/latakia (feed ${base}/feed.xml): listed twice in the feed; read once.`,
      expect.stringMatching(
        new RegExp(`^skipped: ${base}/syndicated/tartus \\(feed ${base}/feed\\.xml\\): This text is already stored`),
      ),
    ]);
    expect(run.stdout).toContain(`feed ${base}/feed.xml: 4 items: 1 ingested, 3 already stored, 0 failed.`);
    expect(storedArticles(db).map((a) => a.url)).toEqual([`${base}/pages/tartus`, `${base}/pages/latakia`]);
  });
});
