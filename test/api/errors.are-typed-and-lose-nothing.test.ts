import { beforeAll, describe, expect, it } from 'vitest';
import { dataOf, errorCodes, useTestServer } from '../helpers';

const server = useTestServer();
let token: string;
beforeAll(() => {
  token = server.token('write');
});

const idOf = async (name: string) =>
  dataOf(await server.gql<{ entity: { id: string } }>('query($n: String!) { entity(name: $n) { id } }', { n: name }))
    .entity.id;

const firstArticle = async () =>
  dataOf(
    await server.gql<{
      articles: { edges: Array<{ node: { id: string; title: string; text: string; publishedAt: string } }> };
    }>('{ articles(first: 1) { edges { node { id title text publishedAt } } } }'),
  ).articles.edges[0]!.node;

/** Every row count, to prove a refused write changed nothing. */
const snapshot = () =>
  server.db.sqlite
    .prepare(
      `select (select count(*) from entities) e, (select count(*) from aliases) a, (select count(*) from articles) r,
              (select count(*) from claims) c, (select count(*) from claim_about) ca, (select count(*) from mentions) m`,
    )
    .get();

describe('typed errors', () => {
  it('CONFLICT for the same article text twice, naming the stored one', async () => {
    const article = await firstArticle();
    const before = snapshot();
    const response = await server.gql(
      `mutation($input: CreateArticleInput!) { createArticle(input: $input) { article { id } } }`,
      { input: { title: 'Copy', publishedAt: article.publishedAt, text: article.text } },
      token,
    );
    expect(errorCodes(response)).toEqual(['CONFLICT']);
    expect(response.errors?.[0]?.message).toContain(article.title);
    expect(snapshot()).toEqual(before);
  });

  it('CONFLICT for an alias another entity has, and nothing of a half-created entity stays', async () => {
    const before = snapshot();
    const response = await server.gql(
      `mutation { createActor(input: { name: "New Body", aliases: ["Brand New", "Khmeimim"] }) { actor { id } } }`,
      {},
      token,
    );
    expect(errorCodes(response)).toEqual(['CONFLICT']);
    expect(response.errors?.[0]?.message).toMatch(/Khmeimim.*Hmeimim Air Base/);
    // The owner by the global ID the API gives it, which a script can pass to mergeEntities.
    const owner = dataOf(await server.gql<{ entity: { id: string } }>('{ entity(name: "Hmeimim") { id } }')).entity;
    expect(response.errors?.[0]?.extensions).toMatchObject({ entity: owner.id });
    expect(response.errors?.[0]?.extensions).not.toHaveProperty('entityId');
    expect(snapshot()).toEqual(before);
    expect(dataOf(await server.gql<{ entity: unknown }>('{ entity(name: "Brand New") { id } }')).entity).toBeNull();
  });

  it('BAD_USER_INPUT for a quote that is not in the article, or a wrong span', async () => {
    const article = await firstArticle();
    const before = snapshot();
    const CLAIM = `mutation($input: CreateClaimInput!) { createClaim(input: $input) { claim { id } } }`;
    const missing = await server.gql(CLAIM, { input: { article: article.id, quote: 'words never written' } }, token);
    expect(errorCodes(missing)).toEqual(['BAD_USER_INPUT']);
    expect(missing.errors?.[0]?.message).toMatch(/does not occur verbatim/);
    const span = await server.gql(
      CLAIM,
      { input: { article: article.id, quote: article.text.slice(0, 10), start: 5, end: 15 } },
      token,
    );
    expect(errorCodes(span)).toEqual(['BAD_USER_INPUT']);
    expect(snapshot()).toEqual(before);
  });

  it('NOT_FOUND for a well-formed ID of nothing; BAD_USER_INPUT for an ID of the wrong type', async () => {
    const ghost = Buffer.from('Actor:424242').toString('base64');
    const response = await server.gql(
      `mutation($e: ID!) { addAlias(input: { entity: $e, name: "Ghost" }) { entity { id } } }`,
      { e: ghost },
      token,
    );
    expect(errorCodes(response)).toEqual(['NOT_FOUND']);
    const article = await firstArticle();
    const wrong = await server.gql(
      `mutation($e: ID!) { addAlias(input: { entity: $e, name: "Ghost" }) { entity { id } } }`,
      { e: article.id },
      token,
    );
    expect(errorCodes(wrong)).toEqual(['BAD_USER_INPUT']);
    expect(wrong.errors?.[0]?.message).toMatch(/Actor or Installation, got a Article ID|Actor or Installation/);
  });

  it('BAD_USER_INPUT for coordinates off the globe, an empty name, a claim source that is not an actor', async () => {
    const before = snapshot();
    const offGlobe = await server.gql(
      `mutation { createInstallation(input: { name: "Nowhere", location: { latitude: 123, longitude: 0 } }) { installation { id } } }`,
      {},
      token,
    );
    expect(errorCodes(offGlobe)).toEqual(['BAD_USER_INPUT']);
    expect(offGlobe.errors?.[0]?.message).toMatch(/latitude/);
    const empty = await server.gql(`mutation { createActor(input: { name: "   " }) { actor { id } } }`, {}, token);
    expect(errorCodes(empty)).toEqual(['BAD_USER_INPUT']);
    const article = await firstArticle();
    const notActor = await server.gql(
      `mutation($a: ID!, $q: String!, $s: ID!) { createClaim(input: { article: $a, quote: $q, source: { text: "the base", actor: $s } }) { claim { id } } }`,
      { a: article.id, q: article.text.slice(0, 12), s: await idOf('Hmeimim') },
      token,
    );
    expect(errorCodes(notActor)).toEqual(['BAD_USER_INPUT']);
    expect(snapshot()).toEqual(before);
  });

  it('rejects a malformed Date before anything runs, with a message naming the value', async () => {
    const before = snapshot();
    const response = await server.gql(
      `mutation { createArticle(input: { title: "T", publishedAt: "yesterday", text: "x" }) { article { id } } }`,
      {},
      token,
    );
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0]?.message).toMatch(/"yesterday" is not a calendar date: write "YYYY-MM-DD"/);
    expect(snapshot()).toEqual(before);
  });

  // The README promises BAD_USER_INPUT for a bad ID, cursor, date or page size: the same code
  // whether a script sends the value as a variable or a person types it into the query.
  it.each([
    ['a date that is no day', 'claims(filter: { from: $v }) { totalCount }', 'Date', '2025-13-45', '"2025-13-45"'],
    ['February 30th', 'claims(filter: { to: $v }) { totalCount }', 'Date', '2025-02-30', '"2025-02-30"'],
    ['a date written as a number', 'claims(filter: { from: $v }) { totalCount }', 'Date', 20250101, '20250101'],
    ['an ID that is not one', 'node(id: $v) { id }', 'ID!', 'xyz', '"xyz"'],
    ['a cursor from nowhere', 'claims(after: $v) { totalCount }', 'String', 'zzz', '"zzz"'],
    ['a page over 100', 'claims(first: $v) { totalCount }', 'Int', 1000, '1000'],
  ])('BAD_USER_INPUT for %s, inline or as a variable', async (_case, field, type, value, literal) => {
    const inline = await server.gql(`{ ${field.replace('$v', literal)} }`);
    const variable = await server.gql(`query($v: ${type}) { ${field} }`, { v: value });
    expect(errorCodes(inline)).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(variable)).toEqual(['BAD_USER_INPUT']);
  });

  it('a query that does not fit the schema fails validation; the same value as a variable is bad input', async () => {
    const inline = await server.gql('{ claims(filter: { stance: DENY }) { totalCount } }');
    expect(errorCodes(inline)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    const variable = await server.gql('query($s: Stance) { claims(filter: { stance: $s }) { totalCount } }', {
      s: 'DENY',
    });
    expect(errorCodes(variable)).toEqual(['BAD_USER_INPUT']);
  });

  it('never leaks SQL or a stack trace', async () => {
    const responses = await Promise.all([
      server.gql(`{ entity(name: "x') or 1=1 --") { id } }`),
      server.gql(`{ search(query: "'; drop table claims; --") { totalCount } }`),
    ]);
    for (const response of responses) {
      expect(JSON.stringify(response)).not.toMatch(/SQLITE|sqlite|at .*\.ts:\d+|stack/);
    }
    expect(
      dataOf(await server.gql<{ claims: { totalCount: number } }>('{ claims { totalCount } }')).claims.totalCount,
    ).toBeGreaterThan(0);
  });

  it('refuses queries over the depth and complexity limits with QUERY_TOO_COMPLEX', async () => {
    const deep = `{ entity(name: "Tartus") { ... on Installation { operator { affiliation { affiliation { affiliation { affiliation { affiliation { affiliation { affiliation { affiliation { affiliation { affiliation { name } } } } } } } } } } } } } }`;
    const tooDeep = await server.gql(deep);
    expect(errorCodes(tooDeep)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(tooDeep.errors?.[0]?.message).toMatch(/depth \d+ exceeds the limit of 12/);
    const wide = `{ entities(first: 100) { edges { node { claims(first: 100) { edges { node { quote article { title } about { entity { name } } } } } } } } }`;
    const tooWide = await server.gql(wide);
    expect(errorCodes(tooWide)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(tooWide.errors?.[0]?.message).toMatch(/complexity \d+ exceeds the limit/);
  });

  it('refuses an alias bomb and a token flood, naming the limit', async () => {
    const aliases = await server.gql(
      `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: entity(name: "x") { id }`).join(' ')} }`,
    );
    expect(aliases.data ?? null).toBeNull();
    expect(aliases.errors?.[0]?.message).toMatch(/Aliases limit of 30 exceeded/);
    const tokens = await server.gql(
      `{ ${Array.from({ length: 200 }, (_, i) => `a${i}: entity(name: "Tartus") { id }`).join(' ')} }`,
    );
    expect(tokens.errors?.[0]?.message).toMatch(/Token limit of 2000 exceeded/);
  });
});
