import { describe, expect, it } from 'vitest';
import { type GraphQLResponse, type TestServer, startTestServer } from '@sitrep/test';
import { holdWriteLock } from './pressure';

// Another process (`sitrep ingest --bulk`, a backup tool, a script) may hold SQLite's write lock
// for seconds. The server must go on answering reads meanwhile, and a mutation must either land
// once the lock is free or fail with the retryable DATABASE_BUSY: never stall the event loop in
// SQLite's busy handler, never answer "Unexpected error.".

const READS = 50;
const CREATE_ACTOR = 'mutation($name: String!) { createActor(input: { name: $name }) { actor { id name } } }';
const READ_GAP_MS = 15;
/**
 * A read that waited for the lock would take most of a second (the lock is held 1 s, or past the
 * 600 ms deadline); an unstalled read on a busy shared machine can still take a few tens of ms
 * (it once took over 100 with eight other test files running). The bound tells the two apart.
 */
const STALLED_MS = 400;

const p99 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.99) - 1]!;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const QUERIES = [
  '{ articles(first: 5) { totalCount edges { node { title } } } }',
  '{ entity(name: "Hmeimim") { name claims(first: 3) { totalCount } } }',
];

/** Sends each read and a mutation once before the lock: the figures are about the lock, not a cold start. */
async function warmUp(server: TestServer, token: string) {
  for (const query of QUERIES) for (let i = 0; i < 3; i++) await server.gql(query);
  expect((await server.gql(CREATE_ACTOR, { name: 'Warm-up Brigade' }, token)).errors).toBeUndefined();
}

/** `READS` reads spread over the lock, each timed; all must succeed. */
async function timedReads(gql: (query: string) => Promise<GraphQLResponse>): Promise<number[]> {
  const queries = QUERIES;
  const times: number[] = [];
  for (let i = 0; i < READS; i++) {
    const started = performance.now();
    const response = await gql(queries[i % queries.length]!);
    times.push(performance.now() - started);
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    await pause(READ_GAP_MS);
  }
  return times;
}

describe('a write lock held by another process', () => {
  it('stalls no read, and a mutation lands once the lock is free', { timeout: 30_000 }, async () => {
    await using server = await startTestServer();
    const token = server.token('write');
    await warmUp(server, token);
    const lock = await holdWriteLock(server.dbFile, 1000);
    const started = performance.now();
    const mutation = server.gql(CREATE_ACTOR, { name: 'Patient Writer Brigade' }, token).then((response) => ({
      response,
      ms: performance.now() - started,
    }));
    const reads = await timedReads((query) => server.gql(query));
    const { response, ms } = await mutation;
    expect(await lock.released).toBe(0);
    console.info(`reads (ms): ${reads.map((t) => t.toFixed(0)).join(' ')}`);
    console.info(
      `busy test (lock held 1 s): read p99 ${p99(reads).toFixed(1)} ms, max ${Math.max(...reads).toFixed(1)} ms; the mutation landed after ${ms.toFixed(0)} ms`,
    );
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    expect(response.data).toMatchObject({ createActor: { actor: { name: 'Patient Writer Brigade' } } });
    expect(ms).toBeGreaterThan(800);
    expect(p99(reads)).toBeLessThan(STALLED_MS);
  });

  it('refuses a mutation with DATABASE_BUSY past the deadline, and writes nothing', { timeout: 30_000 }, async () => {
    await using server = await startTestServer({ writes: { deadlineMs: 600 } });
    const token = server.token('write');
    await warmUp(server, token);
    const count = () => (server.db.sqlite.prepare('select count(*) n from entities').get() as { n: number }).n;
    const before = count();
    const lock = await holdWriteLock(server.dbFile, 2500);
    const started = performance.now();
    const mutation = fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: CREATE_ACTOR, variables: { name: 'Impatient Writer Brigade' } }),
    }).then(async (http) => ({
      http,
      body: (await http.json()) as GraphQLResponse,
      ms: performance.now() - started,
    }));
    const reads = await timedReads((query) => server.gql(query));
    const { http, body, ms } = await mutation;
    console.info(
      `busy test (lock held past a 600 ms deadline): read p99 ${p99(reads).toFixed(1)} ms; the mutation was answered after ${ms.toFixed(0)} ms`,
    );
    expect(body.errors).toHaveLength(1);
    const [error] = body.errors!;
    expect(error!.extensions?.code).toBe('DATABASE_BUSY');
    expect(error!.message).not.toMatch(/Unexpected error|SQLITE/);
    expect(error!.extensions?.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(http.headers.get('retry-after')).toBe(String(error!.extensions?.retryAfterSeconds));
    expect(ms).toBeGreaterThan(550);
    expect(ms).toBeLessThan(2000);
    expect(p99(reads)).toBeLessThan(STALLED_MS);
    expect(await lock.released).toBe(0);
    // Nothing of the refused write landed, and the other process's rolled-back change neither.
    expect(count()).toBe(before);
    expect(server.db.sqlite.prepare("select count(*) n from entities where name like '%Writer Brigade'").get()).toEqual(
      {
        n: 0,
      },
    );
    // Once the lock is free, the same write lands.
    const again = await server.gql(CREATE_ACTOR, { name: 'Impatient Writer Brigade' }, token);
    expect(again.errors).toBeUndefined();
    expect(count()).toBe(before + 1);
  });
});
