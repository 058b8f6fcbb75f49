import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type MockInstance } from 'vitest';
import { MAX_NAME_CHARS, MAX_SEARCH_CHARS } from '@sitrep/vocabulary';
import { dataOf, errorCodes, useTestServer } from '../helpers';

const server = useTestServer();

// SQLite refuses a LIKE pattern over 50,000 bytes; each free-text look-up must say its own limit first.
const LOOKUPS: Array<[string, string, number]> = [
  [
    'query($s: String) { entities(filter: { nameContains: $s }) { totalCount } }',
    'filter.nameContains',
    MAX_NAME_CHARS,
  ],
  ['query($s: String!) { entity(name: $s) { name } }', 'name', MAX_NAME_CHARS],
  ['query($s: String) { claims(filter: { aboutName: $s }) { totalCount } }', 'filter.aboutName', MAX_NAME_CHARS],
  [
    'query($s: String) { articles(filter: { mentioningName: $s }) { totalCount } }',
    'filter.mentioningName',
    MAX_NAME_CHARS,
  ],
  ['query($s: String!) { search(query: $s) { totalCount } }', 'search(query:)', MAX_SEARCH_CHARS],
];

describe('free-text look-ups over their limit', () => {
  let logged: MockInstance[] = [];
  beforeEach(() => {
    logged = (['error', 'warn', 'info', 'log'] as const).map((level) => vi.spyOn(console, level));
  });
  afterEach(() => vi.restoreAllMocks());

  it.each(LOOKUPS)(
    '%s is BAD_USER_INPUT naming the limit, twice, and nothing is logged',
    async (query, field, limit) => {
      // Twice: the second time the fast path answers with its compiled plan.
      for (let i = 0; i < 2; i++) {
        const response = await server.gql(query, { s: 'a'.repeat(60_000) });
        expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
        expect(response.errors?.[0]?.message).toBe(`${field} takes at most ${limit} characters, got 60000.`);
      }
      for (const spy of logged) expect(spy).not.toHaveBeenCalled();
    },
  );

  it('takes text at the limit', async () => {
    const query = 'query($s: String) { entities(filter: { nameContains: $s }) { totalCount } }';
    const { entities } = dataOf(
      await server.gql<{ entities: { totalCount: number } }>(query, { s: 'a'.repeat(MAX_NAME_CHARS) }),
    );
    expect(entities.totalCount).toBe(0);
  });
});
