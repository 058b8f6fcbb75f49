import { type RunningServer, type ServerStore, postgresServerStore, startServer } from '@sitrep/server';
import { HOVER_QUERY } from '@sitrep/vocabulary';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoOnBoth, demoOnBoth, postgresDatabase } from '../helpers/postgres';

/*
 * On PostgreSQL each read is a round trip, so a query about one entity is read ahead in one
 * statement (read-ahead.ts): the hover costs the name's look-up and the glance, on Yoga's path
 * and on the fast path alike; a page of claims costs the page and one read of what it shows beside
 * each claim. That the answers are the same as SQLite's is
 * serve.answers-every-query-on-postgres-as-on-sqlite's part; this counts the reads.
 */

const url = await postgresDatabase('reading ahead');

/** The store with every read and glance it makes written down by name. */
function counted(store: ServerStore, calls: string[]): ServerStore {
  const wrapped: Record<string, unknown> = { ...store };
  for (const [name, value] of Object.entries(store)) {
    if (typeof value !== 'function' || name === 'watchChanges' || name === 'close') continue;
    wrapped[name] = (...args: unknown[]) => {
      calls.push(name);
      return (value as (...rest: unknown[]) => unknown)(...args);
    };
  }
  const glance = store.glance!;
  wrapped.glance = {
    glanceAt: (ask: Parameters<typeof glance.glanceAt>[0]) => {
      calls.push('glanceAt');
      return glance.glanceAt(ask);
    },
    aroundClaims: (ask: Parameters<typeof glance.aroundClaims>[0]) => {
      calls.push('aroundClaims');
      return glance.aroundClaims(ask);
    },
  };
  return wrapped as unknown as ServerStore;
}

describe.skipIf(!url)('a hover on PostgreSQL', () => {
  let both: DemoOnBoth;
  let server: RunningServer;
  const calls: string[] = [];

  const post = async (query: string, variables: Record<string, unknown>) => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: Record<string, Record<string, unknown> | null>; errors?: unknown };
    expect(body.errors).toBeUndefined();
    return body.data!.entity ?? body.data!.claims ?? null;
  };

  beforeAll(async () => {
    both = await demoOnBoth(url!);
    server = await startServer({ store: counted(postgresServerStore(both.pg), calls), port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await server?.close();
    await both?.close();
  });

  it('reads the name, then everything the hover shows in one glance, on every path', async () => {
    // The first two requests go through Yoga, the ones after through the compiled plan.
    for (const name of ['Hmeimim', 'Russia', 'Tartus', 'Hmeimim', 'Russia']) {
      calls.length = 0;
      const entity = await post(HOVER_QUERY, { name });
      expect((entity!.statements as { totalCount: number }).totalCount).toBeGreaterThan(0);
      expect(calls, name).toStrictEqual(['entityNamed', 'glanceAt']);
    }
  });

  it('reads ahead by id too, and not at all for a query that asks no list', async () => {
    const { id } = (await post('query($n: String) { entity(name: $n) { id } }', { n: 'Tartus' }))!;
    calls.length = 0;
    await post(HOVER_QUERY, { id, name: null });
    expect(calls).toStrictEqual(['entitiesByIds', 'glanceAt']);
    calls.length = 0;
    await post('query($n: String) { entity(name: $n) { id name aliases } }', { n: 'Tartus' });
    expect(calls).toStrictEqual(['entityNamed', 'aliasesOfEntities']);
  });

  it('leaves a list it did not read to its own read, and answers it', async () => {
    calls.length = 0;
    const entity = await post(
      'query($n: String) { entity(name: $n) { statements(first: 2, filter: { from: "2000-01-01" }) { totalCount } claims(first: 2) { totalCount } } }',
      { n: 'Russia' },
    );
    expect(calls).toStrictEqual(['entityNamed', 'glanceAt', 'listStatements', 'countStatements']);
    expect((entity!.statements as { totalCount: number }).totalCount).toBeGreaterThan(0);
  });

  it('reads a page of claims, then their subjects, sources and articles in one statement', async () => {
    const page = `query($first: Int) { claims(first: $first) { edges { node { id quote
      about { role entity { name } } source { text actor { name } } article { title } } } } }`;
    for (const first of [50, 50, 50, 1]) {
      calls.length = 0;
      const claims = await post(page, { first });
      expect((claims!.edges as unknown[]).length).toBe(first);
      expect(calls).toStrictEqual(['listClaims', 'aroundClaims']);
    }
    // Nothing shown beside the claims: nothing more read.
    calls.length = 0;
    await post('{ claims(first: 5) { totalCount edges { node { id quote } } } }', {});
    expect(calls).toStrictEqual(['listClaims', 'countClaims']);
  });
});
