import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './database';
import { SITREP_APPLICATION_ID } from './ownership';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-half-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('openDatabase', () => {
  it('leaves a database whose tables clash with a migration as it was', () => {
    const file = join(dir, 'clash.db');
    const raw = new Database(file);
    raw.pragma(`application_id = ${SITREP_APPLICATION_ID}`);
    raw.exec('create table entities (mine text)');
    raw.close();
    expect(() => openDatabase(file)).toThrow(/could not be brought up to date, and was left as it was/);
    const after = new Database(file);
    const tables = after.prepare("select name from sqlite_master where type = 'table'").pluck().all();
    after.close();
    expect(tables).toEqual(['entities']);
  });

  it('marks a Sitrep database made before the mark, and refuses a foreign one untouched', () => {
    const legacy = join(dir, 'legacy.db');
    openDatabase(legacy).close();
    const raw = new Database(legacy);
    raw.pragma('application_id = 0');
    raw.close();
    openDatabase(legacy).close();
    expect(new Database(legacy).pragma('application_id', { simple: true })).toBe(SITREP_APPLICATION_ID);

    const foreign = join(dir, 'foreign.db');
    new Database(foreign).exec('create table notes (body text)');
    expect(() => openDatabase(foreign)).toThrow(/foreign\.db is not a Sitrep database \(it holds notes\)/);
    const check = new Database(foreign);
    expect(check.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(check.prepare('select count(*) from sqlite_master').pluck().get()).toBe(1);
    check.close();
  });
});
