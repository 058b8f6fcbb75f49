import { copyFileSync, existsSync, mkdtempSync, openSync, rmSync, statSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@sitrep/db';
import { afterAll, describe, expect, it } from 'vitest';
import { type GraphQLResponse, runSitrep, startSitrep } from '../helpers';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const live = join(dir, 'live.db');
const backup = join(dir, 'backup.db');

const CREATE = 'mutation($n: String!) { createActor(input: { name: $n }) { actor { id } } }';
/** Writers stop after this many each, if the backup has not ended them sooner. */
const MAX_WRITES = 300;

const actorNames = (file: string) => {
  const db = openDatabase(file, { readonly: true });
  try {
    const rows = db.sqlite.prepare("select name from entities where name like 'Backup Actor %'").all();
    return new Set(rows.map((r) => (r as { name: string }).name));
  } finally {
    db.close();
  }
};

describe('sitrep backup and restore', () => {
  it('backs up a consistent copy while the server writes, and restores it', { timeout: 90_000 }, async () => {
    const token = runSitrep(['token', 'create', '--scope', 'write', '--db', live, '--create']).stdout.trim();
    const server = startSitrep(['serve', '--db', live, '--port', '0']);
    const acknowledged = new Set<string>();
    let beforeBackup = new Set<string>();
    let backupDone = false;
    try {
      const [, url] = await server.waitFor(/GraphiQL and the API: (\S+)/);
      const writer = async (w: number) => {
        for (let i = 0; i < MAX_WRITES && !backupDone; i++) {
          const name = `Backup Actor ${w}x${i}`;
          const response = await fetch(url!, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ query: CREATE, variables: { n: name } }),
          });
          const body = (await response.json()) as GraphQLResponse;
          expect(body.errors).toBeUndefined();
          acknowledged.add(name);
        }
      };
      const writers = Promise.all([0, 1, 2, 3].map(writer));
      // Start the backup once writing is under way, then keep writing through it.
      await expect.poll(() => acknowledged.size, { timeout: 20_000, interval: 20 }).toBeGreaterThan(20);
      beforeBackup = new Set(acknowledged);
      const run = startSitrep(['backup', backup, '--db', live]);
      const code = await run.exited;
      backupDone = true;
      await writers;
      expect(code, run.output().stderr).toBe(0);
      expect(run.output().stdout).toMatch(/Backed up .* integrity check ok/);
      expect(acknowledged.size).toBeGreaterThan(beforeBackup.size); // writes went on during the backup
    } finally {
      server.child.kill('SIGTERM');
    }
    await server.exited;

    // The copy holds what was there when it started and only what some client was told was stored.
    const inBackup = actorNames(backup);
    for (const name of beforeBackup) expect(inBackup.has(name), name).toBe(true);
    for (const name of inBackup) expect(acknowledged.has(name), name).toBe(true);

    const refused = runSitrep(['restore', backup, '--db', live]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/holds data; pass --force/);
    expect(actorNames(live).size).toBe(acknowledged.size);

    const fresh = join(dir, 'fresh.db');
    const restored = runSitrep(['restore', backup, '--db', fresh]);
    expect(restored.status, restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(/^Restored \d+ articles/);
    expect(actorNames(fresh)).toEqual(inBackup);
    expect(runSitrep(['restore', backup, '--db', live, '--force']).status).toBe(0);
    expect(actorNames(live)).toEqual(inBackup);
    const db = openDatabase(live, { readonly: true });
    expect(db.sqlite.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    db.close();
  });

  it('refuses a damaged backup before touching the database', () => {
    const damaged = join(dir, 'damaged.db');
    copyFileSync(backup, damaged);
    const fd = openSync(damaged, 'r+');
    writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, Math.floor(statSync(damaged).size / 2 / 4096) * 4096);
    closeSync(fd);
    const target = join(dir, 'untouched.db');
    const result = runSitrep(['restore', damaged, '--db', target]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/damaged|cannot be read as SQLite/);
    expect(result.stderr).not.toMatch(/at .*\.ts:\d+/);
    expect(existsSync(target)).toBe(false);
    const junk = join(dir, 'junk.db');
    copyFileSync(new URL(import.meta.url), junk);
    expect(runSitrep(['restore', junk, '--db', target]).stderr).toMatch(
      /junk\.db cannot be read as SQLite: file is not a database/,
    );
    expect(runSitrep(['backup', backup, '--db', live]).stderr).toMatch(/exists; pass --force/);
  });
});
