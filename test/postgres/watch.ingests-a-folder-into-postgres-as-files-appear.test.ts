import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { runSitrepAsync, startSitrep } from '../helpers';
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

  it('refuses --feed on PostgreSQL in one line, naming what to do', async () => {
    const refused = await runSitrepAsync(['watch', '--feed', 'https://example.invalid/feed.xml', '--db', url!]);
    expect(refused.status).toBe(1);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toMatch(
      /--feed does not run on PostgreSQL yet; watch folders there, or give a SQLite file\./,
    );
  });
});
