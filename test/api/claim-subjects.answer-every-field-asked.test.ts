import { describe, expect, it } from 'vitest';
import { dataOf, useTestServer } from '../helpers';

// A claim's subjects and source are read as heads (id, kind, name) when that is all a query asks
// of them; any other field, however it is asked for, must still get the whole entity.

const server = useTestServer();

interface Subject {
  id: string;
  name: string;
  kind?: string;
  description?: string | null;
  actorType?: string | null;
  installationType?: string | null;
}

const PAGE = (entity: string, actor: string, fragments: string) => `{
  claims(first: 30) { edges { node {
    about { entity { ${entity} } }
    source { actor { ${actor} } }
  } } }
}
${fragments}`;

/** The subjects and sources of the latest claims; `actor` selects on an Actor, `entity` on an Entity. */
async function subjects(entity: string, actor = entity, fragments = ''): Promise<Subject[]> {
  const data = dataOf(
    await server.gql<{
      claims: {
        edges: Array<{ node: { about: Array<{ entity: Subject }>; source: { actor: Subject | null } | null } }>;
      };
    }>(PAGE(entity, actor, fragments)),
  );
  return data.claims.edges.flatMap(({ node }) => [
    ...node.about.map((a) => a.entity),
    ...(node.source?.actor ? [node.source.actor] : []),
  ]);
}

/** Each entity as the root `node` field reads it: always the whole row. */
async function whole(id: string): Promise<Subject> {
  return dataOf(
    await server.gql<{ node: Subject }>(
      `query($id: ID!) { node(id: $id) { id ... on Actor { name kind description actorType } ... on Installation { name kind description installationType } } }`,
      { id },
    ),
  ).node;
}

describe('claim subjects and sources', () => {
  it('have the same id, name and kind when nothing else is asked', async () => {
    const heads = await subjects('id name kind __typename');
    expect(heads.length).toBeGreaterThan(10);
    for (const head of heads.slice(0, 15)) {
      const row = await whole(head.id);
      expect({ id: head.id, name: head.name, kind: head.kind }).toEqual({ id: row.id, name: row.name, kind: row.kind });
    }
  });

  it('get every other field, asked directly, in an inline fragment or in a named fragment', async () => {
    const asked: Array<[entity: string, actor: string, fragments: string]> = [
      ['id name description', 'id name description', ''],
      [
        'id name ... on Actor { actorType } ... on Installation { installationType }',
        'id ... on Actor { actorType }',
        '',
      ],
      ['id ...Details', 'id ...Details', 'fragment Details on Entity { name description }'],
      [
        'id ...Typed',
        'id name ...Typed',
        'fragment Typed on Entity { name ... on Actor { actorType } ... on Installation { installationType } }',
      ],
    ];
    for (const [entity, actor, fragments] of asked) {
      const selection = `${entity} | ${actor}`;
      const found = await subjects(entity, actor, fragments);
      const described = found.filter((s) => s.description != null || s.actorType != null || s.installationType != null);
      expect(described.length, selection).toBeGreaterThan(0);
      for (const subject of found.slice(0, 15)) {
        const row = await whole(subject.id);
        for (const key of ['name', 'description', 'actorType', 'installationType'] as const) {
          if (key in subject) expect(subject[key], `${selection}: ${key}`).toEqual(row[key] ?? null);
        }
      }
    }
  });
});
