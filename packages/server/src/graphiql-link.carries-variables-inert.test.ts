import { describe, expect, it } from 'vitest';
import { linkVariables } from './graphiql-link';

const link = (params: Record<string, string>) =>
  new URL(`http://127.0.0.1:4000/graphql?${new URLSearchParams(params).toString()}`);

describe('linkVariables', () => {
  it('carries a link’s variables into the page as JSON that means the same', () => {
    const variables = { id: 'SW5zdGFsbGF0aW9uOjI1', name: null, first: 20 };
    const text = linkVariables(link({ query: 'query Hover { __typename }', variables: JSON.stringify(variables) }));
    expect(JSON.parse(text!)).toEqual(variables);
  });

  it('writes characters that could end the page’s script as escapes, keeping their meaning', () => {
    const name = '</script><script>alert(1)</script> & \u2028';
    const text = linkVariables(link({ query: '{ __typename }', variables: JSON.stringify({ name }) }))!;
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual({ name });
  });

  it('carries nothing without a query, or when the variables are not a JSON object', () => {
    expect(linkVariables(link({ variables: '{"name":"Tartus"}' }))).toBeUndefined();
    for (const variables of ['{"name":', '[1]', 'null', '"Tartus"', `{"name":"${'x'.repeat(10_001)}"}`]) {
      expect(linkVariables(link({ query: '{ __typename }', variables })), variables.slice(0, 20)).toBeUndefined();
    }
  });
});
