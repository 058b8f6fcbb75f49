import { beforeAll, describe, expect, it } from 'vitest';
import { dataOf, errorCodes, useTestServer } from '../helpers';

const server = useTestServer();
let token: string;
beforeAll(() => {
  token = server.token('write');
});

type Known = {
  entity: {
    id: string;
    name: string;
    aliases: string[];
    claimStats: { claims: number };
    mentions: { totalCount: number };
  } | null;
};
const KNOWN = `query($name: String!) { entity(name: $name) { id name aliases claimStats { claims } mentions { totalCount } } }`;
const known = async (name: string) => dataOf(await server.gql<Known>(KNOWN, { name })).entity;

const MERGE = `mutation($survivor: ID!, $merged: ID!) {
  mergeEntities(input: { survivor: $survivor, merged: $merged }) { entity { name aliases } mergedId }
}`;

describe('mergeEntities', () => {
  it('moves aliases, mentions, claims about and claims sourced to the survivor, and deletes the other', async () => {
    // A duplicate made the way a careless ingest would: another entity for the same base.
    const dup = dataOf(
      await server.gql<{ createInstallation: { installation: { id: string } } }>(
        `mutation { createInstallation(input: { name: "Humaymim airfield", aliases: ["Hmeimim airport"], installationType: "airfield" }) { installation { id } } }`,
        {},
        token,
      ),
    ).createInstallation.installation.id;
    // Give the duplicate a claim of its own, through the API.
    const article = dataOf(
      await server.gql<{ articles: { edges: Array<{ node: { id: string; text: string } }> } }>(
        '{ articles(first: 1) { edges { node { id text } } } }',
      ),
    ).articles.edges[0]!.node;
    const quote = article.text.slice(article.text.indexOf(':') + 2, article.text.indexOf(':') + 40);
    dataOf(
      await server.gql(
        `mutation($a: ID!, $q: String!, $e: ID!) { createClaim(input: { article: $a, quote: $q, about: [{ entity: $e }] }) { claim { id } } }`,
        { a: article.id, q: quote, e: dup },
        token,
      ),
    );
    const base = (await known('Hmeimim'))!;
    const merged = dataOf(
      await server.gql<{ mergeEntities: { entity: { name: string; aliases: string[] }; mergedId: string } }>(
        MERGE,
        { survivor: base.id, merged: dup },
        token,
      ),
    ).mergeEntities;
    expect(merged.mergedId).toBe(dup);
    expect(merged.entity.name).toBe('Hmeimim Air Base');
    expect(merged.entity.aliases).toEqual(expect.arrayContaining(['Humaymim airfield', 'Hmeimim airport', 'Khmeimim']));
    const after = (await known('Hmeimim airport'))!;
    expect(after.id).toBe(base.id);
    expect(after.claimStats.claims).toBe(base.claimStats.claims + 1);
    expect(after.mentions.totalCount).toBe(base.mentions.totalCount);
    expect(
      dataOf(await server.gql<{ node: unknown }>('query($id: ID!) { node(id: $id) { id } }', { id: dup })).node,
    ).toBeNull();
  });

  it('moves the source actor and affiliations of other entities', async () => {
    const kremlin = (await known('Kremlin'))!;
    const russia = (await known('Russia'))!;
    const copy = dataOf(
      await server.gql<{ createActor: { actor: { id: string } } }>(
        `mutation { createActor(input: { name: "Russian government", actorType: "government body" }) { actor { id } } }`,
        {},
        token,
      ),
    ).createActor.actor.id;
    // Kremlin sourced claims and the affiliation of Putin move from the Kremlin to the copy…
    dataOf(await server.gql(MERGE, { survivor: copy, merged: kremlin.id }, token));
    const putin = dataOf(
      await server.gql<{ entity: { affiliation: { name: string } | null } }>(
        `{ entity(name: "Peskov") { ... on Actor { affiliation { name } } } }`,
      ),
    ).entity;
    expect(putin.affiliation?.name).toBe('Russian government');
    const sourced = dataOf(
      await server.gql<{ claims: { totalCount: number } }>(
        `query($a: ID!) { claims(filter: { sourceActor: $a }) { totalCount } }`,
        {
          a: copy,
        },
      ),
    ).claims.totalCount;
    expect(sourced).toBeGreaterThan(0);
    expect(russia.id).not.toBe(copy);
  });

  it('refuses to merge an entity into itself or an actor into an installation', async () => {
    const base = (await known('Tartus'))!;
    const russia = (await known('Russia'))!;
    expect(errorCodes(await server.gql(MERGE, { survivor: base.id, merged: base.id }, token))).toEqual([
      'BAD_USER_INPUT',
    ]);
    const mixed = await server.gql(MERGE, { survivor: base.id, merged: russia.id }, token);
    expect(errorCodes(mixed)).toEqual(['BAD_USER_INPUT']);
    expect(mixed.errors?.[0]?.message).toMatch(/kinds differ/);
    expect((await known('Russia'))?.id).toBe(russia.id);
  });
});
