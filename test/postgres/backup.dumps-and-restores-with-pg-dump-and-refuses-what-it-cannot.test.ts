import { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { runSitrep, seededDatabase } from '../helpers';
import { postgresDatabase } from '../helpers/postgres';

const source = await postgresDatabase('backups of a PostgreSQL database');
const target = await postgresDatabase('restores into a PostgreSQL database');
const foreign = await postgresDatabase('backups refused on a database that is not Sitrep’s');
const { dir, db } = seededDatabase('sitrep-pg-backup-');
const files = mkdtempSync(join(tmpdir(), 'sitrep-pg-backup-files-'));
afterAll(() => rmSync(files, { recursive: true, force: true }));

/** Every row of the tables a reader sees, in id order: what must come back from a backup. */
async function rowsOf(url: string): Promise<Record<string, unknown[]>> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const rows: Record<string, unknown[]> = {};
    for (const table of ['entities', 'aliases', 'articles', 'claims', 'claim_about', 'statements', 'api_tokens']) {
      rows[table] = [...(await sql`select * from ${sql(table)} order by 1`)];
    }
    return rows;
  } finally {
    await sql.end();
  }
}

function expectOneLineRefusal(result: ReturnType<typeof runSitrep>, message: RegExp): void {
  expect(result.status, result.stderr).toBe(1);
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  expect(result.stderr).toMatch(message);
}

describe.skipIf(!source || !target || !foreign)('sitrep backup and restore on PostgreSQL', () => {
  const archive = join(files, 'kb.dump');

  it('dumps a Sitrep database with pg_dump, reporting the rows of its snapshot', () => {
    expect(runSitrep(['copy', '--from', db, '--to', source!]).status).toBe(0);
    const result = runSitrep(['backup', archive, '--db', source!]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(
      /^Backed up \d+ articles, \d+ entities, \d+ claims, 0 tokens from postgres:\/\/.* to .*kb\.dump \([\d.]+ MB\) with pg_dump \(PostgreSQL\) \d+/,
    );
    // pg_dump's custom format, which pg_restore and operations people's own tools read.
    expect(readFileSync(archive).subarray(0, 5).toString()).toBe('PGDMP');
    expect(readdirSync(files).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it('restores it into an empty database with every row as it was', async () => {
    const result = runSitrep(['restore', archive, '--db', target!]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Restored \d+ articles, \d+ entities, \d+ claims, 0 tokens into postgres:\/\//);
    expect(await rowsOf(target!)).toStrictEqual(await rowsOf(source!));
  });

  it('does not replace a database that holds data without --force, and does with it', async () => {
    const before = await rowsOf(target!);
    expectOneLineRefusal(runSitrep(['restore', archive, '--db', target!]), /holds data; pass --force to replace it/);
    expect(await rowsOf(target!)).toStrictEqual(before);
    const sql = postgres(target!, { max: 1, onnotice: () => {} });
    await sql`update entities set name = 'Renamed since the backup' where id = (select min(id) from entities)`;
    await sql.end();
    const forced = runSitrep(['restore', archive, '--db', target!, '--force']);
    expect(forced.status, forced.stderr).toBe(0);
    expect(await rowsOf(target!)).toStrictEqual(await rowsOf(source!));
  });

  it('leaves the database as it was when the restore fails half-way', async () => {
    // Someone's own view on a Sitrep table: pg_restore cannot drop the table, after dropping others.
    const sql = postgres(target!, { max: 1, onnotice: () => {} });
    await sql`create view busy_entities as select id, name from entities`;
    const before = await rowsOf(target!);
    const result = runSitrep(['restore', archive, '--db', target!, '--force']);
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(
      /pg_restore failed: .*cannot drop table .*entities.*depends on table.* was left as it was\./,
    );
    expect(await rowsOf(target!)).toStrictEqual(before);
    await sql`drop view busy_entities`;
    await sql.end();
  });

  it('says to copy, not restore, a SQLite file into PostgreSQL', () => {
    expectOneLineRefusal(
      runSitrep(['restore', db, '--db', target!, '--force']),
      /is a SQLite database, not a pg_dump archive; fill PostgreSQL from it with `sitrep copy --from/,
    );
  });

  it('refuses to back up a database that Sitrep never migrated', async () => {
    const sql = postgres(foreign!, { max: 1, onnotice: () => {} });
    await sql`create table invoices (id int)`;
    await sql.end();
    const file = join(files, 'foreign.dump');
    expectOneLineRefusal(runSitrep(['backup', file, '--db', foreign!]), /is not a Sitrep database/);
    expect(existsSync(file)).toBe(false);
    expectOneLineRefusal(
      runSitrep(['restore', archive, '--db', foreign!, '--force']),
      /is not a Sitrep database \(it holds invoices\)/,
    );
  });

  it('refuses a pg_dump older than the server, saying which to install, and leaves no file', () => {
    const old = join(dir, 'old-pg_dump');
    writeFileSync(old, '#!/bin/sh\necho "pg_dump (PostgreSQL) 9.6.24"\n');
    chmodSync(old, 0o755);
    const file = join(files, 'old.dump');
    expectOneLineRefusal(
      runSitrep(['backup', file, '--db', source!], { SITREP_PG_DUMP: old }),
      /old-pg_dump is pg_dump \(PostgreSQL\) 9\.6\.24, older than the server \(PostgreSQL \d+\).*apt-get install postgresql-client-\d+/,
    );
    expect(readdirSync(files).filter((f) => f.startsWith('old') || f.includes('old.dump'))).toEqual([]);
  });

  it('will not overwrite an existing backup without --force', () => {
    const before = readFileSync(archive);
    expectOneLineRefusal(runSitrep(['backup', archive, '--db', source!]), /exists; pass --force to overwrite it/);
    expect(readFileSync(archive)).toStrictEqual(before);
  });
});
