import { HIGHLIGHT } from '@sitrep/db';
import { describe, expect, it } from 'vitest';
import { dataOf, errorCodes, useTestServer } from '../helpers';

const server = useTestServer();

type Hits = {
  search: {
    totalCount: number;
    edges: Array<{
      node: {
        __typename: string;
        snippet: string;
        score: number;
        article?: { title: string };
        claim?: { quote: string };
      };
    }>;
  };
};

const SEARCH = `query($q: String!, $kinds: [SearchKind!], $first: Int) {
  search(query: $q, kinds: $kinds, first: $first) {
    totalCount
    edges { node { __typename snippet score ... on ArticleSearchHit { article { title } } ... on ClaimSearchHit { claim { quote } } } }
  }
}`;

describe('search(query)', () => {
  it('finds articles and claims with highlighted snippets, best first', async () => {
    const { search } = dataOf(await server.gql<Hits>(SEARCH, { q: 'Hmeimim', first: 50 }));
    expect(search.totalCount).toBeGreaterThan(3);
    const kinds = new Set(search.edges.map((e) => e.node.__typename));
    expect(kinds).toEqual(new Set(['ArticleSearchHit', 'ClaimSearchHit']));
    for (const { node } of search.edges) {
      expect(node.snippet).toContain(`${HIGHLIGHT.open}Hmeimim${HIGHLIGHT.close}`);
    }
    const scores = search.edges.map((e) => e.node.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('restricts to one kind and needs every word', async () => {
    const claims = dataOf(await server.gql<Hits>(SEARCH, { q: 'Tartus contract', kinds: ['CLAIM'], first: 50 }));
    expect(claims.search.edges.every((e) => e.node.__typename === 'ClaimSearchHit')).toBe(true);
    const both = dataOf(await server.gql<Hits>(SEARCH, { q: 'Tartus', kinds: ['CLAIM'] }));
    expect(claims.search.totalCount).toBeLessThan(both.search.totalCount);
  });

  it('folds diacritics and case', async () => {
    const plain = dataOf(await server.gql<Hits>(SEARCH, { q: 'kremlin' }));
    const marked = dataOf(await server.gql<Hits>(SEARCH, { q: 'KRÉMLIN' }));
    expect(marked.search.totalCount).toBe(plain.search.totalCount);
    expect(plain.search.totalCount).toBeGreaterThan(0);
  });

  it.each([
    '"',
    '*',
    'AND',
    '(',
    ')',
    'Tartus AND',
    'NEAR(Tartus Hmeimim)',
    'title:Tartus',
    '"Tartus',
    "Tartus' OR 1=1 --",
    '^Tartus',
    'Tartus*',
    '-Tartus',
    '{ }',
    'OR NOT',
  ])('treats hostile syntax %j as words, without an SQL error', async (q) => {
    const response = await server.gql<Hits>(SEARCH, { q });
    if (response.errors) {
      // Only a query with no letters or digits may fail, and then with a clear, typed error.
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(q).not.toMatch(/[\p{L}\p{N}]/u);
    } else {
      expect(response.data?.search.totalCount).toBeGreaterThanOrEqual(0);
    }
  });

  it('rejects an empty query with a message', async () => {
    for (const q of ['', '   ', '"" ** ()']) {
      const response = await server.gql(SEARCH, { q });
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors?.[0]?.message).toMatch(/letter or digit/);
    }
  });
});
