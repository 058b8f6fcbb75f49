import { PG_MIGRATIONS_FOLDER, openPostgres } from '@sitrep/db';
import { readFileSync } from 'node:fs';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { postgresDatabase } from '../helpers/postgres';

const url = await postgresDatabase('the PostgreSQL migration tests');
const shipped = (
  JSON.parse(readFileSync(`${PG_MIGRATIONS_FOLDER}/meta/_journal.json`, 'utf8')) as { entries: unknown[] }
).entries.length;

/** Everything a migration could change: tables, columns, indexes, constraints, functions, extensions. */
async function catalogue(sql: postgres.Sql) {
  return sql`
    select 'column' as kind, table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable as what
      from information_schema.columns where table_schema = 'public'
    union all select 'index', indexname || ' ' || indexdef from pg_indexes where schemaname = 'public'
    union all select 'constraint', conname || ' ' || pg_get_constraintdef(oid) from pg_constraint
      where connamespace = 'public'::regnamespace
    union all select 'extension', extname from pg_extension
    union all select 'migration', hash from drizzle.__drizzle_migrations
    order by 1, 2`;
}

describe.skipIf(!url)('the PostgreSQL migrations on a real server', () => {
  const sql = postgres(url!, { max: 1, onnotice: () => {} });
  afterAll(() => sql.end());

  it('make every table, the search columns and their indexes, and record each migration', async () => {
    await (await openPostgres(url!)).close();
    const [{ migrations } = { migrations: 0 }] = await sql<{ migrations: number }[]>`
      select count(*)::int as migrations from drizzle.__drizzle_migrations`;
    expect(migrations).toBe(shipped);
    const indexes = await sql`select indexname, indexdef from pg_indexes where schemaname = 'public'`;
    const def = (name: string) => indexes.find((i) => i.indexname === name)?.indexdef as string | undefined;
    expect(def('articles_search_idx')).toMatch(/USING gin \(search_vector\)/);
    expect(def('claims_search_idx')).toMatch(/USING gin \(search_vector\)/);
    expect(def('aliases_normalized_idx')).toMatch(/UNIQUE INDEX .* \(normalized\)/);
    expect(def('aliases_normalized_trgm_idx')).toMatch(/USING gin \(normalized gin_trgm_ops\)/);
    const extensions = (await sql`select extname from pg_extension`).map((e) => e.extname as string);
    expect(extensions).toEqual(expect.arrayContaining(['pg_trgm', 'unaccent']));
  });

  it('fill the search column from the text, folding case and diacritics, stemming nothing', async () => {
    const [article] = await sql`
      insert into articles (title, published_at, text, word_count, content_hash)
      values ('Ḥmeimim Air Base', '2025-01-02', 'Russian aircraft were leaving', 4, 'h1')
      returning search_vector::text as words`;
    expect(article!.words).toBe("'air':2 'aircraft':5 'base':3 'hmeimim':1 'leaving':7 'russian':4 'were':6");
  });

  it('change nothing when applied again, and open without migrating', async () => {
    const before = await catalogue(sql);
    await (await openPostgres(url!)).close();
    await (await openPostgres(url!, { migrate: false })).close();
    expect(await catalogue(sql)).toEqual(before);
  });
});
