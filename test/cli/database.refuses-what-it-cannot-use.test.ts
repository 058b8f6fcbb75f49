import { chmodSync, copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSitrep } from '../helpers';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-unusable-'));
const seeded = join(dir, 'seeded.db');
beforeAll(() => {
  expect(runSitrep(['seed', '--db', seeded, '--create']).status).toBe(0);
  // Everyone may pass through and write the folder: the read-only case runs as another user.
  chmodSync(dir, 0o777);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A refusal exits at once; a server that starts instead is stopped by the timeout. */
const briefly = (args: string[], uid?: number) =>
  runSitrep(args, {}, { timeoutMs: 20_000, ...(uid !== undefined && { uid }) });

describe('databases sitrep cannot use', { timeout: 60_000 }, () => {
  it('refuses to serve a file it cannot write, instead of failing every write later', () => {
    const file = join(dir, 'read-only.db');
    copyFileSync(seeded, file);
    chmodSync(file, 0o444);
    // root writes whatever the mode says, so the command runs as nobody there.
    const run = briefly(['serve', '--db', file, '--port', '0'], process.getuid?.() === 0 ? 65534 : undefined);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/read-only\.db is read-only; make it .*writable/);
  });

  it('refuses a database, or a backup, that a newer Sitrep wrote', () => {
    const file = join(dir, 'newer.db');
    copyFileSync(seeded, file);
    const raw = new Database(file);
    raw.prepare('insert into __drizzle_migrations (hash, created_at) values (?, ?)').run('future', 4102444800000);
    raw.close();
    const served = briefly(['serve', '--db', file, '--port', '0']);
    expect(served.status).toBe(1);
    expect(served.stderr).toMatch(/newer\.db was written by a newer Sitrep/);

    const target = join(dir, 'restored.db');
    const restored = runSitrep(['restore', file, '--db', target]);
    expect(restored.status).toBe(1);
    expect(restored.stderr).toMatch(/newer\.db was written by a newer Sitrep/);
    expect(existsSync(target)).toBe(false);
  });
});
