import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@sitrep/db';
import { afterAll, describe, expect, it } from 'vitest';
import { ReadTransactions } from './read-transaction';

// A file in WAL mode, as the server opens it: read transactions there are what matters.
const dir = mkdtempSync(join(tmpdir(), 'sitrep-read-tx-'));
const db = openDatabase(join(dir, 'sitrep.db'));
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('fast-path read transactions', () => {
  it('begin only when no transaction is open, and end only their own', () => {
    const reads = new ReadTransactions(db);
    const first = reads.open();
    expect(first).toBeGreaterThan(0);
    expect(db.sqlite.inTransaction).toBe(true);
    expect(reads.open()).toBe(0); // nested: the statements join the open one
    reads.close(first);
    expect(db.sqlite.inTransaction).toBe(false);
    db.sqlite.exec('BEGIN');
    expect(reads.open()).toBe(0); // someone else's transaction is not taken over
    reads.close(first);
    expect(db.sqlite.inTransaction).toBe(true);
    db.sqlite.exec('COMMIT');
  });

  it('end before a mutation writes, and begin none until it is answered', () => {
    const reads = new ReadTransactions(db);
    const query = reads.open();
    const mutation = {};
    reads.beforeWrite(mutation);
    expect(db.sqlite.inTransaction).toBe(false);
    expect(reads.open()).toBe(0);
    reads.close(query); // the query ends later: nothing left to end, and nothing else ended
    db.sqlite.exec('BEGIN IMMEDIATE');
    reads.close(query);
    expect(db.sqlite.inTransaction).toBe(true);
    db.sqlite.exec('COMMIT');
    reads.afterWrite(mutation);
    const next = reads.open();
    expect(next).toBeGreaterThan(query);
    reads.close(next);
    expect(db.sqlite.inTransaction).toBe(false);
  });
});
