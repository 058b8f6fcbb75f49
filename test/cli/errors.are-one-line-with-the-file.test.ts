import { closeSync, copyFileSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSitrep } from '../helpers';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-errors-'));
const good = join(dir, 'good.db');
beforeAll(() => expect(runSitrep(['seed', '--db', good, '--create']).status).toBe(0));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function expectOneLine(run: ReturnType<typeof runSitrep>, pattern: RegExp) {
  expect(run.status).toBe(1);
  expect(run.stderr).toMatch(pattern);
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
}

describe('sitrep failures', { timeout: 60_000 }, () => {
  it('say in one line which file is wrong and what to do', () => {
    const junk = join(dir, 'notes.db');
    writeFileSync(junk, 'plain text, not SQLite\n'.repeat(100));
    expectOneLine(
      runSitrep(['token', 'list', '--db', junk]),
      /notes\.db cannot be read as SQLite: file is not a database; /,
    );

    const folder = join(dir, 'a-folder');
    mkdirSync(folder);
    expectOneLine(
      runSitrep(['token', 'list', '--db', folder]),
      /a-folder is a folder; pass --db with the path of a database file/,
    );

    const malformed = join(dir, 'malformed.db');
    copyFileSync(good, malformed);
    const fd = openSync(malformed, 'r+');
    writeSync(fd, Buffer.alloc(3000, 0x5a), 0, 3000, 100); // the table of tables, on the first page
    closeSync(fd);
    expectOneLine(
      runSitrep(['token', 'list', '--db', malformed]),
      /malformed\.db cannot be read as SQLite: .*restore it from a backup/,
    );

    const missing = join(dir, 'no-such-folder', 'backup.db');
    expectOneLine(runSitrep(['backup', missing, '--db', good]), /no-such-folder: no such folder; create it first/);
    expectOneLine(runSitrep(['extract', folder]), /a-folder is a folder; give one article file/);
  });

  it('show the stack trace only under --verbose', () => {
    const run = runSitrep(['--verbose', 'token', 'list', '--db', join(dir, 'a-folder')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^sitrep: .*a-folder is a folder/);
    expect(run.stderr).toMatch(/\n\s+at /);
  });
});
