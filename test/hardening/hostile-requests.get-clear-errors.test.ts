import { describe, expect, it } from 'vitest';
import { type GraphQLResponse, dataOf, errorCodes, useTestServer } from '../helpers';

// Depth, complexity, alias and token floods and SQL in names are in test/api/errors.are-typed-and-lose-nothing.
const server = useTestServer();
const guarded = useTestServer({
  introspection: false,
  corsOrigins: ['http://desk.example'],
  limits: { maxBodyBytes: 64 * 1024, maxArticleChars: 2000 },
});

const gid = (text: string) => Buffer.from(text).toString('base64');

/** The server still answers a normal question correctly. */
async function healthy(s = server) {
  const { entity } = dataOf(await s.gql<{ entity: { name: string } }>('{ entity(name: "Tartous") { name } }'));
  expect(entity.name).toBe('Tartus naval facility');
}

const post = (url: string, body: string, headers: Record<string, string>) =>
  fetch(url, { method: 'POST', headers, body });

describe('hostile GraphQL gets a clear, typed error and the server stays healthy', () => {
  it('a page size of a million names the limit of 100', async () => {
    const response = await server.gql('{ claims(first: 1000000) { totalCount } }');
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0]?.message).toMatch(/between 0 and 100, got 1000000/);
    await healthy();
  });

  it('unknown IDs are null; malformed IDs, unknown types and IDs of the wrong type are BAD_USER_INPUT', async () => {
    const NODE = 'query($id: ID!) { node(id: $id) { id } }';
    expect(dataOf(await server.gql<{ node: null }>(NODE, { id: gid('Actor:999999999999999') })).node).toBeNull();
    for (const id of [gid('Widget:1'), '%%%', gid('Actor:-1'), gid('Actor:1e3'), '\u0000']) {
      const response = await server.gql(NODE, { id });
      expect(errorCodes(response), id).toEqual(['BAD_USER_INPUT']);
    }
    const wrongType = await server.gql('query($id: ID!) { claims(filter: { about: $id }) { totalCount } }', {
      id: gid('Article:1'),
    });
    expect(errorCodes(wrongType)).toEqual(['BAD_USER_INPUT']);
    expect(wrongType.errors?.[0]?.message).toMatch(/filter\.about must be the ID of Actor or Installation/);
    await healthy();
  });

  it('nodes(ids:) with 40,000 IDs names its limit instead of failing in SQLite', async () => {
    const ids = Array.from({ length: 40_000 }, (_, i) => gid(`Actor:${i + 1}`));
    const response = await server.gql('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0]?.message).toMatch(/at most 100 IDs, got 40000/);
    await healthy();
  });

  it('SQL, LIKE and FTS syntax in filters and search are plain text', async () => {
    const before = dataOf(await server.gql<{ entities: { totalCount: number } }>('{ entities { totalCount } }'));
    const attempts: Array<[string, Record<string, unknown>]> = [
      ['query($s: String) { entities(filter: { nameContains: $s }) { totalCount } }', { s: "%' or 1=1 --" }],
      [
        'query($s: String) { entities(filter: { type: $s }) { totalCount } }',
        { s: "x' union select * from api_tokens --" },
      ],
      ['query($s: String) { installations(type: $s) { totalCount } }', { s: 'air base"; drop table entities; --' }],
      ['query($s: String!) { search(query: $s) { totalCount } }', { s: 'NEAR(hmeimim tartus) OR "x* ^col:y' }],
      ['query($s: String!) { search(query: $s) { totalCount } }', { s: 'a\u0000b' }],
    ];
    for (const [query, variables] of attempts) {
      const response = await server.gql<Record<string, { totalCount: number }>>(query, variables);
      expect(response.errors, JSON.stringify(variables)).toBeUndefined();
      expect(Object.values(response.data!)[0]!.totalCount, JSON.stringify(variables)).toBe(0);
    }
    expect(dataOf(await server.gql('{ entities { totalCount } }'))).toEqual(before);
  });

  it('a search of thousands of words is refused at 32 words, quickly', async () => {
    const started = Date.now();
    const response = await server.gql('query($s: String!) { search(query: $s) { totalCount } }', {
      s: 'word '.repeat(300_000),
    });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0]?.message).toMatch(/at most 32 words, got 300000/);
    expect(Date.now() - started).toBeLessThan(5000);
    await healthy();
  });

  it('alias, directive and token floods carry QUERY_TOO_COMPLEX with the kind and the limit', async () => {
    const aliases = await server.gql(
      `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: entity(name: "x") { id }`).join(' ')} }`,
    );
    const directives = await server.gql(`{ entity(name: "x") ${'@skip(if: false) '.repeat(60)} { id } }`);
    const tokens = await server.gql(`{ ${'entity(name: "x") { id } '.repeat(300)} }`);
    for (const [response, kind, limit] of [
      [aliases, 'ALIASES', 30],
      [directives, 'DIRECTIVES', 50],
      [tokens, 'TOKENS', 2000],
    ] as Array<[GraphQLResponse, string, number]>) {
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', kind, limit });
    }
    await healthy();
  });

  it('invalid JSON, batches and fragment cycles are refused before anything runs', async () => {
    const json = { 'content-type': 'application/json' };
    expect((await post(server.url, '{"query": ', json)).status).toBe(400);
    expect((await post(server.url, '[{"query":"{__typename}"},{"query":"{__typename}"}]', json)).status).toBe(400);
    const cycle = await server.gql('{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }');
    expect(errorCodes(cycle)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    await healthy();
  });
});

describe('browser-facing guards', () => {
  it('refuses a simple cross-site POST (a form) and a bare GET with 403 CSRF_PREVENTED', async () => {
    const form = await post(server.url, 'query=%7B__typename%7D', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    const text = await post(server.url, '{"query":"{__typename}"}', { 'content-type': 'text/plain' });
    const get = await fetch(`${server.url}?query=${encodeURIComponent('{ __typename }')}`);
    for (const response of [form, text, get]) {
      expect(response.status).toBe(403);
      const body = (await response.json()) as GraphQLResponse;
      expect(errorCodes(body)).toEqual(['CSRF_PREVENTED']);
      expect(body.errors?.[0]?.message).toMatch(/x-graphql-csrf/);
    }
    const withHeader = await fetch(`${server.url}?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { 'x-graphql-csrf': '1' },
    });
    expect(await withHeader.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('sends no CORS headers by default, and only to listed origins when configured', async () => {
    const ask = (url: string, origin: string) =>
      post(url, '{"query":"{__typename}"}', { 'content-type': 'application/json', origin });
    expect((await ask(server.url, 'http://desk.example')).headers.get('access-control-allow-origin')).toBeNull();
    expect((await ask(guarded.url, 'http://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
    expect((await ask(guarded.url, 'http://desk.example')).headers.get('access-control-allow-origin')).toBe(
      'http://desk.example',
    );
    const preflight = (origin: string) =>
      fetch(guarded.url, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' },
      });
    expect((await preflight('http://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
    expect((await preflight('http://desk.example')).headers.get('access-control-allow-headers')).toMatch(
      /authorization/,
    );
  });

  it('with introspection off, refuses __schema and __type but answers queries', async () => {
    for (const query of ['{ __schema { types { name } } }', '{ __type(name: "Actor") { name } }']) {
      const response = await guarded.gql(query);
      expect(response.data ?? null).toBeNull();
      expect(new Set(errorCodes(response))).toEqual(new Set(['GRAPHQL_VALIDATION_FAILED']));
      expect(response.errors?.[0]?.message).toMatch(/introspection/i);
    }
    expect(
      dataOf(await server.gql<{ __type: { name: string } }>('{ __type(name: "Actor") { name } }')).__type.name,
    ).toBe('Actor');
    await healthy(guarded);
  });

  it('suggests the field meant after a misspelling, unless introspection is off', async () => {
    const query = '{ entity(name: "Tartous") { nam } }';
    const open = await server.gql(query);
    expect(errorCodes(open)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(open.errors?.[0]?.message).toBe('Cannot query field "nam" on type "Entity". Did you mean "name"?');
    const closed = await guarded.gql(query);
    expect(errorCodes(closed)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(closed.errors?.[0]?.message).not.toMatch(/"name"/);
  });

  it('answers a body over the limit with 413 naming the limit, declared or streamed', async () => {
    const big = JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(100_000) } });
    const declared = await post(guarded.url, big, { 'content-type': 'application/json' });
    expect(declared.status).toBe(413);
    const body = (await declared.json()) as GraphQLResponse;
    expect(errorCodes(body)).toEqual(['PAYLOAD_TOO_LARGE']);
    expect(body.errors?.[0]?.message).toMatch(/limit of 65536 bytes/);
    const bytes = new TextEncoder().encode(big);
    const streamed = await fetch(guarded.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < bytes.length; i += 8192) controller.enqueue(bytes.slice(i, i + 8192));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    await healthy(guarded);
  });

  it('refuses an article over maxArticleChars, naming the limit, and stores nothing', async () => {
    const text = `date 2025-03-01 BEIRUT: ${'The convoy left at dawn, the group said. '.repeat(60)}`;
    const response = await guarded.gql(
      'mutation($t: String!) { ingestArticle(input: { text: $t }) { article { id } } }',
      { t: text },
      guarded.token('write'),
    );
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0]?.message).toMatch(/limit \(maxArticleChars\) is 2000/);
    expect(guarded.db.sqlite.prepare("select count(*) n from articles where text like '%convoy left%'").get()).toEqual({
      n: 0,
    });
  });
});
