import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kind, type OperationDefinitionNode, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Health } from '@sitrep/server';
import { HOVER_QUERY } from '@sitrep/vocabulary';
import postgres from 'postgres';
import { readmeBlocks, runSitrep, subscribeOverSse } from '../helpers';
import { postgresDatabase } from '../helpers/postgres';
import { type ServeProcess, serveProcess } from '../helpers/serve-process';

/*
 * `sitrep serve` on a SQLite file and on a PostgreSQL database `sitrep copy` filled from it, both
 * real processes on 127.0.0.1: every query of the README and a set of lists, filters, pages,
 * look-ups by name and by id answer with the same data and the same errors. Search hits are
 * compared as sets: each engine ranks and snippets its own way (see packages/db/src/pg/search.ts).
 */

const url = await postgresDatabase('sitrep serve on PostgreSQL');
const dir = mkdtempSync(join(tmpdir(), 'sitrep-serve-pg-'));
const file = join(dir, 'kb.db');

const cursor = (offset: number) => Buffer.from(`offset:${offset}`, 'utf8').toString('base64url');

const ARTICLE = 'id title outlet url author dateline publishedAt wordCount contentHash ingestedAt copyOf { id }';
const CLAIM = `id quote start end saidOn stance hedged eventDate reviewStatus
  source { text anonymous count actor { id name } } about { role entity { id name kind } }
  article { ${ARTICLE} } statement { id grade }`;
const STATEMENT = `id firstSaid lastSaid eventDate affirming denying contested credibility credibilityReason
  curated grade independentSources about { id name } conflicts { why statement { id } }
  sources { actor { id name reliability } affirms denies anonymous claims count outlet reliability text }
  claims(first: 3) { totalCount edges { cursor node { id quote } } }`;
const ENTITY = `id name kind aliases description reviewStatus claimStats { claims sources latest }
  ... on Actor { actorType role reliability reliabilityChanges { grade previous note } affiliation { id name } }
  ... on Installation { installationType location { country place region latitude longitude }
    operator { id name } hostCountry { id name } }`;
const PAGE = 'pageInfo { hasNextPage hasPreviousPage startCursor endCursor }';

/** Lists, filters, pages both ways, look-ups: what the API's clients ask beyond the README. */
const QUERIES: string[] = [
  `{ entities(first: 100) { totalCount edges { cursor node { ${ENTITY} } } ${PAGE} } }`,
  `{ entities(first: 5, after: "${cursor(4)}", filter: { kind: ACTOR }) { totalCount edges { node { id name } } ${PAGE} } }`,
  `{ entities(last: 4, filter: { nameContains: "al" }) { totalCount edges { node { id name } } ${PAGE} } }`,
  `{ entities(first: 10, filter: { nameContains: "%_\\\\" }) { totalCount edges { node { id } } } }`,
  `{ entities(first: 20, filter: { reviewStatus: CONFIRMED, type: "air base" }) { totalCount edges { node { id name } } } }`,
  `{ actors(first: 50) { totalCount edges { node { id name reliability } } } installations(first: 50) { totalCount edges { node { id name } } } }`,
  `{ claims(first: 100) { totalCount edges { cursor node { ${CLAIM} } } ${PAGE} } }`,
  `{ claims(first: 10, after: "${cursor(9)}") { edges { node { id } } ${PAGE} } }`,
  `{ claims(last: 5) { totalCount edges { cursor node { id saidOn } } ${PAGE} } }`,
  `{ claims(last: 3, before: "${cursor(10)}") { edges { node { id } } ${PAGE} } }`,
  `{ claims(first: 50, filter: { aboutName: "Russia", stance: AFFIRMS }) { totalCount edges { node { id quote } } } }`,
  `{ claims(first: 50, filter: { from: "2024-12-12", to: "2024-12-20", reviewStatus: EXTRACTED }) { totalCount edges { node { id } } } }`,
  `{ claims(first: 5, filter: { aboutName: "Nowhere Base" }) { totalCount } }`,
  `{ articles(first: 50) { totalCount edges { node { ${ARTICLE} copies { id } claims(first: 3) { totalCount edges { node { id } } }
      mentions(first: 3) { totalCount edges { node { id text start end entity { id name } } } } } } ${PAGE} } }`,
  `{ articles(first: 20, filter: { mentioningName: "Hmeymim", from: "2024-12-01" }) { totalCount edges { node { id title text } } } }`,
  `{ statements(first: 100) { totalCount edges { node { ${STATEMENT} } } ${PAGE} } }`,
  `{ statements(first: 20, filter: { contested: true, aboutName: "Russia" }) { totalCount edges { node { id grade } } } }`,
  `{ statements(last: 7, filter: { from: "2024-12-11", to: "2024-12-15" }) { totalCount edges { node { id } } ${PAGE} } }`,
  `{ entity(name: "Russia") { ${ENTITY} statements(first: 10, filter: { contested: false }) { totalCount edges { node { id } } }
      timeline(first: 10, from: "2024-01-01") { totalCount edges { node { id eventDate firstSaid } } }
      mentions(first: 5) { totalCount edges { node { id text } } }
      claims(first: 5, filter: { stance: DENIES }) { totalCount edges { node { id } } } } }`,
  `{ a: entity(name: "Tartous") { id name } b: entity(name: "Hmeymim") { id name } c: entity(name: "TARTUS's") { id }
      d: entity(name: "no such place") { id } e: entity(name: "'); drop table aliases; --") { id } }`,
  `{ aliasDictionary { version entries { name entity kind primary } } }`,
  `{ entity(name: "Hmeimim", id: "x") { id } }`,
  // Read ahead on PostgreSQL (read-ahead.ts): pages it reads, pages it leaves to their own reads.
  `{ entity(name: "Russia") { id
      a: statements(first: 2) { totalCount edges { cursor node { id claims(first: 1) { totalCount edges { node { id quote } } } } } }
      b: statements(first: 2, after: "${cursor(1)}") { totalCount edges { node { id claims(first: 2) { edges { node { id } } } } } }
      c: statements(first: 3, filter: { contested: true }) { totalCount edges { node { id conflicts { why } } } }
      d: statements(last: 2) { totalCount edges { node { id } } }
      e: claims(first: 4) { totalCount edges { node { id quote article { title } source { actor { name } } } } }
      f: claims(first: 2, after: "${cursor(1)}") { totalCount edges { node { id } } }
      g: claims(first: 3, filter: { stance: AFFIRMS }) { totalCount edges { node { id } } } } }`,
  `{ entity(name: "Hmeimim") { id statements(first: 200) { totalCount } claims(first: -1) { totalCount } } }`,
];

/**
 * The README's queries (no mutations, no subscription): its search is compared as hit sets below,
 * with the same words.
 */
const readmeQueries = readmeBlocks()
  .filter((block) => block.lang === 'graphql')
  .map((block) => block.text)
  .filter((text) => !/\bsearch\(/.test(text))
  .filter((text) =>
    parse(text).definitions.every(
      (d) => d.kind !== Kind.OPERATION_DEFINITION || (d as OperationDefinitionNode).operation === 'query',
    ),
  );

interface Answer {
  data?: unknown;
  errors?: Array<{ message: string; extensions?: { code?: string }; path?: unknown }>;
}

async function ask(server: ServeProcess, query: string, variables: Record<string, unknown> = {}): Promise<Answer> {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Answer;
}

/** What a client acts on: the data, and each error's message, code and path. */
const comparable = ({ data, errors }: Answer) => ({
  data,
  errors: errors?.map(({ message, extensions, path }) => ({ message, code: extensions?.code, path })),
});

describe.skipIf(!url)('sitrep serve on PostgreSQL, beside sitrep serve on the SQLite file it was copied from', () => {
  let onSqlite: ServeProcess;
  let onPostgres: ServeProcess;

  beforeAll(async () => {
    expect(runSitrep(['seed', '--db', file, '--create']).status).toBe(0);
    const copied = runSitrep(['copy', '--from', file, '--to', url!]);
    expect(copied.status, copied.stderr).toBe(0);
    [onSqlite, onPostgres] = await Promise.all([
      serveProcess(['--db', file, '--no-demo']),
      serveProcess([], { SITREP_DB: url! }),
    ]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([onSqlite?.stop(), onPostgres?.stop()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('says what it serves on PostgreSQL, without the password', () => {
    expect(onPostgres.output()).toMatch(
      /Sitrep is serving postgres:\/\/.*\(PostgreSQL: queries, subscriptions and ingestArticle\)/,
    );
  });

  it.each(readmeQueries.map((query, i) => [i + 1, query] as const))(
    'answers the README’s query %i with the same data',
    async (_n, query) => {
      const [expected, actual] = await Promise.all([ask(onSqlite, query), ask(onPostgres, query)]);
      expect(expected.errors).toBeUndefined();
      expect(comparable(actual), `${JSON.stringify(actual.errors)}\n${onPostgres.output().slice(-3000)}`).toStrictEqual(
        comparable(expected),
      );
    },
  );

  it.each(QUERIES.map((query) => [query.replace(/\s+/g, ' ').slice(0, 90), query] as const))(
    'answers %s… alike',
    async (_name, query) => {
      const [expected, actual] = await Promise.all([ask(onSqlite, query), ask(onPostgres, query)]);
      expect(comparable(actual), `${JSON.stringify(actual.errors)}\n${onPostgres.output().slice(-3000)}`).toStrictEqual(
        comparable(expected),
      );
    },
  );

  it('answers the hover for every entity, by name and by id, with any page size, alike', async () => {
    const { data } = await ask(onSqlite, '{ entities(first: 100) { edges { node { id name } } } }');
    const entities = (data as { entities: { edges: Array<{ node: { id: string; name: string } }> } }).entities.edges;
    expect(entities.length).toBeGreaterThan(20);
    for (const { node } of entities) {
      for (const variables of [
        { name: node.name },
        { id: node.id, name: null, first: 1 },
        { name: node.name, first: 12 },
      ]) {
        const [expected, actual] = await Promise.all([
          ask(onSqlite, HOVER_QUERY, variables),
          ask(onPostgres, HOVER_QUERY, variables),
        ]);
        expect(expected.errors).toBeUndefined();
        expect(comparable(actual)).toStrictEqual(comparable(expected));
      }
    }
  });

  it('finds the same search hits, each engine ranking them its own way', async () => {
    const query = `query($q: String!, $kinds: [SearchKind!]) { search(query: $q, kinds: $kinds, first: 100) {
      totalCount edges { node { __typename ... on ArticleSearchHit { article { id } } ... on ClaimSearchHit { claim { id } } } } } }`;
    type Hits = { search: { totalCount: number; edges: Array<{ node: Record<string, { id: string } | string> }> } };
    const hits = async (server: ServeProcess, q: string, kinds: string[] | null) => {
      const { data, errors } = await ask(server, query, { q, kinds });
      expect(errors).toBeUndefined();
      const { search } = data as Hits;
      expect(search.totalCount).toBeLessThan(100);
      return { total: search.totalCount, ids: search.edges.map((e) => JSON.stringify(e.node)).sort() };
    };
    let found = 0;
    for (const q of ['Tartus', 'air defence Libya', 'naval base', 'Russian ships', 'Hmeimim', 'zzzz nothing']) {
      for (const kinds of [null, ['CLAIM'], ['ARTICLE']]) {
        const expected = await hits(onSqlite, q, kinds);
        expect(await hits(onPostgres, q, kinds)).toStrictEqual(expected);
        found += expected.total;
      }
    }
    expect(found).toBeGreaterThan(0);
  });

  it('fetches every entity, claim, article and statement by its global id alike', async () => {
    const ids = async (list: string) => {
      const { data } = await ask(onSqlite, `{ ${list}(first: 100) { edges { node { id } } } }`);
      return (data as Record<string, { edges: Array<{ node: { id: string } }> }>)[list]!.edges.map((e) => e.node.id);
    };
    const all = [
      ...(await ids('entities')),
      ...(await ids('claims')),
      ...(await ids('articles')),
      ...(await ids('statements')),
    ];
    expect(all.length).toBeGreaterThan(50);
    const query = `query($ids: [ID!]!) { nodes(ids: $ids) { id __typename ... on Claim { quote } ... on Article { title }
      ... on Statement { grade } ... on Entity { name } } }`;
    // nodes takes at most 100 IDs at once.
    for (let start = 0; start < all.length; start += 100) {
      const ids = all.slice(start, start + 100);
      const [expected, actual] = await Promise.all([ask(onSqlite, query, { ids }), ask(onPostgres, query, { ids })]);
      expect(expected.errors).toBeUndefined();
      expect(comparable(actual)).toStrictEqual(comparable(expected));
    }
  });

  it('answers GET /health on both: the database kind, reachable, every migration applied', async () => {
    for (const [server, kind] of [
      [onSqlite, 'sqlite'],
      [onPostgres, 'postgres'],
    ] as const) {
      const response = await fetch(`${server.origin}/health`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/json');
      const health = (await response.json()) as Health;
      expect(health).toMatchObject({ status: 'ok', database: { kind, reachable: true, schema: { upToDate: true } } });
      expect(health.database.schema!.applied).toBe(health.database.schema!.shipped);
    }
  });

  it('refuses a mutation without a token as on SQLite, whole, writing nothing', async () => {
    const mutation = 'mutation { addAlias(input: { entity: "QWN0b3I6MQ==", name: "Rossiya" }) { entity { aliases } } }';
    const [fromSqlite, fromPostgres] = await Promise.all([ask(onSqlite, mutation), ask(onPostgres, mutation)]);
    expect(comparable(fromPostgres)).toEqual(comparable(fromSqlite));
    expect(fromPostgres.errors).toEqual([expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED' } })]);
    const after = await ask(onPostgres, '{ entity(name: "Rossiya") { id } }');
    expect(after).toEqual({ data: { entity: null } });
  });

  it('pushes a commit made to PostgreSQL by another process to a subscriber', async () => {
    const client = subscribeOverSse(
      onPostgres.url,
      'subscription { knowledgeChanged { newClaims edited entities { name } } }',
    );
    const sql = postgres(url!, { max: 1, onnotice: () => {} });
    try {
      // Until the subscription hears a new entity: a commit before its LISTEN is rightly never told
      // to it, and one while it starts may be in what it already knew (an `edited` change).
      type Change = { data?: { knowledgeChanged?: { entities?: unknown[] } } };
      let event: Change | null = null;
      for (let n = 1; !event?.data?.knowledgeChanged?.entities?.length && n <= 40; n += 1) {
        await sql`insert into entities (kind, name) values ('actor', ${`Subscriber test ${n}`})`;
        event = (await client.next(250)) as Change | null;
      }
      expect(event).toMatchObject({
        data: {
          knowledgeChanged: {
            newClaims: 0,
            edited: false,
            entities: [{ name: expect.stringMatching(/^Subscriber test/) }],
          },
        },
      });
    } finally {
      await client.close();
      await sql.end();
    }
  });
});
