import { describe, expect, it } from 'vitest';
import { dataOf, errorCodes, useTestServer } from '../helpers';
import { OTHER_REPORT, WIRE_COPY, WIRE_STORY } from '../helpers/wire-story';

const server = useTestServer({ demo: false });

// Our own wording: a ministry denies what the wire story says.
const DENIAL = `date 2025-03-06 MOSCOW:

The Russian defence ministry denied on Wednesday that any transport aircraft had left Hmeimim Air Base, calling the reports false.`;

const INGEST = `mutation($text: String!, $outlet: String) {
  ingestArticle(input: { text: $text, outlet: $outlet }) { claims { id quote stance statement { id } } }
}`;
const STATEMENT = `query($id: ID!) {
  node(id: $id) { ... on Statement {
    id grade independentSources affirming denying contested credibility credibilityReason curated
    claims(first: 10) { totalCount edges { node { id article { outlet } } } }
    sources { text outlet anonymous count affirms denies reliability actor { id name } }
    conflicts { why statement { id } }
    about { name }
  } }
}`;

interface Claim {
  id: string;
  quote: string;
  stance: string;
  statement: { id: string } | null;
}
interface Statement {
  id: string;
  grade: string;
  independentSources: number;
  affirming: number;
  denying: number;
  contested: boolean;
  credibility: number;
  credibilityReason: string;
  curated: boolean;
  claims: { totalCount: number; edges: Array<{ node: { id: string; article: { outlet: string } } }> };
  sources: Array<{
    outlet: string;
    anonymous: boolean;
    count: number | null;
    reliability: string;
    actor: { id: string; name: string } | null;
  }>;
  conflicts: Array<{ why: string; statement: { id: string } }>;
  about: Array<{ name: string }>;
}

const statement = async (id: string) => dataOf(await server.gql<{ node: Statement }>(STATEMENT, { id })).node;

describe('statements', () => {
  let token: string;
  const ingested: Record<string, Claim[]> = {};
  const ingest = async (name: string, text: string) => {
    ingested[name] = dataOf(
      await server.gql<{ ingestArticle: { claims: Claim[] } }>(INGEST, { text, outlet: name }, token),
    ).ingestArticle.claims;
    return ingested[name]!;
  };
  const aircraft = (name: string) => ingested[name]!.find((c) => /aircraft|planes/.test(c.quote))!;

  it('place every ingested claim in a statement; a copy counts once, another report of the event corroborates', async () => {
    token = server.token('write');
    await ingest('Wire', WIRE_STORY);
    await ingest('Republisher', WIRE_COPY);
    await ingest('Rival', OTHER_REPORT);
    for (const claims of Object.values(ingested)) for (const claim of claims) expect(claim.statement).not.toBeNull();
    const wire = aircraft('Wire');
    expect(aircraft('Republisher').statement).toEqual(wire.statement);
    expect(aircraft('Rival').statement).toEqual(wire.statement);
    const told = await statement(wire.statement!.id);
    expect(told.claims.totalCount).toBe(3);
    // Three anonymous Syrian officials in one story run by two outlets are one source, of three
    // people; the rival's report, a story of its own, is a second.
    expect(told.independentSources).toBe(2);
    expect(told.sources).toMatchObject([
      { anonymous: true, count: 3, reliability: 'F', outlet: 'Wire' },
      { reliability: 'F', outlet: 'Rival' },
    ]);
    expect(told).toMatchObject({ credibility: 2, grade: 'F2', contested: false });
    expect(told.credibilityReason).toBe('2 independent sources, none against; none graded A or B.');
  });

  it('contest a statement its denial conflicts with, on both sides, and say why', async () => {
    const [denial] = await ingest('Agency', DENIAL);
    expect(denial!.stance).toBe('DENIES');
    const denied = await statement(denial!.statement!.id);
    const wire = await statement(aircraft('Wire').statement!.id);
    expect(denied.conflicts.map((c) => c.statement.id)).toContain(wire.id);
    expect(wire.conflicts.map((c) => c.statement.id)).toContain(denied.id);
    expect(wire.conflicts[0]!.why.length).toBeGreaterThan(10);
    for (const side of [wire, denied]) {
      expect(side.contested).toBe(true);
      expect(side.denying).toBeGreaterThanOrEqual(1);
      expect([4, 5]).toContain(side.credibility);
    }
  });

  it('regrades when a curator grades a source, recording who and when; no token, no grade', async () => {
    const denied = await statement(aircraft('Agency').statement!.id);
    const actor = denied.sources[0]!.actor!;
    const GRADE = `mutation($actor: ID!, $grade: ReliabilityGrade!) {
      setSourceReliability(input: { actor: $actor, grade: $grade, note: "Official statements" }) {
        actor { ... on Actor { reliability reliabilityChanges { previous grade note tokenId changedAt } } }
      }
    }`;
    expect(errorCodes(await server.gql(GRADE, { actor: actor.id, grade: 'A' }))).toEqual(['UNAUTHENTICATED']);
    const graded = dataOf(
      await server.gql<{
        setSourceReliability: { actor: { reliability: string; reliabilityChanges: Array<Record<string, unknown>> } };
      }>(GRADE, { actor: actor.id, grade: 'A' }, token),
    ).setSourceReliability.actor;
    expect(graded.reliability).toBe('A');
    expect(graded.reliabilityChanges).toMatchObject([{ previous: 'F', grade: 'A', note: 'Official statements' }]);
    expect(graded.reliabilityChanges[0]!.tokenId).toEqual(expect.any(Number));
    expect((await statement(denied.id)).grade).toMatch(/^A[1-6]$/);
  });

  it('list an entity’s statements, the contested ones alone, and its timeline in event order', async () => {
    const QUERY = `{
      entity(name: "Hmeimim Air Base") {
        all: statements(first: 50) { totalCount }
        contested: statements(first: 50, filter: { contested: true }) { totalCount edges { node { contested } } }
        timeline(first: 50) { edges { node { eventDate firstSaid } } }
      }
    }`;
    const { entity } = dataOf(
      await server.gql<{
        entity: {
          all: { totalCount: number };
          contested: { totalCount: number; edges: Array<{ node: { contested: boolean } }> };
          timeline: { edges: Array<{ node: { eventDate: string | null; firstSaid: string } }> };
        };
      }>(QUERY),
    );
    expect(entity.contested.totalCount).toBeGreaterThanOrEqual(2);
    expect(entity.contested.totalCount).toBeLessThan(entity.all.totalCount);
    expect(entity.contested.edges.every((e) => e.node.contested)).toBe(true);
    const days = entity.timeline.edges.map((e) => e.node.eventDate ?? e.node.firstSaid);
    expect(days).toEqual([...days].sort());
    expect(days).toHaveLength(entity.all.totalCount);
  });

  it('let a curator move a claim out into a statement of its own, and split one', async () => {
    const wire = await statement(aircraft('Wire').statement!.id);
    const total = wire.claims.totalCount;
    const [first, second] = wire.claims.edges.map((e) => e.node.id);
    const MOVE = `mutation($claim: ID!) {
      moveClaimToStatement(input: { claim: $claim }) { from { id claims(first: 5) { totalCount } curated } to { id curated claims(first: 5) { totalCount } } }
    }`;
    const moved = dataOf(
      await server.gql<{
        moveClaimToStatement: {
          from: { id: string; curated: boolean; claims: { totalCount: number } };
          to: { id: string; curated: boolean; claims: { totalCount: number } };
        };
      }>(MOVE, { claim: second }, token),
    ).moveClaimToStatement;
    expect(moved.from).toMatchObject({ id: wire.id, curated: true, claims: { totalCount: total - 1 } });
    expect(moved.to).toMatchObject({ curated: true, claims: { totalCount: 1 } });
    // And back: the moved claim joins it again; the statement it left, empty, is gone.
    const BACK = `mutation($claim: ID!, $statement: ID!) {
      moveClaimToStatement(input: { claim: $claim, statement: $statement }) { from { id } to { curated claims(first: 5) { totalCount } } claim { statement { id } } }
    }`;
    const back = dataOf(
      await server.gql<{
        moveClaimToStatement: {
          from: null;
          to: { curated: boolean; claims: { totalCount: number } };
          claim: { statement: { id: string } };
        };
      }>(BACK, { claim: second, statement: wire.id }, token),
    ).moveClaimToStatement;
    expect(back).toEqual({
      from: null,
      to: { curated: true, claims: { totalCount: total } },
      claim: { statement: { id: wire.id } },
    });

    const SPLIT = `mutation($statement: ID!, $claims: [ID!]!) {
      splitStatement(input: { statement: $statement, claims: $claims }) {
        statement { claims(first: 5) { totalCount } } created { claims(first: 5) { edges { node { id } } } }
      }
    }`;
    const split = dataOf(
      await server.gql<{
        splitStatement: {
          statement: { claims: { totalCount: number } };
          created: { claims: { edges: Array<{ node: { id: string } }> } };
        };
      }>(SPLIT, { statement: wire.id, claims: [first] }, token),
    ).splitStatement;
    expect(split.statement.claims.totalCount).toBe(total - 1);
    expect(split.created.claims.edges.map((e) => e.node.id)).toEqual([first]);
    const rest = (await statement(wire.id)).claims.edges.map((e) => e.node.id);
    const all = await server.gql(SPLIT, { statement: wire.id, claims: rest }, token);
    expect(errorCodes(all)).toEqual(['BAD_USER_INPUT']);
  });
});
