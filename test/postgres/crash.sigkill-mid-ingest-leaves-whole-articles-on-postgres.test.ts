import { contentHash } from '@sitrep/db';
import postgres from 'postgres';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Acknowledged, ingestOverHttp } from '../hardening/ingest-client';
import { type ExpectedRows, expectedRows, wireArticle } from '../hardening/wire-articles';
import { runSitrep, startSitrep } from '../helpers';
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
    const acknowledged = new Map<number, Acknowledged>();
    const queue = articles.map((_, n) => n);
    const figures = { acknowledged: 0, lost: 0, conflictsAfterRestart: 0, kills: 0 };
    const unexpected: string[] = [];
    for (let round = 0; round <= KILL_AFTER.length; round++) {
      const killAfter = KILL_AFTER[round];
      // The first start fills the new database with the demo data, as the expected rows assume.
      const server = startSitrep(['serve', '--db', url!, '--port', '0']);
      const [, api] = await server.waitFor(/GraphiQL and the API: (\S+)/);
      const lostThisRound: number[] = [];
      let killed = false;
      const client = async () => {
        for (let n = queue.shift(); n !== undefined; n = queue.shift()) {
          const outcome = await ingestOverHttp(api!, token, articles[n]!.text);
          if (outcome.kind === 'lost') {
            lostThisRound.push(n);
            return;
          }
          if (outcome.kind === 'acknowledged') {
            acknowledged.set(n, outcome.stored);
            figures.acknowledged += 1;
            if (killAfter !== undefined && figures.acknowledged >= killAfter && !killed) {
              killed = true;
              server.child.kill('SIGKILL');
            }
          } else if (outcome.code === 'CONFLICT') figures.conflictsAfterRestart += 1;
          else unexpected.push(`article ${n}: ${outcome.code} ${outcome.message}`);
        }
      };
      await Promise.all(Array.from({ length: CLIENTS }, client));
      if (killAfter !== undefined) {
        expect(killed, `round ${round} ended before ${killAfter} acknowledgements`).toBe(true);
        await server.exited;
        figures.kills += 1;
        figures.lost += lostThisRound.length;
        await expectWholeOrAbsent(acknowledged);
        queue.unshift(...lostThisRound);
      } else {
        server.child.kill('SIGTERM');
        expect(await server.exited).toBe(0);
      }
    }
    expect(unexpected).toEqual([]);
    expect(await expectWholeOrAbsent(acknowledged)).toBe(ARTICLES);
    expect(figures.acknowledged + figures.conflictsAfterRestart).toBe(ARTICLES);
    expect(figures.kills).toBe(KILL_AFTER.length);
    console.info(`crash test on PostgreSQL: ${JSON.stringify(figures)}`);
  });
});
