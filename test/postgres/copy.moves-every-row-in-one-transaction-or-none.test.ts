import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type SitrepDatabase,
  type SitrepPostgres,
  copySqliteToPostgres,
  createToken,
  recordFeedCheck,
  setSourceReliability,
  openDatabase,
  openPostgres,
} from '@sitrep/db';
import { seedDemo } from '@sitrep/demo-data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresDatabase } from '../helpers/postgres';

const copied = await postgresDatabase('a copy of the demo data');
const occupied = copied && (await postgresDatabase('a copy into a database that holds data'));
const broken = copied && (await postgresDatabase('a copy that fails midway'));

const dir = mkdtempSync(join(tmpdir(), 'sitrep-copy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Rows per table, as PostgreSQL counts them. */
async function rowCounts(url: string): Promise<Record<string, number>> {
  await using db = await openPostgres(url);
  const tables = await db.sql<{ name: string }[]>`
    select table_name as name from information_schema.tables where table_schema = 'public' order by 1`;
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await db.sql<{ n: number }[]>`select count(*)::int as n from ${db.sql(name)}`;
    counts[name] = row!.n;
  }
  return counts;
}

/** The tables' indexes, constraints and triggers (with whether each is enabled). */
async function shapeOf(db: SitrepPostgres) {
  const indexes = await db.sql`select indexdef from pg_indexes where schemaname = 'public' order by 1`;
  const constraints = await db.sql`
    select conrelid::regclass::text as t, conname, pg_get_constraintdef(oid) as def from pg_constraint
     where connamespace = 'public'::regnamespace order by 1, 2`;
  const triggers = await db.sql`
    select tgrelid::regclass::text as t, tgname, tgenabled from pg_trigger where not tgisinternal order by 1, 2`;
  return { indexes: [...indexes], constraints: [...constraints], triggers: [...triggers] };
}

describe.skipIf(!copied)('copying a SQLite database into PostgreSQL', () => {
  let source: SitrepDatabase;
  beforeAll(() => {
    source = openDatabase(join(dir, 'demo.db'));
    seedDemo(source);
    // What the demo data leaves empty, so that every table has rows to copy: a token, a feed, a
    // grade and its change, and fingerprints, one past integer's 2^31 (bigint on PostgreSQL).
    const { token } = createToken(source, 'write', 'desk');
    recordFeedCheck(source, {
      url: 'https://example.org/feed\twith\\odd\ncharacters',
      status: null,
      error: 'timed out',
    });
    setSourceReliability(source, 1, 'B', token.id, 'a note\r\nover two lines');
    source.sqlite.prepare('insert into article_fingerprints (hash, article_id) values (4294967295, 1), (7, 1)').run();
    source.sqlite.prepare("insert or ignore into term_counts (term, claims) values ('', 1)").run();
  });
  afterAll(() => source?.close());

  it('copies every table with its ids, counts checked, and new ids start past the copied ones', async () => {
    await using target = await openPostgres(copied!);
    const migrated = await shapeOf(target);
    const result = await copySqliteToPostgres(source, target);
    // What it set aside to load faster (indexes, foreign keys, triggers) is back as migrate made it.
    expect(await shapeOf(target)).toEqual(migrated);
    const sqliteCounts = Object.fromEntries(
      result.map(({ table }) => [table, source.sqlite.prepare(`select count(*) from "${table}"`).pluck().get()]),
    );
    expect(Object.fromEntries(result.map((r) => [r.table, r.rows]))).toEqual(sqliteCounts);
    expect(sqliteCounts).toMatchObject({ claims: expect.any(Number), statements: expect.any(Number) });
    expect(result.find((r) => r.table === 'claims')!.rows).toBeGreaterThan(10);
    expect(result.filter((r) => r.rows === 0)).toEqual([]);
    expect(await rowCounts(copied!)).toEqual(sqliteCounts);

    // Same ids, booleans and dates as text on both sides.
    const sqliteClaims = source.sqlite
      .prepare('select id, hedged, source_anonymous, said_on, statement_id from claims order by id')
      .all() as Array<{ id: number; hedged: number; source_anonymous: number; said_on: string; statement_id: number }>;
    const pgClaims = await target.sql`
      select id, hedged, source_anonymous, said_on, statement_id from claims order by id`;
    expect(pgClaims.map((r) => ({ ...r }))).toEqual(
      sqliteClaims.map((r) => ({ ...r, hedged: r.hedged === 1, source_anonymous: r.source_anonymous === 1 })),
    );
    const sqliteHashes = source.sqlite.prepare('select hash from article_fingerprints order by 1').pluck().all();
    const pgHashes = (
      await target.sql`select hash::text from article_fingerprints order by article_fingerprints.hash`
    ).map((r) => Number(r.hash));
    expect(sqliteHashes).toContain(4294967295);
    expect(pgHashes).toEqual(sqliteHashes);

    // Text with tabs, newlines and backslashes arrives as it left.
    const feed = source.sqlite.prepare('select url, last_error, checked_at from feeds').get();
    expect([...(await target.sql`select url, last_error, checked_at from feeds`)]).toEqual([feed]);
    const note = source.sqlite.prepare('select note from source_reliability').pluck().get();
    expect((await target.sql`select note from source_reliability`)[0]!.note).toBe(note);

    const [next] = await target.sql<{ id: number }[]>`
      insert into entities (kind, name) values ('actor', 'A new actor') returning id`;
    const highest = source.sqlite.prepare('select max(id) from entities').pluck().get() as number;
    expect(next!.id).toBe(highest + 1);
  });

  it('refuses a target that holds data, naming the tables, and changes nothing there', async () => {
    await using target = await openPostgres(occupied!);
    await target.sql`insert into feeds (url, checked_at) values ('https://example.org/feed', '2025-01-01')`;
    await expect(copySqliteToPostgres(source, target)).rejects.toThrow(/already holds data \(in feeds\)/);
    expect(Object.values(await rowCounts(occupied!)).reduce((a, b) => a + b)).toBe(1);
  });

  it('refuses a file an older Sitrep made, whose tables may lack columns, before touching the target', async () => {
    const older = openDatabase(join(dir, 'older.db'));
    try {
      // As if the last migration had not run yet.
      older.sqlite
        .prepare(
          'delete from __drizzle_migrations where created_at = (select max(created_at) from __drizzle_migrations)',
        )
        .run();
      await using target = await openPostgres(occupied!);
      await expect(copySqliteToPostgres(older, target)).rejects.toThrow(
        /older Sitrep; run `sitrep migrate --db .*older\.db` first/,
      );
    } finally {
      older.close();
    }
  });

  it('leaves the target empty when a table fails midway, after earlier tables were copied', async () => {
    // A conflict between statements that do not exist: SQLite took it with its keys off;
    // PostgreSQL's foreign key refuses it, after entities, articles, claims… have gone in.
    const damaged = openDatabase(join(dir, 'damaged.db'));
    try {
      seedDemo(damaged);
      damaged.sqlite.pragma('foreign_keys = OFF');
      damaged.sqlite.prepare("insert into statement_conflicts values (900001, 900002, 'none')").run();
      await using target = await openPostgres(broken!);
      const before = await shapeOf(target);
      expect(before.indexes.length).toBeGreaterThan(20);
      const tables: string[] = [];
      await expect(
        copySqliteToPostgres(damaged, target, { onTable: ({ table }) => tables.push(table) }),
      ).rejects.toThrow(/statement_conflicts.*Nothing was copied: the transaction was rolled back\./);
      expect(tables).toEqual(expect.arrayContaining(['entities', 'articles', 'claims', 'statements']));
      expect(Object.values(await rowCounts(broken!)).every((n) => n === 0)).toBe(true);
      // The indexes, foreign keys and triggers the copy set aside while loading are all back.
      expect(await shapeOf(target)).toEqual(before);
    } finally {
      damaged.close();
    }
  });
});
