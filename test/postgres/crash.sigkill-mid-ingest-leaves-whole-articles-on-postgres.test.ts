import { contentHash } from '@sitrep/db';
import postgres from 'postgres';
import { beforeAll, describe, expect, it } from 'vitest';
import { crashWhileIngesting } from '../hardening/crash-run';
import type { Acknowledged } from '../hardening/ingest-client';
import { type ExpectedRows, expectedRows, wireArticle } from '../hardening/wire-articles';
import { runSitrep } from '../helpers';
import { postgresDatabase } from '../helpers/postgres';

/*
 * The SQLite crash test (test/hardening/crash.*) on PostgreSQL: `sitrep serve` killed with SIGKILL
 * while four clients ingest. After each kill every article is wholly there (as acknowledged) or
 * wholly absent, none acknowledged is lost, and the counts the triggers keep equal what the rows say.
 */

const url = await postgresDatabase('a PostgreSQL server killed mid-ingest');
const ARTICLES = 24;
const CLIENTS = 4;
/** Acknowledged ingests (over the whole run) after which the server is killed. */
const KILL_AFTER = [5, 14];

const articles = Array.from({ length: ARTICLES }, (_, n) => wireArticle(1200 + n));
let expected: ExpectedRows[];
let token: string;

/** Every article whole (its rows as a sequential ingest leaves them, and as acknowledged) or absent. */
async function expectWholeOrAbsent(acknowledged: ReadonlyMap<number, Acknowledged>): Promise<number> {
  const sql = postgres(url!, { max: 1, onnotice: () => {} });
  let present = 0;
  try {
    for (const [n, { text }] of articles.entries()) {
      const [row] = await sql<Array<{ id: number }>>`select id from articles where content_hash = ${contentHash(text)}`;
      const created = await sql`select name from aliases where name in ${sql(expected[n]!.created)}`;
      if (!row) {
        expect(acknowledged.has(n), `article ${n} was acknowledged but is missing`).toBe(false);
        expect(created.length, `entities of absent article ${n}`).toBe(0);
        continue;
      }
      present += 1;
      const [rows] = await sql`
        select (select count(*)::int from mentions where article_id = ${row.id}) as mentions,
               (select count(*)::int from claims where article_id = ${row.id}) as claims,
               (select count(*)::int from claim_about a join claims c on c.id = a.claim_id
                 where c.article_id = ${row.id}) as about`;
      const { created: names, ...counts } = expected[n]!;
      expect({ ...rows }, `rows of article ${n}`).toEqual(counts);
      expect(created.length, `entities of article ${n}`).toBe(names.length);
      const stored = acknowledged.get(n);
      if (stored) expect(row.id).toBe(stored.article);
    }
    const [stats] = await sql`
      select (select coalesce(json_agg(s order by entity_id), '[]') from
                (select entity_id, claims, sources from entity_claim_stats) s) as kept,
             (select coalesce(json_agg(t order by entity_id), '[]') from
                (select entity_id, count(*)::int as claims, count(distinct source_key)::int as sources
                   from claim_about group by entity_id) t) as truth`;
    expect(stats!.kept).toEqual(stats!.truth);
  } finally {
    await sql.end();
  }
  return present;
}

describe.skipIf(!url)('a PostgreSQL server killed with SIGKILL in the middle of an ingest', () => {
  beforeAll(async () => {
    expected = await expectedRows(articles);
    const created = runSitrep(['token', 'create', '--scope', 'write', '--name', 'crash test', '--db', url!]);
    expect(created.status, created.stderr).toBe(0);
    token = created.stdout.trim();
  }, 60_000);

  it('leaves every article whole or absent, and loses none it acknowledged', { timeout: 180_000 }, async () => {
    // The first start fills the new database with the demo data, as the expected rows assume.
    const figures = await crashWhileIngesting({
      db: url!,
      token,
      articles,
      clients: CLIENTS,
      killAfter: KILL_AFTER,
      check: expectWholeOrAbsent,
    });
    expect(figures.unexpected).toEqual([]);
    expect(figures.present).toBe(ARTICLES);
    expect(figures.acknowledged + figures.conflictsAfterRestart).toBe(ARTICLES);
    expect(figures.kills).toBe(KILL_AFTER.length);
    console.info(`crash test on PostgreSQL: ${JSON.stringify(figures)}`);
  });
});
