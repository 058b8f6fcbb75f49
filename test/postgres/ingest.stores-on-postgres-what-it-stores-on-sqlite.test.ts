import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSitrepAsync } from '../helpers/cli';
import { requireCorpus } from '../helpers/corpus';
import { knowledgeBase, type Row } from '../helpers/knowledge-base';
import { postgresDatabase } from '../helpers/postgres';

/**
 * `sitrep ingest --db postgres://…` runs the same extraction, linking and grouping as on SQLite
 * (one code, through IngestWrites): the corpus ingested into both holds the same articles,
 * entities, claims, statements with their figures and contradictions, and the counts the triggers
 * keep, compared by what each row says rather than by id.
 */

const corpus = requireCorpus('ingest on PostgreSQL');
const url = corpus ? await postgresDatabase('ingest on PostgreSQL') : null;

describe.skipIf(!corpus || !url)('sitrep ingest --db postgres://', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-pg-ingest-'));
  const file = join(dir, 'sitrep.db');
  const articles = join(corpus ?? '', 'articles');
  let sqlite: Database.Database;
  let sql: postgres.Sql;
  let onSqlite: string;
  let onPostgres: Awaited<ReturnType<typeof runSitrepAsync>>;

  beforeAll(async () => {
    // One after the other: each is a real command with its own extraction, and they share two cores.
    onSqlite = (await runSitrepAsync(['ingest', articles, '--db', file, '--create'])).stdout;
    onPostgres = await runSitrepAsync(['ingest', articles, '--db', url!]);
    sqlite = new Database(file, { readonly: true });
    sql = postgres(url!, { max: 1, onnotice: () => {} });
  }, 300_000);

  afterAll(async () => {
    sqlite?.close();
    await sql?.end();
    rmSync(dir, { recursive: true, force: true });
  });

  it('says what it stored, as on SQLite', () => {
    expect(onPostgres.stderr).toBe('');
    expect(onPostgres.status).toBe(0);
    expect(onPostgres.stdout).toBe(onSqlite);
    expect(onPostgres.stdout).toMatch(/^\d+ articles ingested, \d+ new entities, \d+ claims/);
  });

  it('stores the same articles, entities, claims, statements, contradictions and counts', async () => {
    const fromSqlite = await knowledgeBase(async (query) => sqlite.prepare(query).all() as Row[]);
    const fromPostgres = await knowledgeBase(async (query) => [...(await sql.unsafe(query))]);
    expect(fromSqlite.claims.length).toBeGreaterThan(100);
    expect(fromSqlite.conflicts.length).toBeGreaterThan(0);
    for (const table of Object.keys(fromSqlite) as Array<keyof typeof fromSqlite>) {
      expect({ table, rows: fromPostgres[table] }).toEqual({ table, rows: fromSqlite[table] });
    }
  });

  it('skips every article the second time and changes nothing', async () => {
    const before = await knowledgeBase(async (query) => [...(await sql.unsafe(query))]);
    const again = await runSitrepAsync(['ingest', articles, '--db', url!]);
    expect(again.stdout).toMatch(/^0 articles ingested, 0 new entities, 0 claims, 0 mentions; \d+ skipped/);
    expect(await knowledgeBase(async (query) => [...(await sql.unsafe(query))])).toEqual(before);
  });

  it('refuses what only SQLite does yet, naming it', async () => {
    const bulk = await runSitrepAsync(['ingest', articles, '--db', url!, '--bulk']);
    expect(bulk.status).not.toBe(0);
    expect(bulk.stderr).toContain('--bulk does not run on PostgreSQL yet');
  });
});
