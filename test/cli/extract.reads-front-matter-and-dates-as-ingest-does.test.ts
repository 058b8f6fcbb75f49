import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runSitrep } from '../helpers';

// Our own notes: `extract` shows what `ingest` would store, so it reads them the same way.
const dir = mkdtempSync(join(tmpdir(), 'sitrep-extract-notes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const BODY = 'Two local officials said on Monday that cargo flights at the Zarqan airfield had stopped.\n';

describe('sitrep extract on notes', { timeout: 60_000 }, () => {
  it('takes the title and date from Markdown front matter', () => {
    const file = join(dir, 'note.md');
    writeFileSync(file, `---\ntitle: Quiet week at an inland airfield\ndate: 2025-03-04\n---\n${BODY}`);
    const run = runSitrep(['extract', file]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('2025-03-04  — Quiet week at an inland airfield');
    expect(run.stdout).toMatch(/Two local officials.*“cargo flights at the Zarqan airfield had stopped”/);
  });

  it('refuses an undated text as ingest does, and takes --date for it', () => {
    const file = join(dir, 'plain.txt');
    writeFileSync(file, BODY);
    const refused = runSitrep(['extract', file]);
    expect(refused.status).toBe(1);
    // One line naming the file, as every failure is.
    expect(refused.stderr).toMatch(/^sitrep: \S*plain\.txt: no publication date\. Add one: --date YYYY-MM-DD/);
    const dated = runSitrep(['extract', file, '--date', '2025-05-01']);
    expect(dated.status).toBe(0);
    expect(dated.stdout).toContain('2025-05-01');
  });

  it('refuses a date line after today, naming the file', () => {
    const file = join(dir, 'ahead.txt');
    writeFileSync(file, `date 2999-01-01 ZARQAN: ${BODY}`);
    const refused = runSitrep(['extract', file]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^sitrep: \S*ahead\.txt: the publication date 2999-01-01 is in the future/);
  });
});
