import { demoEntities, demoReports } from '@sitrep/demo-data';
import { describe, expect, it } from 'vitest';
import { dataOf, errorCodes, useTestServer } from '../helpers';

const server = useTestServer();

const idOf = async (name: string) =>
  dataOf(await server.gql<{ entity: { id: string } }>('query($n: String!) { entity(name: $n) { id } }', { n: name }))
    .entity.id;

type ClaimNodes = {
  claims: {
    totalCount: number;
    edges: Array<{
      node: {
        stance: string;
        reviewStatus: string;
        saidOn: string;
        about: Array<{ entity: { name: string } }>;
        source: { actor: { name: string } | null } | null;
      };
    }>;
  };
};

const CLAIMS = `query($filter: ClaimFilter) {
  claims(first: 100, filter: $filter) {
    totalCount
    edges { node { stance reviewStatus saidOn about { entity { name } } source { actor { name } } } }
  }
}`;

const allDemoClaims = demoReports.flatMap((r) => r.claims.map((c) => ({ ...c, publishedAt: r.publishedAt })));
const keyOf = (name: string) => demoEntities.find((e) => e.name === name)!.key;
const aboutKeys = (c: (typeof allDemoClaims)[number]) => c.about.map((a) => (typeof a === 'string' ? a : a.entity));

describe('claims(filter)', () => {
  it('filters by the entity a claim is about', async () => {
    const data = dataOf(await server.gql<ClaimNodes>(CLAIMS, { filter: { about: await idOf('Tartus') } }));
    const expected = allDemoClaims.filter((c) => aboutKeys(c).includes(keyOf('Tartus naval facility'))).length;
    expect(data.claims.totalCount).toBe(expected);
    for (const { node } of data.claims.edges) {
      expect(node.about.map((a) => a.entity.name)).toContain('Tartus naval facility');
    }
  });

  it('filters by source actor', async () => {
    const data = dataOf(await server.gql<ClaimNodes>(CLAIMS, { filter: { sourceActor: await idOf('Syria') } }));
    expect(data.claims.totalCount).toBe(allDemoClaims.filter((c) => c.source?.actor === 'syria').length);
    expect(data.claims.edges.every((e) => e.node.source?.actor?.name === 'Syria')).toBe(true);
  });

  it('filters by stance', async () => {
    for (const [stance, value] of [
      ['DENIES', 'denies'],
      ['NO_COMMENT', 'no_comment'],
    ] as const) {
      const data = dataOf(await server.gql<ClaimNodes>(CLAIMS, { filter: { stance } }));
      expect(data.claims.totalCount).toBe(allDemoClaims.filter((c) => c.stance === value).length);
      expect(data.claims.edges.every((e) => e.node.stance === stance)).toBe(true);
    }
  });

  it('filters by review status', async () => {
    const verified = dataOf(await server.gql<ClaimNodes>(CLAIMS, { filter: { reviewStatus: 'VERIFIED' } }));
    const rejected = dataOf(await server.gql<ClaimNodes>(CLAIMS, { filter: { reviewStatus: 'REJECTED' } }));
    expect(verified.claims.totalCount + rejected.claims.totalCount).toBeLessThanOrEqual(allDemoClaims.length);
    expect(verified.claims.edges.every((e) => e.node.reviewStatus === 'VERIFIED')).toBe(true);
  });

  it('filters by an inclusive date range', async () => {
    const [from, to] = ['2024-12-14', '2025-02-14'];
    const data = dataOf(await server.gql<ClaimNodes>(CLAIMS, { filter: { from, to } }));
    expect(data.claims.totalCount).toBe(
      allDemoClaims.filter((c) => c.publishedAt >= from && c.publishedAt <= to).length,
    );
    expect(data.claims.edges.every((e) => e.node.saidOn >= from && e.node.saidOn <= to)).toBe(true);
  });

  it('combines filters', async () => {
    const filter = { about: await idOf('Hmeimim'), stance: 'DENIES', to: '2025-03-31' };
    const data = dataOf(await server.gql<ClaimNodes>(CLAIMS, { filter }));
    const expected = allDemoClaims.filter(
      (c) => aboutKeys(c).includes('hmeimim') && c.stance === 'denies' && c.publishedAt <= '2025-03-31',
    );
    expect(data.claims.totalCount).toBe(expected.length);
  });

  it('filters by the name of the entity, any name entity(name:) resolves, in one request', async () => {
    const byId = dataOf(await server.gql<ClaimNodes>(CLAIMS, { filter: { about: await idOf('Hmeimim') } }));
    expect(byId.claims.totalCount).toBeGreaterThan(0);
    // an alias, another case, and a spelling no alias lists (folded as the editor folds it)
    for (const aboutName of ['Khmeimim', 'HMEIMIM AIR BASE', 'Hmeymim']) {
      const byName = dataOf(await server.gql<ClaimNodes>(CLAIMS, { filter: { aboutName, stance: 'DENIES' } }));
      const expected = byId.claims.edges.filter((e) => e.node.stance === 'DENIES');
      expect(byName.claims.edges).toEqual(expected);
      expect(byName.claims.totalCount).toBe(expected.length);
    }
  });

  it('refuses a name of no entity with NOT_FOUND, and an ID and a name together', async () => {
    const unknown = await server.gql(CLAIMS, { filter: { aboutName: 'Tartuss Harbour' } });
    expect(errorCodes(unknown)).toEqual(['NOT_FOUND']);
    expect(unknown.errors?.[0]?.message).toMatch(/filter\.aboutName: no entity is called “Tartuss Harbour”/);
    const both = await server.gql(CLAIMS, { filter: { about: await idOf('Tartus'), aboutName: 'Tartus' } });
    expect(errorCodes(both)).toEqual(['BAD_USER_INPUT']);
  });

  it('refuses another entity to be about inside Entity.claims instead of ignoring it', async () => {
    const query = `query($f: ClaimFilter) { entity(name: "Hmeimim") { claims(first: 5, filter: $f) { totalCount } } }`;
    for (const filter of [{ aboutName: 'Tartus' }, { about: await idOf('Tartus') }]) {
      const response = await server.gql(query, { f: filter });
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors?.[0]?.message).toMatch(/belong to Query\.claims/);
    }
    // The rest of the filter still applies: the same claims as Query.claims about it.
    const inside = dataOf(
      await server.gql<{ entity: { claims: { totalCount: number } } }>(query, { f: { stance: 'AFFIRMS' } }),
    );
    const outside = dataOf(
      await server.gql<{ claims: { totalCount: number } }>(
        '{ claims(first: 1, filter: { aboutName: "Hmeimim", stance: AFFIRMS }) { totalCount } }',
      ),
    );
    expect(inside.entity.claims.totalCount).toBe(outside.claims.totalCount);
    expect(outside.claims.totalCount).toBeGreaterThan(0);
  });

  it('rejects a malformed date and a claim ID where an entity is expected', async () => {
    expect(errorCodes(await server.gql(CLAIMS, { filter: { from: '2025-13-45' } }))).not.toEqual([]);
    const claimId = dataOf(
      await server.gql<{ claims: { edges: Array<{ node: { id: string } }> } }>(
        '{ claims(first: 1) { edges { node { id } } } }',
      ),
    ).claims.edges[0]!.node.id;
    const response = await server.gql(CLAIMS, { filter: { about: claimId } });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0]?.message).toMatch(/Actor or Installation/);
  });
});

describe('articles(filter)', () => {
  const ARTICLES = `query($filter: ArticleFilter) { articles(first: 100, filter: $filter) { totalCount edges { node { title publishedAt } } } }`;
  type Articles = { articles: { totalCount: number; edges: Array<{ node: { title: string; publishedAt: string } }> } };

  it('lists newest first, filtered by date range', async () => {
    const all = dataOf(await server.gql<Articles>(ARTICLES, {}));
    expect(all.articles.totalCount).toBe(demoReports.length);
    const dates = all.articles.edges.map((e) => e.node.publishedAt);
    expect(dates).toEqual([...dates].sort().reverse());
    const ranged = dataOf(await server.gql<Articles>(ARTICLES, { filter: { from: '2025-01-01', to: '2025-06-30' } }));
    expect(ranged.articles.totalCount).toBe(
      demoReports.filter((r) => r.publishedAt >= '2025-01-01' && r.publishedAt <= '2025-06-30').length,
    );
  });

  it('filters by the entity mentioned', async () => {
    const data = dataOf(await server.gql<Articles>(ARTICLES, { filter: { mentioning: await idOf('Libya') } }));
    const expected = demoReports.filter((r) => /\bLibya/.test(r.text)).length;
    expect(data.articles.totalCount).toBe(expected);
    expect(expected).toBeGreaterThan(0);
  });

  it('filters by the name of the entity mentioned, or refuses a name of none', async () => {
    const byId = dataOf(await server.gql<Articles>(ARTICLES, { filter: { mentioning: await idOf('Tartus') } }));
    const byName = dataOf(await server.gql<Articles>(ARTICLES, { filter: { mentioningName: 'tartous' } }));
    expect(byName).toEqual(byId);
    expect(byId.articles.totalCount).toBeGreaterThan(0);
    const unknown = await server.gql(ARTICLES, { filter: { mentioningName: 'Atlantis' } });
    expect(errorCodes(unknown)).toEqual(['NOT_FOUND']);
    expect(unknown.errors?.[0]?.message).toMatch(/filter\.mentioningName: no entity is called “Atlantis”/);
  });
});

describe('entities, actors, installations', () => {
  type Names = { [list: string]: { totalCount: number; edges: Array<{ node: { name: string; kind?: string } }> } };

  it('filters entities by kind and type', async () => {
    const data = dataOf(
      await server.gql<Names>(
        `{ entities(first: 100, filter: { kind: INSTALLATION }) { totalCount edges { node { name kind } } }
           airBases: installations(first: 100, type: "air base") { totalCount edges { node { name } } }
           states: actors(first: 100, type: "state") { totalCount edges { node { name } } } }`,
      ),
    );
    expect(data.entities!.totalCount).toBe(demoEntities.filter((e) => e.kind === 'installation').length);
    expect(data.airBases!.totalCount).toBe(demoEntities.filter((e) => e.installationType === 'air base').length);
    expect(data.airBases!.edges.map((e) => e.node.name)).toContain('Hmeimim Air Base');
    expect(data.states!.edges.map((e) => e.node.name)).toEqual(expect.arrayContaining(['Russia', 'Syria']));
  });

  it('finds entities by part of any name, with LIKE wildcards taken literally', async () => {
    const data = dataOf(
      await server.gql<Names>(
        `{ golani: entities(filter: { nameContains: "golani" }) { edges { node { name } } }
           wild: entities(filter: { nameContains: "%" }) { totalCount } }`,
      ),
    );
    expect(data.golani!.edges.map((e) => e.node.name)).toEqual(['Ahmad al-Sharaa']);
    expect(data.wild!.totalCount).toBe(0);
  });
});
