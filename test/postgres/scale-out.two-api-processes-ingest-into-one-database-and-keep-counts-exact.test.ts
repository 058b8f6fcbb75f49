import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSitrep, seededDatabase, subscribeOverSse } from '../helpers';
import { type ExpectedRows, type WireArticle, expectedRows, wireArticle } from '../hardening/wire-articles';
import { postgresDatabase } from '../helpers/postgres';
import { type ServeProcess, serveProcess } from '../helpers/serve-process';

/**
 * Two `sitrep serve` processes on one PostgreSQL database, as behind a load balancer: articles
 * ingested through both at once all land whole, each exactly once, with the counts the triggers
 * keep equal to what the rows say; and a subscriber on one process hears what was written through
 * the other (LISTEN/NOTIFY).
 */

const url = await postgresDatabase('two API processes on one PostgreSQL database');
const { db: seeded } = seededDatabase('sitrep-scale-out-');

/** Reports through each process: enough that their stores overlap and meet the ingest lock. */
const PER_PROCESS = 8;

type Ingested = {
  data?: { ingestArticle?: { article: { id: string } } };
  errors?: Array<{ extensions?: { code?: string } }>;
};

describe.skipIf(!url)('two API processes on one PostgreSQL database', () => {
  let first: ServeProcess;
  let second: ServeProcess;
  let sql: postgres.Sql;
  let token: string;

  const ingest = async (server: ServeProcess, text: string): Promise<Ingested> => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: 'mutation($text: String!) { ingestArticle(input: { text: $text }) { article { id } } }',
        variables: { text },
      }),
    });
    return (await response.json()) as Ingested;
  };

  beforeAll(async () => {
    expect(runSitrep(['copy', '--from', seeded, '--to', url!]).status).toBe(0);
    const created = runSitrep(['token', 'create', '--scope', 'write', '--name', 'scale-out', '--db', url!]);
    expect(created.status).toBe(0);
    token = created.stdout.trim();
    [first, second] = await Promise.all([serveProcess(['--db', url!]), serveProcess(['--db', url!])]);
    sql = postgres(url!, { max: 1, onnotice: () => {} });
  }, 90_000);

  afterAll(async () => {
    await Promise.all([first?.stop(), second?.stop()]);
    await sql?.end();
  });

  it('tells a subscriber on one process of an article ingested through the other', async () => {
    const client = subscribeOverSse(first.url, 'subscription { knowledgeChanged { newClaims entities { name } } }');
    try {
      type Change = { data?: { knowledgeChanged?: { newClaims: number; entities: Array<{ name: string }> } } };
      let heard: Change | null = null;
      let sent: WireArticle | null = null;
      // A commit before the subscription's LISTEN is rightly never told to it: ingest until one is.
      for (let n = 1500; !heard?.data?.knowledgeChanged?.newClaims && n < 1520; n++) {
        sent = wireArticle(n);
        expect((await ingest(second, sent.text)).errors).toBeUndefined();
        heard = (await client.next(2_000)) as Change | null;
      }
      expect(heard?.data?.knowledgeChanged?.newClaims).toBeGreaterThan(0);
      expect(heard!.data!.knowledgeChanged!.entities.map((e) => e.name)).toEqual(
        expect.arrayContaining(sent!.ownNames.filter((name) => !name.endsWith('air base'))),
      );
    } finally {
      await client.close();
    }
  }, 60_000);

  it('stores every article ingested through both at once whole, once, with exact counts', async () => {
    const reports = Array.from({ length: 2 * PER_PROCESS }, (_, i) => wireArticle(i));
    const expected = await expectedRows(reports);
    // Both processes at once, each with a few requests in flight; and one text sent to both.
    const twice = wireArticle(1600).text;
    const results = await Promise.all([
      ...reports.map((report, i) => ingest(i % 2 === 0 ? first : second, report.text)),
      ingest(first, twice),
      ingest(second, twice),
    ]);
    for (const result of results.slice(0, reports.length)) expect(result.errors).toBeUndefined();
    const [one, other] = results.slice(reports.length);
    expect([one!.errors?.[0]?.extensions?.code, other!.errors?.[0]?.extensions?.code].sort()).toEqual([
      'CONFLICT',
      undefined,
    ]);

    const ids = results.slice(0, reports.length).map((r) => Buffer.from(r.data!.ingestArticle!.article.id, 'base64'));
    const articleIds = ids.map((id) => Number(id.toString().split(':')[1]));
    expect(new Set(articleIds).size).toBe(reports.length);
    for (const [i, articleId] of articleIds.entries()) {
      const want: ExpectedRows = expected[i]!;
      const [counts] = await sql`
        select (select count(*)::int from mentions where article_id = ${articleId}) as mentions,
               (select count(*)::int from claims where article_id = ${articleId}) as claims,
               (select count(*)::int from claim_about a join claims c on c.id = a.claim_id
                 where c.article_id = ${articleId}) as about,
               (select count(*)::int from claims where article_id = ${articleId} and statement_id is null) as ungrouped`;
      expect(counts).toEqual({ mentions: want.mentions, claims: want.claims, about: want.about, ungrouped: 0 });
    }
    // Each report's own names made one entity each, whichever process stored it first.
    for (const report of reports)
      for (const name of report.ownNames) {
        const [row] = await sql`select count(*)::int as n from aliases where name = ${name}`;
        expect({ name, entities: row!.n }).toEqual({ name, entities: 1 });
      }

    // The counts the triggers keep, against what the rows say.
    const rows = async (query: Promise<postgres.RowList<postgres.Row[]>>) => (await query).map((r) => ({ ...r }));
    expect(await rows(sql`select entity_id, claims, sources from entity_claim_stats order by entity_id`)).toEqual(
      await rows(sql`select entity_id, count(*)::int as claims, count(distinct source_key)::int as sources
                       from claim_about group by entity_id order by entity_id`),
    );
    expect(
      await rows(sql`select entity_id, statements, contested from entity_statement_stats order by entity_id`),
    ).toEqual(
      await rows(sql`select entity_id, count(*)::int as statements, count(*) filter (where contested)::int as contested
                       from statement_about group by entity_id order by entity_id`),
    );
    expect(await rows(sql`select id, claims from statements order by id`)).toEqual(
      await rows(sql`select statement_id as id, count(*)::int as claims from claims
                       where statement_id is not null group by statement_id order by statement_id`),
    );
    const [terms] = await sql`select (select claims from term_counts where term = '') as counted,
                                     (select count(*)::int from claims) as claims`;
    expect(terms!.counted).toBe(terms!.claims);
  }, 120_000);
});
