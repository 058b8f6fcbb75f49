import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bulkLoad } from '../bulk-load';
import { type SitrepDatabase, openDatabase } from '../database';
import { sqliteIngestWrites } from '../store/writes';
import { type Checkpoints, startCheckpoints } from './index';

let dir: string;
let running: Checkpoints | null = null;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-checkpoints-'));
});
afterEach(async () => {
  await running?.stop();
  running = null;
  rmSync(dir, { recursive: true, force: true });
});

const COMMITS = 24;
const ROWS_PER_COMMIT = 100;
const ROW_BYTES = 2_000;
const WRITTEN = COMMITS * ROWS_PER_COMMIT * ROW_BYTES;

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

/** The rows and bytes of filler in a copy of the database file alone, without its log; null if it has no such table. */
function fillerInFileAlone(db: SitrepDatabase): { rows: number; bytes: number } | null {
  const copy = join(dir, `alone-${Math.random()}.db`);
  copyFileSync(db.file, copy);
  const reread = new Database(copy, { readonly: true });
  try {
    const table = reread.prepare("select 1 from sqlite_master where name = 'filler'").get();
    if (!table) return null;
    return reread.prepare('select count(*) as rows, sum(length(body)) as bytes from filler').get() as {
      rows: number;
      bytes: number;
    };
  } finally {
    reread.close();
  }
}

describe('checkpoints off the writing thread', () => {
  it('copy every commit into the file while another connection writes, keeping the log short', async () => {
    // Without the thread, nothing copies the log: it holds every page written, the file none.
    const alone = openDatabase(join(dir, 'alone.db'));
    expect(await writeMany(alone)).toBeGreaterThan(WRITTEN);
    expect(fillerInFileAlone(alone)).toBeNull();
    alone.close();

    const db = openDatabase(join(dir, 'copied.db'));
    running = startCheckpoints(db.file, 5);
    await running!.ready;
    const log = await writeMany(db);
    const figures = await running!.stop();
    running = null;
    // Read before the writer closes (closing the last connection copies the log itself).
    expect(fillerInFileAlone(db)).toEqual({ rows: COMMITS * ROWS_PER_COMMIT, bytes: WRITTEN });
    // The writer starts the log over once all of it was copied: it stays a few commits long (its
    // file keeps its longest length, which one late copy under load sets).
    expect(log).toBeLessThan(WRITTEN / 2);
    expect(figures.checkpoints).toBeGreaterThan(COMMITS / 4);
    expect(figures.millis).toBeGreaterThan(0);
    db.close();
  });

  it('stop all the same when the thread cannot open the file', async () => {
    const checkpoints = startCheckpoints(join(dir, 'missing', 'nothing.db'), 5);
    await checkpoints!.ready;
    await expect(checkpoints!.stop()).resolves.toEqual({ checkpoints: 0, millis: 0 });
  });

  it('start only where commits go through a log: not in memory, read-only, or in a bulk load', async () => {
    const memory = openDatabase(':memory:');
    expect(sqliteIngestWrites(memory).checkpointsOffThread()).toBeNull();
    memory.close();
    const file = openDatabase(join(dir, 'file.db'));
    const reader = openDatabase(join(dir, 'file.db'), { readonly: true });
    expect(sqliteIngestWrites(reader).checkpointsOffThread()).toBeNull();
    reader.close();
    await bulkLoad(file, () => expect(sqliteIngestWrites(file).checkpointsOffThread()).toBeNull());
    running = sqliteIngestWrites(file).checkpointsOffThread();
    expect(running).not.toBeNull();
    await running!.stop();
    running = null;
    file.close();
  });
});
