import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type FeedServer,
  SITREP_BIN,
  conditionalRss,
  pageAbout,
  runSitrep,
  serveFeeds,
  storedArticles,
} from '../helpers';
import { readmeBlocks } from '../helpers/readme';

const README_URL = 'https://harbour.example.org/feed.xml';
const dir = mkdtempSync(join(tmpdir(), 'sitrep-readme-feeds-'));
let server: FeedServer;

// Our own feed and pages, served where the README's address points.
beforeAll(async () => {
  server = await serveFeeds({
    '/feed.xml': conditionalRss(
      'Harbour Watch',
      () => '"harbour-1"',
      (base) =>
        ['Tartus', 'Latakia'].map((place) => ({
          title: `News from ${place}`,
          link: `${base}/pages/${place}`,
          date: '2025-02-05T10:00:00Z',
        })),
    ),
    '/pages/Tartus': pageAbout('Tartus'),
    '/pages/Latakia': pageAbout('Latakia'),
  });
});

afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the README's feed example", () => {
  it('ingests the feed’s items, then finds it not modified, as its shell lines type them', async () => {
    const shell = readmeBlocks().find((b) => b.lang === 'sh' && /sitrep ingest --feed /.test(b.text));
    expect(shell, 'a ```sh block that ingests a feed').toBeDefined();
    expect(shell!.text).toContain(README_URL);
    const db = join(dir, 'sitrep.db');
    expect(runSitrep(['migrate', '--db', db]).status).toBe(0);

    const script = shell!.text
      .replaceAll('npx -y pnpm@10.34.8 sitrep', `"${process.execPath}" "${SITREP_BIN}"`)
      .replaceAll(README_URL, `${server.base}/feed.xml`);
    // Not execFileSync: this process's server must answer the command meanwhile.
    const { stdout } = await promisify(execFile)('sh', ['-ec', script], {
      cwd: dir,
      env: { ...process.env, SITREP_DB: db },
    });

    expect(stdout).toContain(`feed ${server.base}/feed.xml: 2 items: 2 ingested, 0 already stored, 0 failed.`);
    expect(stdout).toContain(
      `feed ${server.base}/feed.xml: not modified since the last check (HTTP 304); nothing new.`,
    );
    expect(server.paths()).toEqual(['/feed.xml', '/pages/Tartus', '/pages/Latakia', '/feed.xml']);
    expect(storedArticles(db).map((a) => [a.published_at, a.outlet, a.url])).toEqual([
      ['2025-02-05', 'Harbour Watch', `${server.base}/pages/Tartus`],
      ['2025-02-05', 'Harbour Watch', `${server.base}/pages/Latakia`],
    ]);
  });
});
