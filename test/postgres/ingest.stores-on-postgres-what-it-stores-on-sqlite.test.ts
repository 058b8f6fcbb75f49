import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSitrepAsync } from '../helpers/cli';
import { requireCorpus } from '../helpers/corpus';
import { postgresDatabase } from '../helpers/postgres';

/**
 * `sitrep ingest --db postgres://…` runs the same extraction, linking and grouping as on SQLite
 * (one code, through IngestWrites): the corpus ingested into both holds the same articles,
 * entities, claims, statements with their figures and contradictions, and the counts the triggers
 * keep, compared by what each row says rather than by id.
 */

type Row = Record<string, unknown>;
type Rows = (query: string) => Promise<Row[]>;

const TABLES = {
  articles: 'select id, title, published_at, outlet, story_id from articles',
  entities: 'select id, kind, name, review_status, actor_type, installation_type from entities',
  aliases: 'select entity_id, name from aliases',
  mentions: 'select article_id, entity_id, start, "end" from mentions',
  claims: `select id, article_id, start, "end", quote, stance, hedged, source_text, source_actor_id,
             source_count, source_anonymous, event_date, said_on, statement_id, review_status from claims`,
  claimAbout: 'select claim_id, entity_id, role from claim_about',
  statements: `select id, first_said, last_said, event_date, claims, independent_sources, affirming, denying,
                 contested, credibility, credibility_reason, reliability, curated from statements`,
  conflicts: 'select statement_id, other_id, why from statement_conflicts',
  statementAbout: 'select entity_id, statement_id, last_said, contested from statement_about',
  claimStats: 'select entity_id, claims, sources from entity_claim_stats',
  statementStats: 'select entity_id, statements, contested from entity_statement_stats',
  terms: 'select term, claims from term_counts',
};

/** Every table as rows that name what they point at (an article by title, a claim by its article and place). */
async function knowledgeBase(rows: Rows) {
  const read = Object.fromEntries(
    await Promise.all(
      Object.entries(TABLES).map(async ([name, query]) => [
        name,
        (await rows(query)).map((row) =>
          Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'boolean' ? Number(v) : v])),
        ),
      ]),
    ),
  ) as Record<keyof typeof TABLES, Row[]>;
  const articles = new Map(read.articles.map((a) => [a.id, `${a.title} (${a.published_at})`]));
  const entities = new Map(read.entities.map((e) => [e.id, `${e.kind}:${e.name}`]));
  const claims = new Map(read.claims.map((c) => [c.id, `${articles.get(c.article_id)} @${c.start}`]));
  const members = new Map<unknown, string[]>();
  for (const c of read.claims) members.set(c.statement_id, [...(members.get(c.statement_id) ?? []), claims.get(c.id)!]);
  const statements = new Map([...members].map(([id, keys]) => [id, keys.sort().join(' | ')]));
  const sorted = (list: Row[]) => list.map((r) => JSON.stringify(r)).sort();
  return {
    articles: sorted(
      read.articles.map(({ id, story_id, ...a }) => ({
        ...a,
        id: articles.get(id),
        story: articles.get(story_id) ?? null,
      })),
    ),
    entities: sorted(read.entities.map(({ id, ...e }) => ({ ...e, id: entities.get(id) }))),
    aliases: sorted(read.aliases.map((a) => ({ entity: entities.get(a.entity_id), name: a.name }))),
    mentions: sorted(
      read.mentions.map((m) => ({
        ...m,
        article_id: articles.get(m.article_id),
        entity_id: entities.get(m.entity_id),
      })),
    ),
    claims: sorted(
      read.claims.map(({ id, statement_id, ...c }) => ({
        ...c,
        id: claims.get(id),
        article_id: articles.get(c.article_id),
        source_actor_id: entities.get(c.source_actor_id) ?? null,
        statement: statements.get(statement_id) ?? null,
      })),
    ),
    claimAbout: sorted(
      read.claimAbout.map((a) => ({ ...a, claim_id: claims.get(a.claim_id), entity_id: entities.get(a.entity_id) })),
    ),
    statements: sorted(
      read.statements.map(({ id, ...s }) => ({ ...s, id: statements.get(id) ?? `empty ${String(id)}` })),
    ),
    conflicts: sorted(
      read.conflicts.map((c) => ({
        ...c,
        statement_id: statements.get(c.statement_id),
        other_id: statements.get(c.other_id),
      })),
    ),
    statementAbout: sorted(
      read.statementAbout.map((a) => ({
        ...a,
        entity_id: entities.get(a.entity_id),
        statement_id: statements.get(a.statement_id),
      })),
    ),
    claimStats: sorted(read.claimStats.map((s) => ({ ...s, entity_id: entities.get(s.entity_id) }))),
    statementStats: sorted(read.statementStats.map((s) => ({ ...s, entity_id: entities.get(s.entity_id) }))),
    terms: sorted(read.terms),
  };
}

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
