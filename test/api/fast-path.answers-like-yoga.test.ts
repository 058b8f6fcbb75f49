import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOVER_QUERY } from '@sitrep/vocabulary';
import { FAST_PATH_ROUTES, type ServedTwice, REPEATS, askBoth, serveTwice } from '@sitrep/test';

// The fast path answers a query Yoga has accepted before with a compiled plan, without Yoga's HTTP
// layer. It must answer exactly as Yoga does: these tests send every request, several times, to the
// same database served with and without it, and compare the raw answers. They are the contract of
// the rules it copies from Yoga (packages/server/src/fast-path/yoga-mirror.ts).

const LIST_QUERY = `query List($to: Date!) {
  claims(first: 50, filter: { to: $to }) {
    edges { node {
      id quote stance hedged saidOn
      source { text actor { name } }
      article { title outlet publishedAt }
      about { role entity { name } }
    } }
  }
}`;

const ENTITIES = `query Entities($first: Int, $after: String, $withLocation: Boolean!) {
  entities(first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node {
      __typename id name kind aliases
      claimStats { claims sources latest }
      ... on Actor { actorType role affiliation { name } }
      ... on Installation { installationType location @include(if: $withLocation) { place latitude longitude } operator { name } }
    } }
  }
}`;

const TWO_OPERATIONS = `query Names { entities(first: 3) { edges { node { name } } } }
query Count { claims { totalCount } }`;

describe.each(FAST_PATH_ROUTES)('the fast path answers like Yoga, %s', (_route, plugins) => {
  let served: ServedTwice;
  beforeAll(async () => {
    served = await serveTwice({ plugins });
  });
  afterAll(() => served.dispose());

  it('the editor’s hover, for names in any spelling and for nobody, byte for byte', async () => {
    const before = served.fast.fastPath!.answered;
    for (const name of ['Hmeimim', 'TARTOUS', 'al-Golani', 'the Kremlin', 'Russia’s', 'Nowhere Atlantis Outpost']) {
      const answers = await askBoth(served, JSON.stringify({ query: HOVER_QUERY, variables: { name } }));
      expect(answers.status).toBe(200);
      expect(answers.body).toContain('"data"');
    }
    // Each name is asked REPEATS times; from the third time on, the fast path answers.
    expect(served.fast.fastPath!.answered - before).toBeGreaterThanOrEqual(6 * REPEATS - 2);
  });

  it('a page of 50 claims with their articles, sources and subjects', async () => {
    for (const to of ['2024-12-31', '2025-06-01', '1999-01-01']) {
      const answers = await askBoth(served, JSON.stringify({ query: LIST_QUERY, variables: { to } }));
      expect(answers.body).toMatch(/^\{"data":\{"claims"/);
    }
  });

  it('fragments, @include, cursors, lazy totals, and every spelling of “no variables”', async () => {
    const first = await askBoth(
      served,
      JSON.stringify({ query: ENTITIES, variables: { first: 3, withLocation: true } }),
    );
    const { endCursor } = (JSON.parse(first.body) as { data: { entities: { pageInfo: { endCursor: string } } } }).data
      .entities.pageInfo;
    await askBoth(
      served,
      JSON.stringify({ query: ENTITIES, variables: { first: 3, after: endCursor, withLocation: false } }),
    );
    for (const body of [
      { query: '{ __typename claims { totalCount } }' },
      { query: '{ __typename claims { totalCount } }', variables: null, operationName: null },
      { query: '{ __typename claims { totalCount } }', variables: {} },
    ]) {
      await askBoth(served, JSON.stringify(body));
    }
  });

  it('introspection, as GraphiQL and the editor ask for it', async () => {
    const TYPE = `query($name: String!) { __type(name: $name) { name kind description
      fields { name type { name kind ofType { name kind } } args { name defaultValue } }
      interfaces { name } possibleTypes { name } enumValues { name } } }`;
    for (const name of ['Claim', 'Entity', 'Stance', 'Query', 'Nothing']) {
      await askBoth(served, JSON.stringify({ query: TYPE, variables: { name } }));
    }
    await askBoth(served, JSON.stringify({ query: '{ __schema { queryType { name } types { name kind } } }' }));
  });

  it('the operation named by operationName, and an error when none is named', async () => {
    await askBoth(served, JSON.stringify({ query: TWO_OPERATIONS, operationName: 'Names' }));
    await askBoth(served, JSON.stringify({ query: TWO_OPERATIONS, operationName: 'Count' }));
    const none = await askBoth(served, JSON.stringify({ query: TWO_OPERATIONS }));
    expect(none.body).toMatch(/"errors"/);
  });

  it('the content type the Accept header asks for, an event stream if that is all it takes, else 406', async () => {
    const body = JSON.stringify({ query: HOVER_QUERY, variables: { name: 'Tartus' } });
    const expected: Array<[string, string | null]> = [
      ['application/json', 'application/json; charset=utf-8'],
      ['application/graphql-response+json', 'application/graphql-response+json; charset=utf-8'],
      ['application/graphql-response+json, application/json;q=0.9', 'application/graphql-response+json; charset=utf-8'],
      ['*/*', 'application/json; charset=utf-8'],
      ['text/event-stream', 'text/event-stream'],
      ['application/json; charset=iso-8859-1', null],
    ];
    for (const [accept, type] of expected) {
      const answers = await askBoth(served, body, { accept });
      expect(answers.type, accept).toBe(type);
    }
  });

  it('errors with their codes: a page too large, variables of the wrong type or missing, a bad ID', async () => {
    const PAGE = 'query($first: Int!) { claims(first: $first) { edges { node { quote } } } }';
    await askBoth(served, JSON.stringify({ query: PAGE, variables: { first: 2 } }));
    const handedOver = served.fast.fastPath!.handedOver;
    const cases: Array<[unknown, string]> = [
      [{ first: 1000 }, 'BAD_USER_INPUT'],
      [{ first: 'ten' }, 'BAD_USER_INPUT'],
      [{}, 'BAD_USER_INPUT'],
      [{ first: 2.5 }, 'BAD_USER_INPUT'],
    ];
    for (const [variables, code] of cases) {
      const answers = await askBoth(served, JSON.stringify({ query: PAGE, variables }));
      expect(answers.body, JSON.stringify(variables)).toContain(`"code":"${code}"`);
    }
    // The fast path tried them (the document was known) and handed each one to Yoga.
    expect(served.fast.fastPath!.handedOver - handedOver).toBe(cases.length * REPEATS);
    const NODE = 'query($id: ID!) { node(id: $id) { id ... on Actor { name } } }';
    for (const id of [
      Buffer.from('Actor:999999').toString('base64'),
      Buffer.from('Widget:1').toString('base64'),
      '%%',
    ]) {
      await askBoth(served, JSON.stringify({ query: NODE, variables: { id } }));
    }
    const date = await askBoth(served, JSON.stringify({ query: LIST_QUERY, variables: { to: 'yesterday' } }));
    expect(date.body).toContain('"code":"BAD_USER_INPUT"');
  });

  it('anything but one JSON query goes to Yoga unchanged: batches, extensions, odd bodies', async () => {
    const known = JSON.stringify({ query: HOVER_QUERY, variables: { name: 'Hmeimim' } });
    await askBoth(served, known);
    const answered = served.fast.fastPath!.answered;
    for (const body of [
      `[${known},${known}]`,
      JSON.stringify({ query: HOVER_QUERY, variables: { name: 'Hmeimim' }, extensions: { x: 1 } }),
      JSON.stringify({ query: HOVER_QUERY, variables: [1] }),
      JSON.stringify({ query: HOVER_QUERY, operationName: '' }),
      JSON.stringify({ query: HOVER_QUERY, unexpected: true }),
      '{"query": ',
      'null',
    ]) {
      await askBoth(served, body);
    }
    expect(served.fast.fastPath!.answered).toBe(answered);
  });
});
