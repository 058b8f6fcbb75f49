import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { conditionalRss, pageAbout, serveFeeds, startSitrep } from '../helpers';
import { postgresDatabase } from '../helpers/postgres';

const url = await postgresDatabase('sitrep watch on PostgreSQL');
const dir = mkdtempSync(join(tmpdir(), 'sitrep-pg-watch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Our own invented notes, dated by front matter. */
const note = (day: string, sentence: string) => `---\ndate: ${day}\noutlet: Desk notes\n---\n${sentence}\n`;

describe.skipIf(!url)('sitrep watch --db postgres://', { timeout: 60_000 }, () => {
  it('ingests the files there and each new one into PostgreSQL, one line each, and stops on Ctrl-C', async () => {
    const folder = join(dir, 'desk');
    mkdirSync(folder);
    writeFileSync(
      join(folder, 'port.md'),
      note('2025-02-03', 'Teodor Halm said two Russian frigates had left Tartous on Monday.'),
    );
    const run = startSitrep(['watch', folder, '--db', url!, '--settle', '0.2']);
    try {
      await run.waitFor(/ingested: .*port\.md \(“[^”]+”, 2025-02-03\): 1 claim, /);
      writeFileSync(
        join(folder, 'base.md'),
        note('2025-02-04', 'Syrian officials said Russian aircraft still flew from Hmeimim.'),
      );
      await run.waitFor(/ingested: .*base\.md \(“[^”]+”, 2025-02-04\)/);
      writeFileSync(
        join(folder, 'copy.md'),
        note('2025-02-04', 'Syrian officials said Russian aircraft still flew from Hmeimim.'),
      );
      await run.waitFor(/duplicate: .*copy\.md: This text is already stored/);
      run.child.kill('SIGINT');
      expect(await run.exited).toBe(0);
      expect(run.output().stdout).toMatch(/stopped: 2 ingested, 1 duplicate, 0 failed\n$/);
    } finally {
      run.child.kill('SIGKILL');
    }
    const sql = postgres(url!, { max: 1, onnotice: () => {} });
    try {
      const rows = await sql`select a.published_at, count(c.id)::int as claims, count(c.statement_id)::int as grouped
                               from articles a left join claims c on c.article_id = a.id
                              group by a.id order by a.published_at`;
      expect(rows.map((r) => ({ ...r }))).toEqual([
        { published_at: '2025-02-03', claims: 1, grouped: 1 },
        { published_at: '2025-02-04', claims: 1, grouped: 1 },
      ]);
    } finally {
      await sql.end();
    }
  });

  it('reads a feed into PostgreSQL now and keeps its validators there', async () => {
    const feeds = await serveFeeds({
      '/feed.xml': conditionalRss(
        'Coast Ledger',
        () => '"w1"',
        (base) => [{ title: 'Jableh', link: `${base}/pages/jableh`, date: '2025-02-06T10:00:00Z' }],
      ),
      '/pages/jableh': pageAbout('Jableh', 'News from Jableh'),
    });
    const run = startSitrep(['watch', '--feed', `${feeds.base}/feed.xml`, '--every', '30s', '--db', url!]);
    try {
      await run.waitFor(/ingested: .*\/pages\/jableh/);
      run.child.kill('SIGINT');
      expect(await run.exited).toBe(0);
    } finally {
      run.child.kill('SIGKILL');
      feeds.close();
    }
    const sql = postgres(url!, { max: 1, onnotice: () => {} });
    try {
      const [feed] = await sql`select etag, last_status from feeds`;
      expect({ ...feed }).toEqual({ etag: '"w1"', last_status: 200 });
      const [stored] = await sql`select count(*)::int as n from articles where url like ${`${feeds.base}%`}`;
      expect(stored!.n).toBe(1);
    } finally {
      await sql.end();
    }
  });
});
