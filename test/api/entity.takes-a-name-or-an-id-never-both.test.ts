import { HOVER_QUERY, type HoverAnswer } from '@sitrep/vocabulary';
import { describe, expect, it } from 'vitest';
import { dataOf, errorCodes, useTestServer } from '../helpers';

const server = useTestServer();

const ENTITY = 'query($name: String, $id: ID) { entity(name: $name, id: $id) { id name } }';

/** The ID of an article: a node, but not an entity. */
async function firstArticleId(): Promise<string> {
  const data = dataOf(
    await server.gql<{ articles: { edges: Array<{ node: { id: string } }> } }>(
      '{ articles(first: 1) { edges { node { id } } } }',
    ),
  );
  return data.articles.edges[0]!.node.id;
}

describe('entity(name:) or entity(id:)', () => {
  it('answers the hover query by ID exactly as by name: GraphiQL and the editor ask one question', async () => {
    const byName = dataOf(await server.gql<HoverAnswer>(HOVER_QUERY, { name: 'Hmeimim' }));
    expect(byName.entity?.name).toBe('Hmeimim Air Base');
    const byId = dataOf(await server.gql<HoverAnswer>(HOVER_QUERY, { id: byName.entity!.id, name: null }));
    expect(byId).toEqual(byName);
  });

  it('asks the hover query about Hmeimim when given no name, as GraphiQL does on ▶', async () => {
    const { entity } = dataOf(await server.gql<HoverAnswer>(HOVER_QUERY, {}));
    expect(entity?.name).toBe('Hmeimim Air Base');
    expect(entity?.claims.edges).toHaveLength(5);
  });

  it('takes a null name or id as left out', async () => {
    const byName = dataOf(await server.gql<HoverAnswer>(HOVER_QUERY, { name: 'Tartus', id: null }));
    expect(byName.entity?.name).toBe('Tartus naval facility');
    const byId = dataOf(await server.gql<{ entity: { name: string } }>(ENTITY, { name: null, id: byName.entity!.id }));
    expect(byId.entity.name).toBe('Tartus naval facility');
  });

  it('refuses both a name and an id with BAD_USER_INPUT, a default name too, saying how to ask by id', async () => {
    const hmeimim = dataOf(await server.gql<HoverAnswer>(HOVER_QUERY, {})).entity!;
    for (const response of [
      await server.gql(ENTITY, { name: 'Tartus', id: hmeimim.id }),
      await server.gql(HOVER_QUERY, { id: hmeimim.id }),
    ]) {
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors?.[0]?.message).toBe(
        'entity: give either name or id, not both (a variable’s default counts: to ask by id, set "name": null).',
      );
    }
  });

  it('refuses neither a name nor an id with BAD_USER_INPUT saying what to give', async () => {
    for (const response of [await server.gql(ENTITY, {}), await server.gql('{ entity { name } }')]) {
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors?.[0]?.message).toBe('entity: give a name (any alias, e.g. "Hmeimim") or an id.');
    }
  });

  it('refuses the ID of something that is not an entity, and answers null for an entity that is not there', async () => {
    const response = await server.gql(ENTITY, { id: await firstArticleId() });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0]?.message).toMatch(/entity\(id:\) must be the ID of Actor or Installation/);
    const missing = Buffer.from('Actor:999999', 'utf8').toString('base64');
    expect(dataOf(await server.gql<{ entity: unknown }>(ENTITY, { id: missing })).entity).toBeNull();
  });
});
