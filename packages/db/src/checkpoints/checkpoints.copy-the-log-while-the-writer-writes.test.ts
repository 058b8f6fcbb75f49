import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type SitrepDatabase, openDatabase } from '../database';
import { sqliteIngestWrites } from '../store/writes';
import { startCheckpoints } from './index';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-checkpoints-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const COMMITS = 24;
const ROWS_PER_COMMIT = 100;
const ROW_BYTES = 2_000;

/**
 * Commits COMMITS transactions of about 200 KB each on a connection whose own checkpoints are off,
 * pausing between them as an ingest pauses to read articles. Returns the log file's size at the end.
 */
async function writeMany(db: SitrepDatabase): Promise<number> {
  db.sqlite.pragma('wal_autocheckpoint = 0');
  db.sqlite.exec('create table if not exists filler (n integer, body text)');
  const insert = db.sqlite.prepare('insert into filler (n, body) values (?, ?)');
  for (let commit = 0; commit < COMMITS; commit++) {
    db.sqlite.transaction(() => {
      for (let row = 0; row < ROWS_PER_COMMIT; row++)
        insert.run(commit * ROWS_PER_COMMIT + row, `${commit}:${row}:`.padEnd(ROW_BYTES, 'x'));
    })();
    await sleep(40);
  }
  return statSync(`${db.file}-wal`).size;
}

describe('checkpoints off the writing thread', () => {
  it('keep the log short while another connection writes, and every write lands in the file', async () => {
    const written = COMMITS * ROWS_PER_COMMIT * ROW_BYTES;
    // Without the thread, nothing copies the log, and it holds every page written.
    const alone = openDatabase(join(dir, 'alone.db'));
    const unchecked = await writeMany(alone);
    alone.close();
    expect(unchecked).toBeGreaterThan(written);

    const db = openDatabase(join(dir, 'copied.db'));
    const checkpoints = startCheckpoints(db.file, 5);
    const log = await writeMany(db);
    const figures = await checkpoints.stop();
    // The writer starts the log over once all of it was copied: it stays a few commits long (its
    // file keeps its longest length, which one late copy under load sets).
    expect(log).toBeLessThan(written / 2);
    expect(figures.checkpoints).toBeGreaterThan(COMMITS / 4);
    expect(figures.millis).toBeGreaterThan(0);
    db.close();

    // Read back from the file alone, the log set aside: what the thread copied is all there.
    const reread = new Database(join(dir, 'copied.db'), { readonly: true });
    const { rows, bytes } = reread.prepare('select count(*) as rows, sum(length(body)) as bytes from filler').get() as {
      rows: number;
      bytes: number;
    };
    reread.close();
    expect({ rows, bytes }).toEqual({ rows: COMMITS * ROWS_PER_COMMIT, bytes: written });
  });

  it('leave the writer alone when the thread cannot open the file, and stop all the same', async () => {
    const checkpoints = startCheckpoints(join(dir, 'missing', 'nothing.db'), 5);
    await expect(checkpoints.stop()).resolves.toEqual({ checkpoints: 0, millis: 0 });
  });

  it('are started only where there is a log to copy: not for a database in memory', async () => {
    const memory = openDatabase(':memory:');
    expect(sqliteIngestWrites(memory).checkpointsOffThread()).toBeNull();
    memory.close();
    const file = openDatabase(join(dir, 'file.db'));
    const started = sqliteIngestWrites(file).checkpointsOffThread();
    expect(started).not.toBeNull();
    await started!.stop();
    file.close();
  });
});
