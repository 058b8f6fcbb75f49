import { MAX_PAGE_SIZE } from '@sitrep/server';
import { describe, expect, it } from 'vitest';
import { dataOf, errorCodes, useTestServer } from '../helpers';

type Page = {
  claims: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
    edges: Array<{ cursor: string; node: { id: string } }>;
  };
};

const PAGE = `query($first: Int, $after: String, $last: Int, $before: String) {
  claims(first: $first, after: $after, last: $last, before: $before) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id } }
  }
}`;

const server = useTestServer();

describe('cursor connections', () => {
  it('walks every claim exactly once with first/after, and totalCount agrees', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let guard = 0; guard < 100; guard += 1) {
      const page: Page = dataOf(await server.gql<Page>(PAGE, { first: 7, after }));
      total = page.claims.totalCount;
      seen.push(...page.claims.edges.map((e) => e.node.id));
      expect(page.claims.pageInfo.hasPreviousPage).toBe(after !== null);
      if (!page.claims.pageInfo.hasNextPage) break;
      after = page.claims.pageInfo.endCursor;
    }
    expect(total).toBeGreaterThan(7);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });

  it('gives an empty page past the end', async () => {
    const all = dataOf(await server.gql<Page>(PAGE, { first: MAX_PAGE_SIZE }));
    const lastCursor = all.claims.pageInfo.endCursor;
    const past = dataOf(await server.gql<Page>(PAGE, { first: 5, after: lastCursor }));
    expect(past.claims.edges).toEqual([]);
    expect(past.claims.pageInfo.hasNextPage).toBe(false);
    expect(past.claims.pageInfo.endCursor).toBeNull();
  });

  it('pages backwards with last/before', async () => {
    const all = dataOf(await server.gql<Page>(PAGE, { first: MAX_PAGE_SIZE }));
    const ids = all.claims.edges.map((e) => e.node.id);
    const tail = dataOf(await server.gql<Page>(PAGE, { last: 3 }));
    expect(tail.claims.edges.map((e) => e.node.id)).toEqual(ids.slice(-3));
    const before = dataOf(await server.gql<Page>(PAGE, { last: 2, before: tail.claims.pageInfo.startCursor }));
    expect(before.claims.edges.map((e) => e.node.id)).toEqual(ids.slice(-5, -3));
    expect(before.claims.pageInfo.hasNextPage).toBe(true);
  });

  it('rejects an invalid cursor with BAD_USER_INPUT', async () => {
    for (const after of ['nonsense', 'b2Zmc2V0Oi0x', Buffer.from('offset:1').toString('base64') + '==']) {
      const response = await server.gql(PAGE, { first: 5, after });
      expect(errorCodes(response), after).toEqual(['BAD_USER_INPUT']);
      expect(response.errors?.[0]?.message).toMatch(/not a cursor/);
    }
  });

  it(`rejects a page larger than ${MAX_PAGE_SIZE}, naming the limit`, async () => {
    for (const variables of [{ first: MAX_PAGE_SIZE + 1 }, { first: 1_000_000 }, { last: 500 }, { first: -1 }]) {
      const response = await server.gql(PAGE, variables);
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors?.[0]?.message).toContain(String(MAX_PAGE_SIZE));
    }
  });

  it('refuses first and last together', async () => {
    expect(errorCodes(await server.gql(PAGE, { first: 2, last: 2 }))).toEqual(['BAD_USER_INPUT']);
  });
});
