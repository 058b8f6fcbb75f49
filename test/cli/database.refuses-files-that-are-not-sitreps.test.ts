import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { runSitrep } from '../helpers';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-foreign-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const SITREP_ID = 0x53697472;

/** A refusal exits at once; a server that starts instead is stopped by the timeout. */
const briefly = (args: string[]) => runSitrep(args, {}, { timeoutMs: 20_000 });

describe('sitrep and databases that are not its own', { timeout: 60_000 }, () => {
  it("refuses another application's database and leaves it exactly as it was", () => {
    const file = join(dir, 'other-app.db');
    new Database(file).exec("create table notes (body text); insert into notes values ('mine')");
    for (const args of [['serve', '--port', '0'], ['seed'], ['token', 'create', '--scope', 'read'], ['migrate']]) {
      const run = briefly([...args, '--db', file]);
      expect(run.status, args.join(' ')).toBe(1);
      expect(run.stderr).toMatch(/other-app\.db is not a Sitrep database \(it holds notes\)/);
    }
    const after = new Database(file, { readonly: true });
    expect(after.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(after.prepare('select name from sqlite_master').pluck().all()).toEqual(['notes']);
    after.close();
  });

  it('makes a new database file only with --create (or migrate), never from a typo', () => {
    const typo = join(dir, 'typo', 'sitrep.db');
    const served = briefly(['serve', '--db', typo, '--port', '0']);
    expect(served.status).toBe(1);
    expect(served.stderr).toMatch(/typo\/sitrep\.db does not exist; .*--create/);
    const token = runSitrep(['token', 'create', '--scope', 'read', '--db', join(dir, 'new.db')]);
    expect(token.status).toBe(1);
    expect(existsSync(join(dir, 'typo'))).toBe(false);
    expect(existsSync(join(dir, 'new.db'))).toBe(false);

    const made = join(dir, 'made', 'sitrep.db');
    expect(runSitrep(['token', 'create', '--scope', 'read', '--db', made, '--create']).status).toBe(0);
    expect(runSitrep(['migrate', '--db', join(dir, 'migrated.db')]).status).toBe(0);
    for (const file of [made, join(dir, 'migrated.db')]) {
      expect(new Database(file, { readonly: true }).pragma('application_id', { simple: true })).toBe(SITREP_ID);
    }
  });

  it('marks a Sitrep database made before the mark when it next opens it', () => {
    const file = join(dir, 'older.db');
    expect(runSitrep(['seed', '--db', file, '--create']).status).toBe(0);
    const raw = new Database(file);
    raw.pragma('application_id = 0');
    raw.close();
    expect(runSitrep(['token', 'list', '--db', file]).status).toBe(0);
    expect(new Database(file, { readonly: true }).pragma('application_id', { simple: true })).toBe(SITREP_ID);
  });
});
