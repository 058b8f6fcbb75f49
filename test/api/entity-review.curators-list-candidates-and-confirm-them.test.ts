import { beforeAll, describe, expect, it } from 'vitest';
import { dataOf, errorCodes, useTestServer } from '../helpers';

const server = useTestServer();

// Our own report: a new analyst and a new monitoring group beside names the demo data knows.
const ARTICLE = `date 2025-06-03 LATAKIA: Two Russian cargo aircraft left the Khmeimim air base on Monday, said Tomas Reyval, an analyst at the Nordic Airlift Monitor, a research group.

The Kremlin said the base would stay open.
`;

interface Entity {
  id: string;
  name: string;
  kind: 'ACTOR' | 'INSTALLATION';
  reviewStatus: 'CANDIDATE' | 'CONFIRMED' | 'REJECTED';
}

const INGEST = `mutation($text: String!) {
  ingestArticle(input: { text: $text }) { createdEntities { id name kind reviewStatus } }
}`;
const CANDIDATES = `query($kind: EntityKind) {
  entities(first: 100, filter: { reviewStatus: CANDIDATE, kind: $kind }) { totalCount edges { node { id name kind reviewStatus } } }
}`;
const SET = `mutation($entity: ID!, $status: EntityReviewStatus!) {
  setEntityReviewStatus(input: { entity: $entity, status: $status }) { entity { id name reviewStatus } }
}`;
const STATUS = `query($name: String!) { entity(name: $name) { id reviewStatus } }`;

let writeToken: string;
let created: Entity[];

const candidates = async (kind?: Entity['kind']) =>
  dataOf(await server.gql<{ entities: { totalCount: number; edges: Array<{ node: Entity }> } }>(CANDIDATES, { kind }))
    .entities;
const statusOf = async (name: string) =>
  dataOf(await server.gql<{ entity: { id: string; reviewStatus: string } | null }>(STATUS, { name })).entity!;

beforeAll(async () => {
  writeToken = server.token('write');
  created = dataOf(
    await server.gql<{ ingestArticle: { createdEntities: Entity[] } }>(INGEST, { text: ARTICLE }, writeToken),
  ).ingestArticle.createdEntities;
});

describe('entities under review', () => {
  it('come out of ingestion as CANDIDATE; the demo data and the names they link to are CONFIRMED', async () => {
    expect(created.map((e) => e.name)).toEqual(expect.arrayContaining(['Tomas Reyval', 'Nordic Airlift Monitor']));
    for (const entity of created) expect(entity.reviewStatus).toBe('CANDIDATE');
    expect((await statusOf('Khmeimim')).reviewStatus).toBe('CONFIRMED');
    expect((await statusOf('the Kremlin')).reviewStatus).toBe('CONFIRMED');
  });

  it('are listed by entities(filter: { reviewStatus: CANDIDATE }), alone, and with the other filters', async () => {
    const listed = await candidates();
    expect(listed.totalCount).toBe(created.length);
    expect(listed.edges.map((e) => e.node.id).sort()).toEqual(created.map((e) => e.id).sort());
    const actors = await candidates('ACTOR');
    expect(actors.edges.map((e) => e.node.name)).toEqual(
      expect.arrayContaining(['Nordic Airlift Monitor', 'Tomas Reyval']),
    );
    expect(actors.edges.every((e) => e.node.kind === 'ACTOR')).toBe(true);
    const counts = dataOf(
      await server.gql<{ all: { totalCount: number }; confirmed: { totalCount: number } }>(
        '{ all: entities { totalCount } confirmed: entities(filter: { reviewStatus: CONFIRMED }) { totalCount } }',
      ),
    );
    expect(counts.confirmed.totalCount).toBe(counts.all.totalCount - created.length);
  });

  it('cannot be confirmed without a write token: UNAUTHENTICATED, then FORBIDDEN for a read token', async () => {
    const reyval = await statusOf('Tomas Reyval');
    const anonymous = await server.gql(SET, { entity: reyval.id, status: 'CONFIRMED' });
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
    expect(anonymous.errors?.[0]?.message).toMatch(/token create --scope write/);
    const reader = await server.gql(SET, { entity: reyval.id, status: 'CONFIRMED' }, server.token('read'));
    expect(errorCodes(reader)).toEqual(['FORBIDDEN']);
    expect((await statusOf('Tomas Reyval')).reviewStatus).toBe('CANDIDATE');
  });

  it('are confirmed or rejected with a write token, and leave the list of candidates', async () => {
    const reyval = await statusOf('Tomas Reyval');
    const confirmed = dataOf(
      await server.gql<{ setEntityReviewStatus: { entity: Entity } }>(
        SET,
        { entity: reyval.id, status: 'CONFIRMED' },
        writeToken,
      ),
    ).setEntityReviewStatus.entity;
    expect(confirmed).toEqual({ id: reyval.id, name: 'Tomas Reyval', reviewStatus: 'CONFIRMED' });
    expect((await statusOf('Tomas Reyval')).reviewStatus).toBe('CONFIRMED');
    const monitor = await statusOf('Nordic Airlift Monitor');
    dataOf(await server.gql(SET, { entity: monitor.id, status: 'REJECTED' }, writeToken));
    expect((await statusOf('Nordic Airlift Monitor')).reviewStatus).toBe('REJECTED');
    const left = await candidates();
    expect(left.edges.map((e) => e.node.name)).not.toContain('Tomas Reyval');
    expect(left.edges.map((e) => e.node.name)).not.toContain('Nordic Airlift Monitor');
    expect(left.totalCount).toBe(created.length - 2);
  });

  it('refuses an ID that is not an entity with BAD_USER_INPUT, and a missing one with NOT_FOUND', async () => {
    const claimId = dataOf(
      await server.gql<{ claims: { edges: Array<{ node: { id: string } }> } }>(
        '{ claims(first: 1) { edges { node { id } } } }',
      ),
    ).claims.edges[0]!.node.id;
    expect(errorCodes(await server.gql(SET, { entity: claimId, status: 'CONFIRMED' }, writeToken))).toEqual([
      'BAD_USER_INPUT',
    ]);
    const missing = Buffer.from('Actor:999999').toString('base64');
    expect(errorCodes(await server.gql(SET, { entity: missing, status: 'CONFIRMED' }, writeToken))).toEqual([
      'NOT_FOUND',
    ]);
  });

  it('an entity typed in by a person is CONFIRMED', async () => {
    const actor = dataOf(
      await server.gql<{ createActor: { actor: Entity } }>(
        'mutation { createActor(input: { name: "Harbour Pilots Union", actorType: "organisation" }) { actor { reviewStatus } } }',
        {},
        writeToken,
      ),
    ).createActor.actor;
    expect(actor.reviewStatus).toBe('CONFIRMED');
  });

  it('a merge keeps the survivor’s own status, whichever way it goes', async () => {
    const MERGE = `mutation($survivor: ID!, $merged: ID!) {
      mergeEntities(input: { survivor: $survivor, merged: $merged }) { entity { name reviewStatus aliases } }
    }`;
    const CREATE = `mutation($name: String!) { createActor(input: { name: $name, actorType: "person" }) { actor { id } } }`;
    const create = async (name: string, status: Entity['reviewStatus']) => {
      const id = dataOf(await server.gql<{ createActor: { actor: { id: string } } }>(CREATE, { name }, writeToken))
        .createActor.actor.id;
      dataOf(await server.gql(SET, { entity: id, status }, writeToken));
      return id;
    };
    // A candidate folded into a confirmed entity: the survivor stays confirmed.
    const merged = dataOf(
      await server.gql<{ mergeEntities: { entity: { name: string; reviewStatus: string; aliases: string[] } } }>(
        MERGE,
        { survivor: await create('Anna Keller', 'CONFIRMED'), merged: await create('A. Keller', 'CANDIDATE') },
        writeToken,
      ),
    ).mergeEntities.entity;
    expect(merged).toEqual({ name: 'Anna Keller', reviewStatus: 'CONFIRMED', aliases: ['Anna Keller', 'A. Keller'] });
    // A confirmed entity folded into a candidate does not confirm the candidate.
    const intoCandidate = dataOf(
      await server.gql<{ mergeEntities: { entity: { reviewStatus: string } } }>(
        MERGE,
        { survivor: await create('Jonas Brehm', 'CANDIDATE'), merged: await create('J. Brehm', 'CONFIRMED') },
        writeToken,
      ),
    ).mergeEntities.entity;
    expect(intoCandidate.reviewStatus).toBe('CANDIDATE');
  });
});
