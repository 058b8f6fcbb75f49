import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@sitrep/db';
import { seedDemo } from '@sitrep/demo-data';
import { afterAll, describe, expect, it } from 'vitest';
import { runSitrep, startSitrep } from '../helpers';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-migrate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ungrouped = (file: string) => {
  const db = openDatabase(file);
  try {
    return (db.sqlite.prepare('select count(*) as n from claims where statement_id is null').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('a database whose claims were stored before statements existed', () => {
  it('is named by serve, and grouped by migrate', { timeout: 60_000 }, async () => {
    const file = join(dir, 'older.db');
    const db = openDatabase(file);
    seedDemo(db);
    // As a database of last month's Sitrep holds them: claims, no statements.
    db.sqlite.exec('update claims set statement_id = null; delete from statements; delete from term_counts');
    const claims = (db.sqlite.prepare('select count(*) as n from claims').get() as { n: number }).n;
    db.close();
    expect(ungrouped(file)).toBe(claims);

    const server = startSitrep(['serve', '--db', file, '--port', '0']);
    try {
      const [line] = await server.waitFor(/Claims of \d+ articles stored before statements existed.*/);
      expect(line).toContain(`sitrep migrate --db ${file}`);
    } finally {
      server.child.kill('SIGTERM');
    }
    await server.exited;

    const migrated = runSitrep(['migrate', '--db', file]);
    expect(migrated.status).toBe(0);
    expect(migrated.stdout).toMatch(/^Claims of \d+ articles grouped into statements\.$/m);
    expect(ungrouped(file)).toBe(0);
    expect(runSitrep(['migrate', '--db', file]).stdout).not.toContain('grouped');
  });
});
