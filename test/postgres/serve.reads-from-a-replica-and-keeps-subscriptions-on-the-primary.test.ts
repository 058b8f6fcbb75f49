import type { Health } from '@sitrep/server';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSitrep, seededDatabase, subscribeOverSse } from '../helpers';
import { postgresDatabase } from '../helpers/postgres';
import { type Replication, replicate, untilReplicated } from '../helpers/postgres-replica';
import { type ServeProcess, serveProcess } from '../helpers/serve-process';

const primary = await postgresDatabase('the primary of a read replica');
const replica = await postgresDatabase('a read replica');
const { db } = seededDatabase('sitrep-replica-');

describe.skipIf(!primary || !replica)('sitrep serve --db PRIMARY --read-db REPLICA', () => {
  let replication: Replication;
  let served: ServeProcess;
  let sql: postgres.Sql;

  beforeAll(async () => {
    expect(runSitrep(['copy', '--from', db, '--to', primary!]).status).toBe(0);
    replication = await replicate(primary!, replica!);
    served = await serveProcess(['--db', primary!, '--read-db', replica!]);
    sql = postgres(primary!, { max: 1, onnotice: () => {} });
  }, 60_000);

  afterAll(async () => {
    await served?.stop();
    await sql?.end();
    await replication?.stop();
  });

  async function ask<T>(query: string): Promise<T> {
    const response = await fetch(served.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    const { data, errors } = (await response.json()) as { data: T; errors?: unknown };
    expect(errors).toBeUndefined();
    return data;
  }

  /** How many entities of a kind the server knows: what it reads from the replica. */
  const servedCount = async (kind: 'ACTOR' | 'INSTALLATION') =>
    (await ask<{ entities: { totalCount: number } }>(`{ entities(filter: { kind: ${kind} }) { totalCount } }`)).entities
      .totalCount;
  const onPrimary = async (kind: 'actor' | 'installation') =>
    (await sql<{ n: number }[]>`select count(*)::int as n from entities where kind = ${kind}`)[0]!.n;

  it('says where queries read from, and /health reports the primary and the replica', async () => {
    expect(served.output()).toMatch(/^Queries read from the replica postgres:\/\/\S+\/t\d+_a_read_replica$/m);
    const response = await fetch(new URL('/health', served.origin));
    expect(response.status).toBe(200);
    const health = (await response.json()) as Health;
    expect(health).toMatchObject({
      status: 'ok',
      database: { kind: 'postgres', reachable: true, schema: { upToDate: true } },
      replica: { kind: 'postgres', reachable: true, schema: { upToDate: true } },
    });
  });

  it('shows a write on the primary at once, and through the server once the replica has it', async () => {
    const before = await servedCount('INSTALLATION');
    expect(before).toBe(await onPrimary('installation'));
    await replication.pause();
    try {
      await sql`insert into entities (kind, name) values ('installation', 'Replica probe base')`;
      expect(await onPrimary('installation')).toBe(before + 1);
      // Queries read from the replica, which has not applied it: the server does not see it yet.
      expect(await servedCount('INSTALLATION')).toBe(before);
    } finally {
      await replication.resume();
    }
    await untilReplicated(async () => (await servedCount('INSTALLATION')) === before + 1, 30_000);
  });

  it('reads a subscription’s news from the primary, even while the replica lags', async () => {
    const client = subscribeOverSse(served.url, 'subscription { knowledgeChanged { entities { name } } }');
    await untilReplicated(async () => (await servedCount('ACTOR')) === (await onPrimary('actor')), 30_000);
    const before = await servedCount('ACTOR');
    await replication.pause();
    try {
      type Change = { data?: { knowledgeChanged?: { entities?: Array<{ name: string }> } } };
      let event: Change | null = null;
      // A commit before the subscription's LISTEN is rightly never told to it: write until one is.
      for (let n = 1; !event?.data?.knowledgeChanged?.entities?.length && n <= 40; n += 1) {
        await sql`insert into entities (kind, name) values ('actor', ${`Primary only ${n}`})`;
        event = (await client.next(250)) as Change | null;
      }
      expect(event?.data?.knowledgeChanged?.entities).toEqual([{ name: expect.stringMatching(/^Primary only \d+$/) }]);
      // …which the replica, and so a query, does not have.
      expect(await onPrimary('actor')).toBeGreaterThan(before);
      expect(await servedCount('ACTOR')).toBe(before);
    } finally {
      await client.close();
      await replication.resume();
    }
  });

  it('refuses --read-db beside a SQLite database, and one that is not a PostgreSQL URL, in one line', () => {
    for (const [args, message] of [
      [['--db', db, '--read-db', replica!], /--read-db names a PostgreSQL replica; give --db the primary/],
      [['--db', primary!, '--read-db', 'replica.db'], /--read-db must be a postgres:\/\/ URL, not replica\.db\./],
    ] as const) {
      const result = runSitrep(['serve', '--port', '0', ...args], {}, { timeoutMs: 20_000 });
      expect(result.status).toBe(1);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(message);
    }
  });
});
