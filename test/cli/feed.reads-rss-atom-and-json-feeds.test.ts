import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FURNITURE_WORDS, newsPage } from '@sitrep/ingest/test-page';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type FeedServer,
  answer,
  asParagraphs,
  atomFeed,
  jsonFeed,
  pageAbout,
  reportAbout,
  rssFeed,
  runSitrepAsync,
  serveFeeds,
  spansMisplaced,
  storedArticles,
} from '../helpers';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-feeds-'));
let server: FeedServer;
const html = 'text/html; charset=utf-8';
/** A page with its own date and outlet (JSON-LD); pageAbout's say neither, and the feed's item fills in. */
const DATED_PAGE = newsPage({
  headline: 'Ships leave Tartus',
  paragraphs: reportAbout('Tartus'),
  jsonLd: {
    '@type': 'NewsArticle',
    headline: 'Ships leave Tartus',
    datePublished: '2025-02-03',
    publisher: 'Harbour Watch',
  },
});

beforeAll(async () => {
  server = await serveFeeds({
    '/rss.xml': (_q, r, base) =>
      answer(
        r,
        rssFeed('Coast Ledger', [
          { title: 'Ships leave', link: `${base}/pages/tartus`, date: '2025-02-03T09:00:00Z', summary: 'Ships left.' },
          { title: 'Quiet in Latakia', link: `${base}/pages/latakia`, date: '2025-02-04T09:00:00Z' },
        ]),
        'application/rss+xml',
      ),
    '/atom.xml': (_q, r, base) =>
      answer(
        r,
        atomFeed('Quay Review', [
          // Whole articles in the feed: read from it, their pages never requested.
          {
            title: 'Cranes stop in Baniyas',
            link: `${base}/atom/baniyas`,
            date: '2025-02-05T08:00:00+02:00',
            author: 'Ana Example',
            content: asParagraphs(reportAbout('Baniyas', true)),
          },
          {
            title: 'Pilots in Arwad',
            link: `${base}/atom/arwad`,
            date: '2025-02-05T10:00:00Z',
            content: asParagraphs(reportAbout('Arwad', true)),
          },
          // A teaser: its page is read.
          {
            title: 'Jableh',
            link: `${base}/pages/jableh`,
            date: '2025-02-06T10:00:00Z',
            content: '<p>Port officials in Jableh said… Read more</p>',
          },
        ]),
        'application/atom+xml',
      ),
    // Moved: followed, and its relative links read against where it now is.
    '/old/feed.json': (_q, r) => {
      r.writeHead(301, { location: '/news/feed.json' });
      r.end();
    },
    '/news/feed.json': (_q, r) =>
      answer(
        r,
        jsonFeed('Gulf Wire', [
          { title: 'Quiet in Tobruk', link: '../pages/tobruk', date: '2025-02-07T10:00:00Z', summary: 'Tobruk.' },
        ]),
        'application/feed+json',
      ),
    '/pages/tartus': (_q, r) => answer(r, DATED_PAGE, html),
    '/pages/latakia': pageAbout('Latakia', 'Quiet in Latakia'),
    '/pages/jableh': pageAbout('Jableh', 'Quiet in Jableh'),
    '/pages/tobruk': pageAbout('Tobruk', 'Quiet in Tobruk'),
    '/pages/derna': pageAbout('Derna', 'Quiet in Derna'),
  });
});

afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('sitrep ingest --feed', () => {
  it('reads RSS items from their pages, Atom items from their full content, and a moved JSON Feed’s relative links, requesting nothing else', async () => {
    const db = join(dir, 'feeds.db');
    const { base } = server;
    const run = await runSitrepAsync([
      ...['ingest', '--feed', `${base}/rss.xml`, '--feed', `${base}/atom.xml`, '--feed', `${base}/old/feed.json`],
      ...['--db', db, '--create', '--per-host-delay', '0'],
    ]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(`feed ${base}/rss.xml: 2 items: 2 ingested, 0 already stored, 0 failed.`);
    expect(run.stdout).toContain(`feed ${base}/atom.xml: 3 items: 3 ingested, 0 already stored, 0 failed.`);
    expect(run.stdout).toContain(`feed ${base}/old/feed.json: 1 item: 1 ingested, 0 already stored, 0 failed.`);
    expect(run.stdout).toMatch(/^6 articles ingested, .* 0 failed\.$/m);
    expect(server.paths()).toEqual([
      ...['/rss.xml', '/pages/tartus', '/pages/latakia'],
      ...['/atom.xml', '/pages/jableh'],
      ...['/old/feed.json', '/news/feed.json', '/pages/tobruk'],
    ]);

    const articles = storedArticles(db);
    const at = (path: string) => articles.find((a) => a.url === `${base}${path}`);
    // The page's own date and outlet win; the item's fill in where the page says none.
    expect(articles.find((a) => a.title === 'Ships leave Tartus')).toMatchObject({
      published_at: '2025-02-03',
      outlet: 'Harbour Watch',
      url: `${base}/pages/tartus`,
    });
    expect(at('/pages/latakia')).toMatchObject({ published_at: '2025-02-04', outlet: 'Coast Ledger' });
    expect(at('/atom/baniyas')).toMatchObject({
      title: 'Cranes stop in Baniyas',
      published_at: '2025-02-05',
      outlet: 'Quay Review',
      author: 'Ana Example', // the item's byline
      text: `${reportAbout('Baniyas', true).join('\n\n')}\n`,
    });
    expect(at('/pages/jableh')).toMatchObject({
      published_at: '2025-02-06',
      text: `${reportAbout('Jableh').join('\n\n')}\n`,
    });
    expect(at('/pages/tobruk')).toMatchObject({ published_at: '2025-02-07', outlet: 'Gulf Wire' });
    for (const article of articles) {
      for (const word of FURNITURE_WORDS) expect(article.text).not.toContain(word);
      expect(spansMisplaced(article)).toEqual([]);
    }
  });

  it('reads a feed saved as a file, fetching its items’ pages, beside files given as paths, with --bulk too', async () => {
    const db = join(dir, 'file.db');
    const feed = join(dir, 'saved.rss');
    writeFileSync(
      feed,
      rssFeed('Coast Ledger', [{ title: 'Derna', link: `${server.base}/pages/derna`, date: '2025-02-08T10:00:00Z' }]),
    );
    const note = join(dir, 'note.txt');
    writeFileSync(note, `date 2025-02-08 TARTUS: ${reportAbout('Sidon').join(' ')}\n`);
    server.requests.length = 0;
    const run = await runSitrepAsync([
      'ingest',
      note,
      '--feed',
      feed,
      '--db',
      db,
      '--create',
      '--per-host-delay',
      '0',
      '--bulk',
    ]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`feed ${feed}: 1 item: 1 ingested, 0 already stored, 0 failed.`);
    expect(run.stdout).toMatch(/^2 articles ingested, /m);
    expect(server.paths()).toEqual(['/pages/derna']);
    expect(storedArticles(db).map((a) => [a.published_at, a.url])).toEqual([
      ['2025-02-08', null],
      ['2025-02-08', `${server.base}/pages/derna`],
    ]);
  });
});
