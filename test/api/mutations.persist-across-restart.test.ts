import { beforeAll, describe, expect, it } from 'vitest';
import { dataOf, useTestServer } from '../helpers';

const server = useTestServer({ demo: false });
let token: string;
beforeAll(() => {
  token = server.token('write');
});

const TEXT = `date 2026-03-02 LATAKIA: Two port workers said a Russian landing ship docked at the facility on Sunday.

A spokesman for the operator declined to comment.`;

describe('curation mutations', () => {
  it('create actor, installation, article and claim, add an alias, review a claim; all survive a restart', async () => {
    const write = async <T>(query: string, variables: Record<string, unknown>) =>
      dataOf(await server.gql<T>(query, variables, token));

    const { createActor } = await write<{ createActor: { actor: { id: string } } }>(
      `mutation($input: CreateActorInput!) { createActor(input: $input) { actor { id } } }`,
      { input: { name: 'Russia', aliases: ['Russian Federation', 'Moscow'], actorType: 'state' } },
    );
    const russia = createActor.actor.id;
    const { createInstallation } = await write<{ createInstallation: { installation: { id: string } } }>(
      `mutation($input: CreateInstallationInput!) { createInstallation(input: $input) { installation { id } } }`,
      {
        input: {
          name: 'Test Naval Point',
          installationType: 'naval base',
          location: { place: 'Testport', country: 'Syria', latitude: 34.9, longitude: 35.87 },
          operator: russia,
        },
      },
    );
    const base = createInstallation.installation.id;
    await write(`mutation($input: AddAliasInput!) { addAlias(input: $input) { entity { id } } }`, {
      input: { entity: base, name: 'the facility' },
    });
    const { createArticle } = await write<{ createArticle: { article: { id: string; wordCount: number } } }>(
      `mutation($input: CreateArticleInput!) { createArticle(input: $input) { article { id wordCount } } }`,
      {
        input: {
          title: 'Landing ship at the facility',
          publishedAt: '2026-03-02',
          text: TEXT,
          dateline: 'LATAKIA',
          outlet: 'Test desk',
        },
      },
    );
    expect(createArticle.article.wordCount).toBe(TEXT.split(/\s+/).length);
    const { createClaim } = await write<{ createClaim: { claim: { id: string; start: number; end: number } } }>(
      `mutation($input: CreateClaimInput!) { createClaim(input: $input) { claim { id start end } } }`,
      {
        input: {
          article: createArticle.article.id,
          quote: 'a Russian landing ship docked at the facility on Sunday',
          source: { text: 'Two port workers', count: 2, anonymous: true },
          about: [{ entity: base, role: 'LOCATION' }, { entity: russia }],
          eventDate: '2026-03-01',
          reviewStatus: 'EXTRACTED',
        },
      },
    );
    expect(TEXT.slice(createClaim.claim.start, createClaim.claim.end)).toBe(
      'a Russian landing ship docked at the facility on Sunday',
    );
    await write(
      `mutation($input: SetClaimReviewStatusInput!) { setClaimReviewStatus(input: $input) { claim { id } } }`,
      {
        input: { claim: createClaim.claim.id, status: 'VERIFIED' },
      },
    );

    await server.restart();

    const after = dataOf(
      await server.gql<{
        entity: {
          name: string;
          aliases: string[];
          operator: { name: string };
          location: { latitude: number };
          claims: {
            edges: Array<{
              node: {
                reviewStatus: string;
                eventDate: string;
                source: { count: number; anonymous: boolean };
                about: Array<{ role: string }>;
              };
            }>;
          };
        };
      }>(`{ entity(name: "The Facility") { name aliases ... on Installation { operator { name } location { latitude } }
            claims { edges { node { reviewStatus eventDate source { count anonymous } about { role } } } } } }`),
    );
    expect(after.entity.name).toBe('Test Naval Point');
    expect(after.entity.aliases).toEqual(['Test Naval Point', 'the facility']);
    expect(after.entity.operator.name).toBe('Russia');
    expect(after.entity.location.latitude).toBe(34.9);
    expect(after.entity.claims.edges).toEqual([
      {
        node: {
          reviewStatus: 'VERIFIED',
          eventDate: '2026-03-01',
          source: { count: 2, anonymous: true },
          about: expect.arrayContaining([{ role: 'LOCATION' }, { role: 'SUBJECT' }]),
        },
      },
    ]);
  });
});
