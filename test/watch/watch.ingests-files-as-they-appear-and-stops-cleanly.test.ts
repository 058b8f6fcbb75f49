import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { openDatabase } from '@sitrep/db';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startSitrep, storedArticles } from '../helpers';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-watch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const running: Array<ReturnType<typeof startSitrep>> = [];
afterEach(() => {
  for (const run of running.splice(0)) run.child.kill('SIGKILL');
});

/** Our own invented notes, dated by front matter. */
const note = (day: string, sentence: string) => `---\ndate: ${day}\noutlet: Desk notes\n---\n${sentence}\n`;

/** `sitrep watch` over a new folder holding `there` (name → text) before it starts. */
function watch(name: string, there: Record<string, string> = {}) {
  const folder = join(dir, name);
  const write = (file: string, text: string | Buffer) => {
    mkdirSync(dirname(join(folder, file)), { recursive: true });
    writeFileSync(join(folder, file), text);
  };
  mkdirSync(folder);
  for (const [file, text] of Object.entries(there)) write(file, text);
  const db = join(dir, `${name}.db`);
  const run = startSitrep(['watch', folder, '--db', db, '--create', '--settle', '0.2']);
  running.push(run);
  return { db, run, write };
}

describe('sitrep watch', { timeout: 60_000 }, () => {
  it('ingests the files there, then each new or changed one, one line each, a failure stopping nothing', async () => {
    const { db, run, write } = watch('desk', {
      'week1/port.md': note('2025-02-03', 'Teodor Halm said two Russian frigates had left Tartous on Monday.'),
      '.draft.md': note('2025-02-03', 'A hidden draft that must not be read.'),
    });
    await run.waitFor(/watching .*desk\/: 1 file there/);
    await run.waitFor(/ingested: .*week1\/port\.md \(“[^”]+”, 2025-02-03\): 1 claim, /);

    write('base.md', note('2025-02-04', 'Syrian officials said Russian aircraft still flew from Hmeimim.'));
    await run.waitFor(/ingested: .*desk\/base\.md/);
    write('undated.txt', 'Port workers said a tanker had docked at Tartous.\n');
    await run.waitFor(/failed: .*undated\.txt: no publication date\. Add one: --date/);
    write('copy.md', note('2025-02-04', 'Syrian officials said Russian aircraft still flew from Hmeimim.'));
    await run.waitFor(/duplicate: .*copy\.md: This text is already stored/);
    write('binary.txt', Buffer.from([0xff, 0xfe, 0x00, 0x9f, 0x92, 0x00]));
    await run.waitFor(/failed: .*binary\.txt: /);
    // Named once, with the line the extractor gives, as `sitrep ingest` names it.
    write('not-a-day.txt', 'date 2025-02-30 TARTOUS: Port workers said a tanker had docked.\n');
    const [line] = await run.waitFor(/failed: .*not-a-day\.txt.*/);
    expect(line).toMatch(/failed: \S*not-a-day\.txt:1: “2025-02-30” is not a calendar date/);
    expect(line.match(/not-a-day\.txt/g)).toHaveLength(1);
    write('base.md', note('2025-02-05', 'Syrian officials said Russian aircraft had stopped flying from Hmeimim.'));
    await run.waitFor(/ingested: .*base\.md \(“[^”]+”, 2025-02-05; changed, its earlier text stays stored\)/);

    run.child.kill('SIGINT');
    expect(await run.exited).toBe(1); // three files failed
    expect(run.output().stdout).toMatch(/stopped: 3 ingested, 1 duplicate, 3 failed\n$/);
    expect(run.output().stdout).not.toMatch(/draft/);
    const days = storedArticles(db).map((a) => a.published_at);
    expect(days).toEqual(['2025-02-03', '2025-02-04', '2025-02-05']);
  });

  it('stops between articles on Ctrl-C: every article it reported is stored whole, and nothing else', async () => {
    const { db, run, write } = watch('flood');
    await run.waitFor(/watching/);
    for (let i = 0; i < 60; i++)
      write(
        `n${String(i).padStart(2, '0')}.md`,
        note('2025-03-01', `Officials in Latakia said ${i + 2} Russian helicopters had left Hmeimim, note ${i}.`),
      );
    await run.waitFor(/ingested: /);
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
    const { stdout } = run.output();
    const reported = [...stdout.matchAll(/ingested: .*?\(“[^”]+”, [\d-]+\): (\d+) claims?/g)].map((m) => Number(m[1]));
    const stored = storedArticles(db);
    expect(stored.length).toBe(reported.length);
    expect(stored.length).toBeLessThan(60);
    expect(stored.map((a) => a.claims.length)).toEqual(reported);
    expect(stdout).toMatch(new RegExp(`stopped: ${reported.length} ingested, 0 duplicates, 0 failed\\n$`));
  });

  it('waits while another process holds the write lock, then stores the file', async () => {
    const { db, run, write } = watch('locked');
    await run.waitFor(/watching/);
    const other = openDatabase(db);
    try {
      other.sqlite.exec('begin immediate');
      write('held.md', note('2025-03-02', 'A Russian cargo aircraft landed at Hmeimim, a Syrian official said.'));
      await run.waitFor(/waiting: another process holds the database's write lock; 1 file waiting/, 30_000);
      other.sqlite.exec('commit');
    } finally {
      other.close();
    }
    await run.waitFor(/ingested: .*held\.md/, 30_000);
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
    expect(run.output().stdout).not.toMatch(/failed:/);
  });

  it('refuses a path that is not a folder, naming it', async () => {
    const file = join(dir, 'lonely.md');
    writeFileSync(file, note('2025-03-03', 'Nothing to watch here.'));
    const run = startSitrep(['watch', file, '--db', join(dir, 'x.db'), '--create']);
    running.push(run);
    expect(await run.exited).toBe(1);
    expect(run.output().stderr).toMatch(/lonely\.md is a file; watch takes folders \(ingest reads files\)/);
  });
});
