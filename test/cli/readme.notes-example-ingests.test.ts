import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@sitrep/db';
import { afterAll, describe, expect, it } from 'vitest';
import { SITREP_BIN, runSitrep } from '../helpers';
import { readmeBlocks } from '../helpers/readme';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-readme-notes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the README's notes example", () => {
  it('ingests the Markdown note it shows and a folder of undated notes, as its shell lines type them', () => {
    const note = readmeBlocks().find((b) => b.lang === 'md' && b.text.startsWith('---\n'));
    const shell = readmeBlocks().find((b) => b.lang === 'sh' && /sitrep ingest qarawi\.md/.test(b.text));
    expect(note, 'a ```md block with front matter').toBeDefined();
    expect(shell, 'a ```sh block that ingests qarawi.md').toBeDefined();
    writeFileSync(join(dir, 'qarawi.md'), note!.text);
    mkdirSync(join(dir, 'notes'));
    // Our own undated note, for the folder the README's second line ingests.
    writeFileSync(join(dir, 'notes', 'halm.txt'), 'Teodor Halm said Russian ships had left Tartous.\n');
    const db = join(dir, 'sitrep.db');
    expect(runSitrep(['migrate', '--db', db]).status).toBe(0);

    const script = shell!.text.replaceAll('npx -y pnpm@10.34.8 sitrep', `"${process.execPath}" "${SITREP_BIN}"`);
    execFileSync('sh', ['-ec', script], { cwd: dir, env: { ...process.env, SITREP_DB: db }, stdio: 'pipe' });

    const opened = openDatabase(db);
    try {
      expect(opened.sqlite.prepare('select title, published_at, outlet, url from articles order by id').all()).toEqual([
        {
          title: 'Qarawi talks end',
          published_at: '2025-02-03',
          outlet: 'Harbour Watch',
          url: 'https://harbour.example.org/qarawi',
        },
        { title: expect.any(String), published_at: '2025-02-03', outlet: 'Desk notes', url: null },
      ]);
    } finally {
      opened.close();
    }
  });
});
