import { type SitrepPostgres, openPostgres } from '@sitrep/db';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresDatabase } from '../helpers/postgres';

const url = await postgresDatabase('the PostgreSQL count trigger tests');

describe.skipIf(!url)('the per-entity counts on PostgreSQL', () => {
  let db: SitrepPostgres;
  let article = 0;
  const entity: Record<string, number> = {};

  /** What the triggers keep, next to what claim_about says: they must always agree. */
  async function kept() {
    const stats = await db.sql`select entity_id, claims, sources from entity_claim_stats order by entity_id`;
    const truth = await db.sql`
      select entity_id, count(*)::int as claims, count(distinct source_key)::int as sources
        from claim_about group by entity_id order by entity_id`;
    expect(stats.map((r) => ({ ...r }))).toEqual(truth.map((r) => ({ ...r })));
    return Object.fromEntries(stats.map((r) => [r.entity_id as number, [r.claims as number, r.sources as number]]));
  }

  async function claim(
    about: number,
    source: string | null,
    sql: postgres.Sql | postgres.TransactionSql = db.sql,
  ): Promise<number> {
    const [row] = await sql<{ id: number }[]>`
      insert into claims (article_id, quote, start, "end", source_text, stance, said_on)
      values (${article}, 'q', 0, 1, ${source}, 'affirms', '2025-01-01') returning id`;
    await sql`insert into claim_about (claim_id, entity_id, said_on, source_key)
      values (${row!.id}, ${about}, '2025-01-01', ${source === null ? 'outlet:' : `text:${source}`})`;
    return row!.id;
  }

  beforeAll(async () => {
    db = await openPostgres(url!);
    const [row] = await db.sql<{ id: number }[]>`
      insert into articles (title, published_at, text, word_count, content_hash, outlet)
      values ('t', '2025-01-01', 'x', 1, 'h', null) returning id`;
    article = row!.id;
    for (const name of ['A', 'B', 'X']) {
      const [row] = await db.sql<
        { id: number }[]
      >`insert into entities (kind, name) values ('actor', ${name}) returning id`;
      entity[name] = row!.id;
    }
  });
  afterAll(() => db?.close());

  it('count claims and distinct sources as claims are added, moved by a merge, re-sourced and deleted', async () => {
    const a = entity.A!;
    const b = entity.B!;
    const first = await claim(a, 'an official');
    await claim(a, 'an official');
    const third = await claim(a, null);
    expect((await kept())[a]).toEqual([3, 2]);

    await db.sql`update claim_about set entity_id = ${b} where claim_id = ${third}`;
    expect(await kept()).toMatchObject({ [a]: [2, 1], [b]: [1, 1] });

    // The claim's source changes: its claim_about rows are re-keyed by the claims trigger.
    await db.sql`update claims set source_text = 'A Diplomat' where id = ${first}`;
    expect((await db.sql`select source_key from claim_about where claim_id = ${first}`)[0]!.source_key).toBe(
      'text:a diplomat',
    );
    expect((await kept())[a]).toEqual([2, 2]);

    // The article's outlet names the outlet's own voice.
    await db.sql`update articles set outlet = 'Reuters' where id = ${article}`;
    expect((await db.sql`select source_key from claim_about where claim_id = ${third}`)[0]!.source_key).toBe(
      'outlet:Reuters',
    );

    await db.sql`delete from claims where id = ${first}`;
    expect((await kept())[a]).toEqual([1, 1]);
    await db.sql`delete from claims where id = ${third}`;
    expect((await kept())[b]).toBeUndefined();
  });

  it('lose no update when writers on two pools add claims about one entity at once', async () => {
    const x = entity.X!;
    const pools = [postgres(url!, { max: 6 }), postgres(url!, { max: 6 })];
    try {
      const writers = Array.from({ length: 60 }, (_, i) =>
        pools[i % 2]!.begin((tx) => claim(x, `source ${i % 3}`, tx)),
      );
      await Promise.all(writers);
    } finally {
      await Promise.all(pools.map((pool) => pool.end()));
    }
    expect((await kept())[x]).toEqual([60, 3]);
    const sources = await db.sql`select source_key, claims from entity_sources where entity_id = ${x} order by 1`;
    expect(sources.map((r) => r.claims)).toEqual([20, 20, 20]);
  });

  it('count statements and contested ones as statement_about changes', async () => {
    const a = entity.A!;
    const statement = async () =>
      (
        await db.sql<
          { id: number }[]
        >`insert into statements (first_said, last_said) values ('2025-01-01', '2025-01-01') returning id`
      )[0]!.id;
    const [s1, s2] = [await statement(), await statement()];
    await db.sql`insert into statement_about (entity_id, statement_id, last_said, contested)
      values (${a}, ${s1}, '2025-01-01', false), (${a}, ${s2}, '2025-01-01', true)`;
    const stats = async () =>
      (await db.sql`select statements, contested from entity_statement_stats where entity_id = ${a}`).map((r) => ({
        ...r,
      }));
    expect(await stats()).toEqual([{ statements: 2, contested: 1 }]);
    await db.sql`update statement_about set contested = true where statement_id = ${s1}`;
    expect(await stats()).toEqual([{ statements: 2, contested: 2 }]);
    await db.sql`delete from statements where id = ${s2}`;
    expect(await stats()).toEqual([{ statements: 1, contested: 1 }]);
  });
});
