import { describe, expect, it } from 'vitest';
import { dataOf, errorCodes, useTestServer } from '../helpers';

const server = useTestServer();

type Ids = {
  entity: { id: string };
  actors: { edges: Array<{ node: { id: string } }> };
  claims: {
    edges: Array<{
      node: { id: string; article: { id: string; mentions: { edges: Array<{ node: { id: string } }> } } };
    }>;
  };
};

async function someIds() {
  return dataOf(
    await server.gql<Ids>(`{
      entity(name: "Hmeimim") { id }
      actors(first: 1) { edges { node { id } } }
      claims(first: 1) { edges { node { id article { id mentions(first: 1) { edges { node { id } } } } } } }
    }`),
  );
}

const NODE = `query($id: ID!) { node(id: $id) { __typename id } }`;

describe('node(id) and nodes(ids)', () => {
  it('fetches every kind of node back by its global ID', async () => {
    const ids = await someIds();
    const claim = ids.claims.edges[0]!.node;
    const expected: Array<[string, string]> = [
      [ids.entity.id, 'Installation'],
      [ids.actors.edges[0]!.node.id, 'Actor'],
      [claim.id, 'Claim'],
      [claim.article.id, 'Article'],
      [claim.article.mentions.edges[0]!.node.id, 'Mention'],
    ];
    for (const [id, typename] of expected) {
      const { node } = dataOf(await server.gql<{ node: { __typename: string; id: string } }>(NODE, { id }));
      expect(node).toEqual({ __typename: typename, id });
    }
    const { nodes } = dataOf(
      await server.gql<{ nodes: Array<{ id: string } | null> }>('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', {
        ids: expected.map(([id]) => id),
      }),
    );
    expect(nodes.map((n) => n?.id)).toEqual(expected.map(([id]) => id));
  });

  it('returns null for a well-formed ID that names nothing', async () => {
    const missing = Buffer.from('Claim:999999').toString('base64');
    expect(dataOf(await server.gql<{ node: unknown }>(NODE, { id: missing })).node).toBeNull();
  });

  it('does not let an Actor ID fetch an Installation', async () => {
    const { entity } = await someIds();
    const rowId = Buffer.from(entity.id, 'base64').toString().split(':')[1];
    const asActor = Buffer.from(`Actor:${rowId}`).toString('base64');
    expect(dataOf(await server.gql<{ node: unknown }>(NODE, { id: asActor })).node).toBeNull();
  });

  it('rejects IDs that are not Sitrep IDs with BAD_USER_INPUT', async () => {
    for (const id of [
      '',
      'garbage',
      '42',
      Buffer.from('Claim:abc').toString('base64'),
      Buffer.from("Claim:1' or 1=1").toString('base64'),
    ]) {
      const response = await server.gql(NODE, { id });
      expect(errorCodes(response), id).toEqual(['BAD_USER_INPUT']);
      expect(response.errors?.[0]?.message).toMatch(/not a Sitrep ID/);
    }
  });
});
