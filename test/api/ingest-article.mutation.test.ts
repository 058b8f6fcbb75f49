import { describe, expect, it } from 'vitest';
import { dataOf, errorCodes, useTestServer } from '../helpers';

const server = useTestServer();

// Our own wire-style report: a new analyst and a new monitoring group, known installations.
const ARTICLE = `date 2025-05-14 BEIRUT: Russian crews began loading radar equipment onto a cargo ship at the Tartous naval base on Tuesday, the Coastal Watch Network said.

Ilse Marrow, an analyst at the Coastal Watch Network, said the equipment was probably bound for the Al-Khadim air base in Libya.

The Kremlin declined to comment.
`;
// No "date YYYY-MM-DD PLACE:" line: it needs publishedAt.
const UNDATED = `Satellite images showed three frigates at the Tartous naval base, the Coastal Watch Network said.

Ilse Marrow said the frigates had not moved since March.
`;

const INGEST = `mutation($input: IngestArticleInput!) {
  ingestArticle(input: $input) {
    article { id title publishedAt dateline outlet text }
    claims {
      id quote start end reviewStatus stance hedged saidOn
      source { text anonymous actor { name } }
      about { entity { name } }
    }
    createdEntities { __typename id name }
  }
}`;

interface Ingested {
  ingestArticle: {
    article: {
      id: string;
      title: string;
      publishedAt: string;
      dateline: string | null;
      outlet: string | null;
      text: string;
    };
    claims: Array<{
      id: string;
      quote: string;
      start: number;
      end: number;
      reviewStatus: string;
      stance: string;
      hedged: boolean;
      saidOn: string;
      source: { text: string; anonymous: boolean; actor: { name: string } | null } | null;
      about: Array<{ entity: { name: string } }>;
    }>;
    createdEntities: Array<{ __typename: string; id: string; name: string }>;
  };
}

const TABLES = ['articles', 'entities', 'aliases', 'mentions', 'claims', 'claim_about'];
const counts = () =>
  Object.fromEntries(
    TABLES.map((table) => [
      table,
      (server.db.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n,
    ]),
  );

const claimIds = new Set<string>();

describe('mutation ingestArticle', () => {
  it('refuses a request without a token with UNAUTHENTICATED, writing nothing', async () => {
    const before = counts();
    const response = await server.gql(INGEST, { input: { text: ARTICLE } });
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
    expect(response.data ?? null).toBeNull();
    expect(counts()).toEqual(before);
  });

  it('extracts and stores an article: its claims for review, with sources and subjects, and the new entities', async () => {
    const before = counts();
    const { ingestArticle } = dataOf(
      await server.gql<Ingested>(
        INGEST,
        { input: { text: ARTICLE, outlet: 'Sitrep test wire' } },
        server.token('write'),
      ),
    );
    const { article, claims, createdEntities } = ingestArticle;
    expect(article).toMatchObject({
      publishedAt: '2025-05-14',
      dateline: 'BEIRUT',
      outlet: 'Sitrep test wire',
      text: ARTICLE,
    });
    expect(article.title).toMatch(/^Russian crews began loading radar equipment/);

    expect(claims.length).toBeGreaterThanOrEqual(3);
    for (const claim of claims) {
      expect(claim.reviewStatus).toBe('EXTRACTED');
      expect(claim.saidOn).toBe('2025-05-14');
      expect(claim.quote).toBe(ARTICLE.slice(claim.start, claim.end));
      expect(claim.about.length).toBeGreaterThan(0);
      claimIds.add(claim.id);
    }
    const byMarrow = claims.find((c) => c.source?.actor?.name === 'Ilse Marrow');
    expect(byMarrow).toMatchObject({ hedged: true, stance: 'AFFIRMS' });
    expect(byMarrow!.quote).toMatch(/bound for the Al-Khadim air base in Libya$/);
    expect(byMarrow!.about.map((a) => a.entity.name)).toEqual(expect.arrayContaining(['Al-Khadim Air Base', 'Libya']));
    const kremlin = claims.find((c) => c.source?.actor?.name === 'Kremlin');
    expect(kremlin).toMatchObject({ stance: 'NO_COMMENT', source: { anonymous: false } });
    const loading = claims.find((c) => c.quote.includes('loading radar equipment'));
    expect(loading?.about.map((a) => a.entity.name)).toContain('Tartus naval facility');

    expect(createdEntities.map((e) => [e.__typename, e.name])).toEqual(
      expect.arrayContaining([
        ['Actor', 'Coastal Watch Network'],
        ['Actor', 'Ilse Marrow'],
      ]),
    );
    expect(createdEntities.map((e) => e.name)).not.toContain('Tartus naval facility');

    const after = counts();
    expect(after.articles).toBe(before.articles! + 1);
    expect(after.claims).toBe(before.claims! + claims.length);
    expect(after.entities).toBe(before.entities! + createdEntities.length);
  });

  it('refuses the same text again with CONFLICT naming the stored article', async () => {
    const before = counts();
    const response = await server.gql(
      INGEST,
      { input: { text: ARTICLE, title: 'A new title' } },
      server.token('write'),
    );
    expect(errorCodes(response)).toEqual(['CONFLICT']);
    expect(response.errors?.[0]?.message).toMatch(/already stored \(“Russian crews began loading/);
    // The stored article is named by its global ID, as the API knows it.
    const stored = response.errors?.[0]?.extensions?.article as string;
    expect(Buffer.from(stored, 'base64').toString()).toMatch(/^Article:\d+$/);
    expect(counts()).toEqual(before);
  });

  it('refuses a text without a date line and without publishedAt with BAD_USER_INPUT about the date line', async () => {
    const before = counts();
    const response = await server.gql(INGEST, { input: { text: UNDATED } }, server.token('write'));
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0]?.message).toMatch(
      /no first line "date YYYY-MM-DD PLACE: …"; add one, or give its publication date \(publishedAt\)/,
    );
    expect(counts()).toEqual(before);
  });

  it('refuses a publication date after today, from the date line or from publishedAt, with BAD_USER_INPUT', async () => {
    const before = counts();
    const future = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    for (const input of [{ text: `date ${future} TARTUS: ${UNDATED}` }, { text: UNDATED, publishedAt: future }]) {
      const response = await server.gql(INGEST, { input }, server.token('write'));
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors?.[0]?.message).toContain(`the publication date ${future} is in the future`);
    }
    expect(counts()).toEqual(before);
  });

  it('takes a text without a date line when publishedAt is given, linking what it knows now', async () => {
    const { ingestArticle } = dataOf(
      await server.gql<Ingested>(
        INGEST,
        { input: { text: UNDATED, publishedAt: '2025-05-20' } },
        server.token('write'),
      ),
    );
    expect(ingestArticle.article).toMatchObject({ publishedAt: '2025-05-20', dateline: null, text: UNDATED });
    expect(ingestArticle.article.title).toMatch(/^Satellite images showed three frigates/);
    expect(ingestArticle.claims.length).toBeGreaterThan(0);
    for (const claim of ingestArticle.claims) {
      expect(claim.saidOn).toBe('2025-05-20');
      expect(claim.quote).toBe(UNDATED.slice(claim.start, claim.end));
      claimIds.add(claim.id);
    }
    // The analyst and the network came with the first article.
    expect(ingestArticle.createdEntities).toEqual([]);
    expect(ingestArticle.claims.find((c) => c.source?.actor?.name === 'Ilse Marrow')).toBeDefined();
  });

  it('makes the new claims readable through entity(name:) and search(query:)', async () => {
    expect(claimIds.size).toBeGreaterThanOrEqual(4);
    const about = dataOf(
      await server.gql<{
        entity: { name: string; claims: { edges: Array<{ node: { id: string; reviewStatus: string } }> } };
      }>(
        `query($name: String!) { entity(name: $name) { name claims(first: 100) { edges { node { id reviewStatus } } } } }`,
        { name: 'Al-Khadim' },
      ),
    );
    expect(about.entity.name).toBe('Al-Khadim Air Base');
    const ids = about.entity.claims.edges.map((e) => e.node.id);
    expect(ids.filter((id) => claimIds.has(id))).toHaveLength(1);

    const tartus = dataOf(
      await server.gql<{ entity: { claims: { edges: Array<{ node: { id: string } }> } } }>(
        `{ entity(name: "Tartous") { claims(first: 100, filter: { reviewStatus: EXTRACTED }) { edges { node { id } } } } }`,
      ),
    );
    const extractedAboutTartus = tartus.entity.claims.edges.map((e) => e.node.id);
    expect(extractedAboutTartus.filter((id) => claimIds.has(id)).length).toBeGreaterThanOrEqual(2);

    const found = dataOf(
      await server.gql<{
        search: { edges: Array<{ node: { __typename: string; claim?: { id: string }; article?: { text: string } } }> };
      }>(
        `{ search(query: "radar equipment cargo", first: 20) {
            edges { node { __typename ... on ClaimSearchHit { claim { id } } ... on ArticleSearchHit { article { text } } } }
          } }`,
      ),
    );
    const hits = found.search.edges.map((e) => e.node);
    expect(hits.some((hit) => hit.claim && claimIds.has(hit.claim.id))).toBe(true);
    expect(hits.some((hit) => hit.article?.text === ARTICLE)).toBe(true);
  });
});
