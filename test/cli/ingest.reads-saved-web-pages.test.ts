import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FURNITURE_WORDS, newsPage } from '@sitrep/ingest/test-page';
import { afterAll, describe, expect, it } from 'vitest';
import { runSitrep, spansMisplaced, storedArticles, writeFileIn } from '../helpers';

// Our own words, invented for this test.
const QUAY = [
  'Syria said on Monday that three Russian ships had left the Tartus naval facility, two officials told reporters.',
  'The Kremlin denied that the Hmeimim Air Base would close, a spokesman told state television on Tuesday.',
  'Teodor Halm, a researcher at the Quayside Analytics Centre, said the departures might signal a wider withdrawal.',
  'The port authority said it expected more ships to leave before the end of the month.',
];
const JSON_LD = {
  '@context': 'https://schema.org',
  '@type': 'NewsArticle',
  headline: 'Grey ships leave the Tartus quay',
  datePublished: '2025-02-03T09:15:00+02:00',
  publisher: { '@type': 'Organization', name: 'Harbour Watch' },
  mainEntityOfPage: 'https://harbour.example.org/2025/02/ships',
};
const OPEN_GRAPH = {
  'og:title': 'Ports reopen to cargo',
  'og:site_name': 'Coast Ledger',
  'og:url': 'https://coast.example.org/ports',
  'article:published_time': '2025-02-04T08:00:00Z',
};
const PORTS = [
  'The port of Latakia reopened to cargo ships on Wednesday, the transport ministry said in a statement.',
  'Officials at the ministry said the first ships would arrive within days, according to the state news agency.',
  'Shipping agents said they expected the traffic to stay light until the insurance questions were settled.',
];

const dir = mkdtempSync(join(tmpdir(), 'sitrep-cli-pages-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, text: string) => writeFileIn(dir, name, text);

describe('sitrep ingest of saved web pages', () => {
  it('stores the article’s paragraphs without the furniture, dated and credited by its JSON-LD, offsets into the stored text', () => {
    const db = join(dir, 'one.db');
    const file = write('one/ships.html', newsPage({ headline: JSON_LD.headline, paragraphs: QUAY, jsonLd: JSON_LD }));
    const run = runSitrep(['ingest', file, '--db', db, '--create']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^1 article ingested, .* 0 failed\.$/m);
    const [article, ...others] = storedArticles(db);
    expect(others).toEqual([]);
    expect(article).toMatchObject({
      title: 'Grey ships leave the Tartus quay',
      published_at: '2025-02-03',
      outlet: 'Harbour Watch',
      url: 'https://harbour.example.org/2025/02/ships',
      text: `${QUAY.join('\n\n')}\n`,
    });
    for (const word of FURNITURE_WORDS) expect(article!.text).not.toContain(word);
    expect(article!.claims.length).toBeGreaterThanOrEqual(3);
    expect(article!.mentions.map((m) => m.said)).toEqual(expect.arrayContaining(['Syria', 'Teodor Halm']));
    expect(spansMisplaced(article!)).toEqual([]);
  });

  it('takes the .html and .htm files of a folder with the notes, OpenGraph where there is no JSON-LD', () => {
    const db = join(dir, 'folder.db');
    write('folder/a-ships.html', newsPage({ headline: 'Ships', paragraphs: QUAY, jsonLd: JSON_LD }));
    write('folder/b-ports.htm', newsPage({ headline: 'Ports reopen to cargo', paragraphs: PORTS, meta: OPEN_GRAPH }));
    write('folder/c-note.txt', 'date 2025-01-20 HOMS: Syria said the talks over the Qarawi airbase would resume.\n');
    const run = runSitrep(['ingest', join(dir, 'folder'), '--db', db, '--create']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^3 articles ingested, .* 0 failed\.$/m);
    expect(storedArticles(db).map((a) => [a.title, a.published_at, a.outlet, a.url])).toEqual([
      ['Grey ships leave the Tartus quay', '2025-02-03', 'Harbour Watch', 'https://harbour.example.org/2025/02/ships'],
      ['Ports reopen to cargo', '2025-02-04', 'Coast Ledger', 'https://coast.example.org/ports'],
      [expect.any(String), '2025-01-20', null, null],
    ]);
  });

  it('lets --date, --outlet and --url win over the page', () => {
    const db = join(dir, 'flags.db');
    const file = write('flags/ships.html', newsPage({ headline: 'Ships', paragraphs: QUAY, jsonLd: JSON_LD }));
    const run = runSitrep([
      ...['ingest', file, '--db', db, '--create'],
      ...['--date', '2025-02-05', '--outlet', 'Desk notes', '--url', 'https://desk.example.org/ships'],
    ]);
    expect(run.status, run.stderr).toBe(0);
    expect(storedArticles(db)[0]).toMatchObject({
      published_at: '2025-02-05',
      outlet: 'Desk notes',
      url: 'https://desk.example.org/ships',
    });
  });

  it('refuses a page without article text or without a date, naming the file, and stores the others', () => {
    const db = join(dir, 'refused.db');
    const empty = write(
      'refused/a-empty.html',
      newsPage({ headline: 'Page not found', paragraphs: [], jsonLd: JSON_LD }),
    );
    const undated = write('refused/b-undated.html', newsPage({ headline: 'Ports', paragraphs: PORTS }));
    const good = write('refused/c-good.html', newsPage({ headline: 'Ships', paragraphs: QUAY, jsonLd: JSON_LD }));
    const run = runSitrep(['ingest', empty, undated, good, '--db', db, '--create']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^failed: \S*a-empty\.html: no article text found in the page/m);
    expect(run.stderr).toMatch(/^failed: \S*b-undated\.html: no publication date: .*--date YYYY-MM-DD/m);
    expect(run.stdout).toMatch(/^1 article ingested, .* 2 failed\.$/m);
    expect(storedArticles(db)).toHaveLength(1);
  });

  it('is what sitrep extract reads of a saved page too: its article, titled by its JSON-LD', () => {
    const file = write('extract/ships.html', newsPage({ headline: 'Ships', paragraphs: QUAY, jsonLd: JSON_LD }));
    const run = runSitrep(['extract', file, '--json']);
    expect(run.status, run.stderr).toBe(0);
    const extraction = JSON.parse(run.stdout) as {
      article: { title: string; published: string | null };
      claims: Array<{ quote: string }>;
    };
    expect(extraction.article).toMatchObject({ title: 'Grey ships leave the Tartus quay', published: '2025-02-03' });
    expect(extraction.claims.length).toBeGreaterThanOrEqual(3);
    for (const word of FURNITURE_WORDS) expect(run.stdout).not.toContain(word);
  });

  it('skips the same page saved twice', () => {
    const db = join(dir, 'twice.db');
    const html = newsPage({ headline: 'Ships', paragraphs: QUAY, jsonLd: JSON_LD });
    const run = runSitrep([
      ...[
        'ingest',
        write('twice/a.html', html),
        write('twice/b.html', html.replace('Menuvale World', 'Menuvale Sport')),
      ],
      ...['--db', db, '--create'],
    ]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^skipped: \S*b\.html: .*already stored/m);
    expect(storedArticles(db)).toHaveLength(1);
  });
});
