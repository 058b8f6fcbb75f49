import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runSitrep } from '../helpers';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-copy-refusals-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** One line on stderr, no stack trace, status 1. */
function expectRefusal(args: string[], message: RegExp, env: NodeJS.ProcessEnv = {}) {
  const result = runSitrep(args, env);
  expect(result.status).toBe(1);
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  expect(result.stderr).toMatch(message);
}

// None of these gets as far as a server: no PostgreSQL needed.
describe('sitrep copy', () => {
  it('takes only a postgres:// URL as its target, and says what copies to a file', () => {
    expectRefusal(
      ['copy', '--from', join(dir, 'a.db'), '--to', join(dir, 'b.db')],
      /--to takes a postgres:\/\/ URL.*sitrep backup/,
    );
  });

  it('reads only a SQLite file: a URL in $SITREP_DB asks for --from', () => {
    expectRefusal(['copy', '--to', 'postgres://127.0.0.1:1/x'], /reads a SQLite file: pass --from FILE/, {
      SITREP_DB: 'postgres://127.0.0.1:1/y',
    });
  });

  it('refuses a file that is not there or not Sitrep’s before connecting anywhere', () => {
    expectRefusal(['copy', '--from', join(dir, 'missing.db'), '--to', 'postgres://127.0.0.1:1/x'], /missing\.db/);
    const foreign = join(dir, 'notes.txt');
    writeFileSync(foreign, 'not a database at all, and long enough to be read as one'.repeat(20));
    expectRefusal(['copy', '--from', foreign, '--to', 'postgres://127.0.0.1:1/x'], /notes\.txt/);
  });
});
