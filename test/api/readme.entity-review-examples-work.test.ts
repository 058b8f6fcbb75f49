import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, dataOf, useTestServer } from '../helpers';

const server = useTestServer();

/** The README's graphql block that contains `marker`, as written there. */
function readmeExample(marker: string): string {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);
  const found = blocks.filter((block) => block.includes(marker));
  if (found.length !== 1) throw new Error(`the README has ${found.length} graphql examples with “${marker}”`);
  return found[0]!;
}

// Our own report, naming someone the demo data does not know.
const ARTICLE = `date 2025-06-10 TARTUS: Cranes were moving containers at the Tartous naval base on Sunday, said Lena Osterhout, a researcher at the Harbour Traffic Project.
`;

let token: string;
beforeAll(async () => {
  token = server.token('write');
  dataOf(
    await server.gql(
      'mutation($text: String!) { ingestArticle(input: { text: $text }) { article { id } } }',
      { text: ARTICLE },
      token,
    ),
  );
});

interface Candidates {
  entities: {
    totalCount: number;
    edges: Array<{
      node: { id: string; name: string; kind: string; aliases: string[]; mentions: { totalCount: number } };
    }>;
  };
}

// The README shows how a curator reviews candidates; these keep its two examples working.
describe('the README’s review of candidates', () => {
  it('lists the candidates an ingested article left', async () => {
    const listed = dataOf(await server.gql<Candidates>(readmeExample('reviewStatus: CANDIDATE'))).entities;
    expect(listed.edges.map((e) => e.node.name)).toContain('Lena Osterhout');
    expect(listed.totalCount).toBe(listed.edges.length);
    for (const { node } of listed.edges) expect(node.mentions.totalCount).toBeGreaterThan(0);
  });

  it('confirms one with setEntityReviewStatus', async () => {
    const osterhout = dataOf(
      await server.gql<Candidates>(readmeExample('reviewStatus: CANDIDATE')),
    ).entities.edges.find((e) => e.node.name === 'Lena Osterhout')!.node;
    const mutation = readmeExample('setEntityReviewStatus').replace("<a candidate's id>", osterhout.id);
    const confirmed = dataOf(
      await server.gql<{ setEntityReviewStatus: { entity: { name: string; reviewStatus: string } } }>(
        mutation,
        {},
        token,
      ),
    );
    expect(confirmed.setEntityReviewStatus.entity).toEqual({ name: 'Lena Osterhout', reviewStatus: 'CONFIRMED' });
  });
});
