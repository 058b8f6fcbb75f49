import { describe, expect, it } from 'vitest';
import { dataOf, useTestServer } from '../helpers';

const server = useTestServer();

/** The SQL statements one request runs (the server logs each one into `statements`). */
async function statementsFor(query: string, variables: Record<string, unknown>) {
  server.statements.length = 0;
  dataOf(await server.gql(query, variables));
  return [...server.statements];
}

const PAGE_OF_CLAIMS = `query($first: Int!) {
  claims(first: $first) {
    totalCount
    edges { node {
      quote stance
      article { title publishedAt }
      source { text actor { name aliases } }
      about { role entity { name aliases claimStats { claims } ... on Installation { operator { name } } } }
    } }
  }
}`;

const PAGE_OF_ENTITIES = `query($first: Int!) {
  entities(first: $first) { edges { node { name aliases claimStats { claims sources } ... on Actor { affiliation { name } } } } }
}`;

const PAGE_OF_STATEMENTS = `query($first: Int!) {
  statements(first: $first) {
    totalCount
    edges { node {
      grade independentSources affirming denying contested credibility credibilityReason firstSaid
      about { name }
      sources { text anonymous count reliability actor { name } }
      conflicts { why statement { grade } }
    } }
  }
}`;

describe('no N+1', () => {
  it('a page of claims with their articles, sources and entities costs the same statements at 3 and at 40', async () => {
    const small = await statementsFor(PAGE_OF_CLAIMS, { first: 3 });
    const large = await statementsFor(PAGE_OF_CLAIMS, { first: 40 });
    // One page query, one count, then one batched statement per kind of row and wave (claim
    // subjects, then their operators). A wave can be skipped when its rows are already cached,
    // so the larger page may need fewer statements, never more.
    expect(large.length).toBeLessThanOrEqual(small.length);
    expect(large.length).toBeLessThanOrEqual(10);
  });

  it('a page of entities with names, stats and affiliations does too', async () => {
    const small = await statementsFor(PAGE_OF_ENTITIES, { first: 2 });
    const large = await statementsFor(PAGE_OF_ENTITIES, { first: 30 });
    expect(large.length).toBeLessThanOrEqual(small.length);
    expect(large.length).toBeLessThanOrEqual(6);
  });

  it('a page of statements with their entities, sources, grades and conflicts does too', async () => {
    const small = await statementsFor(PAGE_OF_STATEMENTS, { first: 3 });
    const large = await statementsFor(PAGE_OF_STATEMENTS, { first: 30 });
    expect(large.length).toBeLessThanOrEqual(small.length);
    expect(large.length).toBeLessThanOrEqual(14);
  });
});
