import {
  closeSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSitrep } from '../helpers';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-backup-'));
const good = join(dir, 'good.db');
const damaged = join(dir, 'damaged.db');
const backups = join(dir, 'backups');
beforeAll(() => {
  expect(runSitrep(['seed', '--db', good, '--create']).status).toBe(0);
  copyFileSync(good, damaged);
  const fd = openSync(damaged, 'r+');
  writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, Math.floor(statSync(damaged).size / 2 / 4096) * 4096);
  closeSync(fd);
  mkdirSync(backups);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sitrep backup', { timeout: 60_000 }, () => {
  it('checks a damaged database first and leaves nothing at the target, so a rerun fails the same way', () => {
    const target = join(backups, 'tonight.db');
    for (let attempt = 0; attempt < 2; attempt++) {
      const run = runSitrep(['backup', target, '--db', damaged]);
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/damaged\.db (is damaged|cannot be read as SQLite): .*restore it from a backup/);
      expect(readdirSync(backups)).toEqual([]);
    }
  });

  it('keeps the old backup when a --force backup over it fails, and leaves no temporary file', () => {
    const target = join(backups, 'kept.db');
    expect(runSitrep(['backup', target, '--db', good]).status).toBe(0);
    const before = readFileSync(target);
    expect(runSitrep(['backup', target, '--db', damaged, '--force']).status).toBe(1);
    expect(readFileSync(target).equals(before)).toBe(true);
    expect(readdirSync(backups)).toEqual(['kept.db']);
  });
});
