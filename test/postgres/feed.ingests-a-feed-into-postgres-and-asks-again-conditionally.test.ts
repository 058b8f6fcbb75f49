import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FeedServer, conditionalRss, pageAbout, runSitrepAsync, serveFeeds } from '../helpers';
import { postgresDatabase } from '../helpers/postgres';

const url = await postgresDatabase('sitrep ingest --feed on PostgreSQL');
const LAST_MODIFIED = 'Wed, 05 Feb 2025 10:00:00 GMT';
let server: FeedServer;

// Our own feed and pages.
beforeAll(async () => {
  server = await serveFeeds({
    '/feed.xml': conditionalRss(
      'Coast Ledger',
      () => '"v1"',
      (base) =>
        ['tartus', 'latakia'].map((path, i) => ({
          title: path,
          link: `${base}/pages/${path}`,
          date: `2025-02-0${i + 1}T10:00:00Z`,
        })),
      LAST_MODIFIED,
    ),
    '/pages/tartus': pageAbout('Tartus', 'News from Tartus'),
    '/pages/latakia': pageAbout('Latakia', 'News from Latakia'),
  });
});

afterAll(() => server?.close());

describe.skipIf(!url)('sitrep ingest --feed --db postgres://', () => {
  it('stores the items in PostgreSQL, keeps the validators there, and a 304 the second time brings nothing new', async () => {
    const ingestFeed = () =>
      runSitrepAsync(['ingest', '--feed', `${server.base}/feed.xml`, '--db', url!, '--per-host-delay', '0']);
    const first = await ingestFeed();
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^2 articles ingested, /m);
    const sql = postgres(url!, { max: 1, onnotice: () => {} });
    try {
      const feedRows = async () =>
        (await sql`select url, etag, last_modified, last_status, last_error from feeds`).map((r) => ({ ...r }));
      expect(await feedRows()).toEqual([
        {
          url: `${server.base}/feed.xml`,
          etag: '"v1"',
          last_modified: LAST_MODIFIED,
          last_status: 200,
          last_error: null,
        },
      ]);

      server.requests.length = 0;
      const second = await ingestFeed();
      expect(second.status, second.stderr).toBe(0);
      expect(second.stdout).toContain(
        `feed ${server.base}/feed.xml: not modified since the last check (HTTP 304); nothing new.`,
      );
      expect(second.stdout).toMatch(/^0 articles ingested, .* 0 skipped \(already stored\), 0 failed\.$/m);
      expect(server.requests).toHaveLength(1);
      expect(server.requests[0]!.headers).toMatchObject({
        'if-none-match': '"v1"',
        'if-modified-since': LAST_MODIFIED,
      });
      expect(await feedRows()).toMatchObject([{ etag: '"v1"', last_status: 304 }]);
      const [articles] = await sql`select count(*)::int as n, count(url)::int as with_url from articles`;
      expect(articles).toEqual({ n: 2, with_url: 2 });
    } finally {
      await sql.end();
    }
  });
});
