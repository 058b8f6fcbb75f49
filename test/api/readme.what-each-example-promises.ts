import { expect } from 'vitest';
import { type ReadmeBlock, type TestServer, dataOf } from '../helpers';

export interface ExampleContext {
  gql: TestServer['gql'];
  idOf: (name: string) => Promise<string>;
  block: ReadmeBlock;
}

/**
 * What the README says an example shows, beyond "it answers with data": checked on the one
 * GraphQL block that contains `marker`, with `before` run before the block.
 */
export interface ReadmeSays {
  marker: string;
  before?: (context: ExampleContext) => Promise<void>;
  after: (data: Record<string, unknown>, context: ExampleContext) => void | Promise<void>;
}

type Claims = { edges: Array<{ node: { quote: string; saidOn: string; stance?: string } }>; totalCount: number };

/** The name the README's addAlias example adds. */
const aliasAdded = (block: ReadmeBlock) => /addAlias\(.*name: "([^"]+)"/.exec(block.text)![1]!;

async function namesOfHmeimim({ gql }: ExampleContext) {
  const { entity } = dataOf(await gql<{ entity: { aliases: string[] } }>('{ entity(name: "Hmeimim") { aliases } }'));
  return entity.aliases;
}

async function entityCalled({ gql }: ExampleContext, name: string) {
  return dataOf(
    await gql<{ entity: { id: string } | null }>('query($n: String!) { entity(name: $n) { id } }', { n: name }),
  ).entity;
}

export const README_SAYS: ReadmeSays[] = [
  {
    // "Any alias works": Khmeimim is Hmeimim, an installation with its operator and latest claims
    marker: 'entity(name: "Khmeimim")',
    after: ({ entity }) => {
      expect(entity).toMatchObject({
        name: 'Hmeimim Air Base',
        aliases: expect.arrayContaining(['Khmeimim']),
        installationType: 'air base',
        operator: { name: expect.any(String) },
      });
      const { claims, claimStats } = entity as { claims: Claims; claimStats: { claims: number } };
      expect(claims.edges.length).toBeGreaterThan(0);
      expect(claimStats.claims).toBeGreaterThanOrEqual(claims.edges.length);
    },
  },
  {
    // "Who denied what about Tartus since January 2025": exactly the DENIES claims about it, by name
    marker: 'aboutName: "Tartus"',
    after: async ({ claims }, { gql, idOf }) => {
      const byId = dataOf(
        await gql<{ claims: Claims }>(
          'query($id: ID!) { claims(first: 100, filter: { about: $id, from: "2025-01-01" }) { totalCount edges { node { quote saidOn stance } } } }',
          { id: await idOf('Tartus') },
        ),
      ).claims;
      const denials = byId.edges.filter((e) => e.node.stance === 'DENIES').map((e) => e.node.quote);
      expect(denials.length).toBeGreaterThan(0);
      expect((claims as Claims).edges.map((e) => e.node.quote)).toEqual(denials);
      expect((claims as Claims).totalCount).toBe(denials.length);
      for (const { node } of (claims as Claims).edges) expect(node.saidOn >= '2025-01-01').toBe(true);
    },
  },
  {
    // "with highlighted snippets"
    marker: 'search(query:',
    after: ({ search }) => {
      const { edges } = search as { edges: Array<{ node: { snippet: string } }> };
      expect(edges.some((e) => /\*\*\w+\*\*/.test(e.node.snippet))).toBe(true);
    },
  },
  {
    // addAlias adds a name the demo does not have, and the name then finds the entity
    marker: 'addAlias(',
    before: async (context) => {
      const name = aliasAdded(context.block);
      expect(await namesOfHmeimim(context)).not.toContain(name);
      expect(await entityCalled(context, name)).toBeNull();
    },
    after: async ({ addAlias }, context) => {
      const name = aliasAdded(context.block);
      expect((addAlias as { entity: { aliases: string[] } }).entity.aliases).toContain(name);
      expect(await entityCalled(context, name)).toEqual({ id: await context.idOf('Hmeimim') });
    },
  },
  {
    // the candidates an ingested article left, each with where it is mentioned
    marker: 'reviewStatus: CANDIDATE',
    after: ({ entities }) => {
      const listed = entities as {
        totalCount: number;
        edges: Array<{ node: { name: string; mentions: { totalCount: number } } }>;
      };
      expect(listed.edges.map((e) => e.node.name)).toContain('Lena Osterhout');
      expect(listed.totalCount).toBe(listed.edges.length);
      for (const { node } of listed.edges) expect(node.mentions.totalCount).toBeGreaterThan(0);
    },
  },
  {
    marker: 'setEntityReviewStatus(',
    after: async ({ setEntityReviewStatus }, { gql }) => {
      const { entity } = setEntityReviewStatus as { entity: { name: string; reviewStatus: string } };
      expect(entity.reviewStatus).toBe('CONFIRMED');
      const { entities } = dataOf(
        await gql<{ entities: { edges: Array<{ node: { name: string } }> } }>(
          '{ entities(first: 100, filter: { reviewStatus: CANDIDATE }) { edges { node { name } } } }',
        ),
      );
      expect(entities.edges.map((e) => e.node.name)).not.toContain(entity.name);
    },
  },
  {
    // "every claim with its source"
    marker: 'ingestArticle(',
    after: ({ ingestArticle }) => {
      const { claims } = ingestArticle as { claims: Array<{ source: { actor: { name: string } | null } | null }> };
      expect(claims.map((c) => c.source?.actor?.name)).toContain('Syria');
    },
  },
];
