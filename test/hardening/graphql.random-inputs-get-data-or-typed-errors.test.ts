import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type GraphQLResponse, dataOf, useTestServer } from '../helpers';

const server = useTestServer();
let inputsTried = 0;

// Text that has broken servers before: SQL, LIKE and FTS syntax, escapes, NULs, lone surrogates.
const NASTY = [
  "'",
  '"',
  '%',
  '_',
  '\\',
  '*',
  'NEAR(',
  ' OR ',
  'AND',
  '^',
  ':',
  '--',
  ';',
  "' or 1=1 --",
  '"; drop table claims; --',
  '\u0000',
  '\ud800',
  '\udfff',
  '\u202e',
  '\u200d',
  '\u0301',
  'حميميم',
  'Ｔａｒｔｕｓ',
  'the ',
  '’s',
  'Hmeimim',
  'Tartous',
];
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 120 }),
  fc.array(fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 8 })), { maxLength: 12 }).map((a) => a.join('')),
);
/** Relay IDs of real and unreal types, rows that exist and do not, and non-IDs. */
const globalId = fc.oneof(
  text,
  fc
    .tuple(
      fc.constantFrom('Actor', 'Installation', 'Article', 'Claim', 'Mention', 'Widget', 'actor', ''),
      fc.oneof(fc.nat(40).map(String), fc.constantFrom('-1', '1e9', '999999999999999999', '0x1', ' 1')),
    )
    .map(([type, id]) => Buffer.from(`${type}:${id}`).toString('base64')),
);

const SHAPES: Array<{ name: string; query: string; value: fc.Arbitrary<unknown> }> = [
  { name: 'entity(name:)', query: 'query($v: String!) { entity(name: $v) { id name } }', value: text },
  {
    name: 'search(query:)',
    query: 'query($v: String!) { search(query: $v, first: 5) { totalCount edges { node { snippet } } } }',
    value: text,
  },
  {
    name: 'entities(filter:)',
    query: 'query($v: String) { entities(filter: { nameContains: $v, type: $v }) { totalCount } }',
    value: text,
  },
  { name: 'installations(type:)', query: 'query($v: String) { installations(type: $v) { totalCount } }', value: text },
  { name: 'node(id:)', query: 'query($v: ID!) { node(id: $v) { id } }', value: globalId },
  {
    name: 'claims(filter: { about })',
    query: 'query($v: ID) { claims(filter: { about: $v }) { totalCount } }',
    value: globalId,
  },
  {
    name: 'claims(filter: { aboutName }), articles(filter: { mentioningName })',
    query:
      'query($v: String) { claims(filter: { aboutName: $v }) { totalCount } articles(filter: { mentioningName: $v }) { totalCount } }',
    value: text,
  },
  {
    name: 'claims(filter: { from })',
    query: 'query($v: Date) { claims(filter: { from: $v }) { totalCount } }',
    value: fc.oneof(
      text,
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    ),
  },
  {
    name: 'articles(after:)',
    query: 'query($v: String) { articles(first: 2, after: $v) { totalCount } }',
    value: text,
  },
  {
    name: 'claims(first:)',
    query: 'query($v: Int) { claims(first: $v) { totalCount } }',
    value: fc.oneof(fc.integer(), fc.double(), text),
  },
];

/** Data, or errors that each carry a code a script can act on; never a 5xx, never a masked fault. */
async function answersOrRefusesClearly(query: string, value: unknown) {
  inputsTried += 1;
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query, variables: { v: value } }),
  });
  expect(response.status).toBeLessThan(500);
  const body = (await response.json()) as GraphQLResponse;
  expect(body.data != null || (body.errors?.length ?? 0) > 0).toBe(true);
  for (const error of body.errors ?? []) {
    expect(error.extensions?.code, error.message).toMatch(/^[A-Z_]+$/);
    expect(error.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
  }
}

describe('random inputs over HTTP', () => {
  for (const shape of SHAPES) {
    it(`${shape.name} gets data or a typed error`, async () => {
      await fc.assert(
        fc.asyncProperty(shape.value, (value) => answersOrRefusesClearly(shape.query, value)),
        { numRuns: 250 },
      );
    });
  }

  it('leaves the server healthy', async () => {
    expect(inputsTried).toBeGreaterThanOrEqual(SHAPES.length * 250);
    const { entity } = dataOf(await server.gql<{ entity: { name: string } }>('{ entity(name: "Khmeimim") { name } }'));
    expect(entity.name).toBe('Hmeimim Air Base');
  });
});
