import { once } from 'node:events';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FURNITURE_WORDS, newsPage } from '@sitrep/ingest/test-page';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSitrepAsync, spansMisplaced, storedArticles } from '../helpers';

// Our own words, invented for this test.
const QUAY = [
  'Syria said on Monday that three Russian ships had left the Tartus naval facility, two officials told reporters.',
  'The Kremlin denied that the Hmeimim Air Base would close, a spokesman told state television on Tuesday.',
  'Teodor Halm, a researcher at the Quayside Analytics Centre, said the departures might signal a wider withdrawal.',
];
const PORTS = [
  'The port of Latakia reopened to cargo ships on Wednesday, the transport ministry said in a statement.',
  'Officials at the ministry said the first ships would arrive within days, according to the state news agency.',
  'Shipping agents said they expected the traffic to stay light until the insurance questions were settled.',
];
/** Names no URL of its own: stored with the URL it was fetched from, after redirects. */
const PORTS_PAGE = newsPage({
  headline: 'Ports reopen',
  paragraphs: PORTS,
  meta: { 'article:published_time': '2025-02-04T08:00:00Z', 'og:site_name': 'Coast Ledger' },
});
const QUAY_PAGE = newsPage({
  headline: 'Ships leave',
  paragraphs: QUAY,
  jsonLd: {
    '@type': 'NewsArticle',
    headline: 'Ships leave the quay',
    datePublished: '2025-02-03',
    publisher: { name: 'Harbour Watch' },
    url: 'https://harbour.example.org/ships',
  },
});
const SIX_MB = 6 * 1024 * 1024;

const requests: string[] = [];
let server: Server;
let base = '';

function route(request: IncomingMessage, response: ServerResponse): void {
  const html = (body: string, type = 'text/html; charset=utf-8') => {
    response.writeHead(200, { 'content-type': type });
    response.end(body);
  };
  const redirect = (status: number, location: string) => {
    response.writeHead(status, { location });
    response.end();
  };
  switch (request.url) {
    case '/ships':
      return html(QUAY_PAGE);
    case '/ships-xhtml':
      return html(QUAY_PAGE, 'application/xhtml+xml');
    case '/old/ports':
      return redirect(301, '/moved/ports');
    case '/moved/ports':
      return redirect(302, `${base}/ports`);
    case '/ports':
      return html(PORTS_PAGE);
    case '/loop-a':
      return redirect(302, '/loop-b');
    case '/loop-b':
      return redirect(302, '/loop-a');
    case '/to-ftp':
      return redirect(302, 'ftp://127.0.0.1/ports');
    case '/slow':
      // Answers long after the command's timeout; the test's server closes the connection at the end.
      setTimeout(() => html(QUAY_PAGE), 30_000).unref();
      return;
    case '/huge-streamed': {
      response.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      let sent = 0;
      const more = () => {
        while (sent < SIX_MB && !response.destroyed) {
          sent += chunk.length;
          if (!response.write(chunk)) return void response.once('drain', more);
        }
        response.end();
      };
      return more();
    }
    case '/huge-declared':
      response.writeHead(200, { 'content-type': 'text/html', 'content-length': String(SIX_MB) });
      return void response.end(Buffer.alloc(SIX_MB, 'a'));
    case '/report.pdf':
      return html('%PDF-1.4', 'application/pdf');
    case '/broken':
      return html('<html><head><title>Oops</title><body><div><span>Ports</div></p></span><<>>');
    default:
      response.writeHead(404, { 'content-type': 'text/html' });
      response.end('<html><body><p>Not here.</p></body></html>');
  }
}

const dir = mkdtempSync(join(tmpdir(), 'sitrep-cli-urls-'));

beforeAll(async () => {
  server = createServer((request, response) => {
    requests.push(request.url ?? '');
    route(request, response);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('sitrep ingest https://…', () => {
  it('fetches pages (with --bulk too), follows redirects, stores the article text with the final URL where the page names none, and requests nothing else', async () => {
    const db = join(dir, 'fetched.db');
    requests.length = 0;
    // --bulk: the pages are fetched before its one transaction begins.
    const run = await runSitrepAsync([
      'ingest',
      `${base}/ships`,
      `${base}/old/ports`,
      '--db',
      db,
      '--create',
      '--bulk',
    ]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^2 articles ingested, .* 0 failed\.$/m);
    const [ships, ports] = storedArticles(db);
    expect(ships).toMatchObject({
      title: 'Ships leave the quay',
      published_at: '2025-02-03',
      outlet: 'Harbour Watch',
      url: 'https://harbour.example.org/ships',
      text: `${QUAY.join('\n\n')}\n`,
    });
    expect(ports).toMatchObject({ published_at: '2025-02-04', outlet: 'Coast Ledger', url: `${base}/ports` });
    for (const article of [ships!, ports!]) {
      for (const word of FURNITURE_WORDS) expect(article.text).not.toContain(word);
      expect(spansMisplaced(article)).toEqual([]);
    }
    // Not the page's image, script or links: only what was given and where it redirected.
    expect(requests).toEqual(['/ships', '/old/ports', '/moved/ports', '/ports']);
  });

  it('says why each URL that cannot be read failed, in one line naming it, and stores the others', async () => {
    const db = join(dir, 'failures.db');
    const bad = [
      '/missing',
      '/loop-a',
      '/to-ftp',
      '/slow',
      '/huge-streamed',
      '/huge-declared',
      '/report.pdf',
      '/broken',
    ].map((path) => `${base}${path}`);
    const run = await runSitrepAsync([
      ...['ingest', ...bad, `${base}/ships-xhtml`, 'ftp://127.0.0.1/ports'],
      ...['--db', db, '--create', '--fetch-timeout', '1'],
    ]);
    expect(run.status).toBe(1);
    const failed = (path: string) => new RegExp(`^failed: ${base}${path}: (.*)$`, 'm').exec(run.stderr)?.[1];
    expect(failed('/missing')).toBe('HTTP 404 Not Found');
    expect(failed('/loop-a')).toMatch(/^more than 5 redirects/);
    expect(failed('/to-ftp')).toBe('a redirect “ftp://127.0.0.1/ports” is not http(s); only web pages are fetched');
    expect(failed('/slow')).toBe('no complete answer within 1 s (timed out)');
    expect(failed('/huge-streamed')).toBe('larger than the 5 MB a page may be');
    expect(failed('/huge-declared')).toBe('larger than the 5 MB a page may be');
    expect(failed('/report.pdf')).toBe('not a web page: its content type is “application/pdf”, not text/html');
    expect(failed('/broken')).toMatch(/^no article text found in the page/);
    expect(run.stderr).toMatch(/^failed: ftp:\/\/127\.0\.0\.1\/ports: the address .* is not http\(s\)/m);
    expect(run.stderr.trim().split('\n')).toHaveLength(9);
    expect(run.stdout).toMatch(/^1 article ingested, .* 9 failed\.$/m);
    expect(storedArticles(db).map((a) => a.url)).toEqual(['https://harbour.example.org/ships']);
  });
});
