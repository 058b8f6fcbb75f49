import { HOVER_QUERY, type HoverAnswer } from '@sitrep/vocabulary';
import { describe, expect, it } from 'vitest';
import { dataOf, useTestServer } from '../helpers';

const server = useTestServer();

const ENTITY_NAME = 'query($name: String!) { entity(name: $name) { name kind } }';

describe('entity(name)', () => {
  it.each([
    ['Khmeimim', 'Hmeimim Air Base'],
    ['hmeimim airbase', 'Hmeimim Air Base'],
    ['TARTOUS', 'Tartus naval facility'],
    ['Tartus', 'Tartus naval facility'],
    ['al-Golani', 'Ahmad al-Sharaa'],
    ['Abu Mohammed al-Golani', 'Ahmad al-Sharaa'],
    ['AL GOLANI', 'Ahmad al-Sharaa'],
    ['the Kremlin', 'Kremlin'],
    ['Russia’s', 'Russia'],
    ["Russia's", 'Russia'],
    ['Türkiye', 'Turkey'],
    // Spellings no alias lists, folded as the editor and ingestion fold them.
    ['Hmeymim', 'Hmeimim Air Base'],
    ['Khmeymim airbase', 'Hmeimim Air Base'],
  ])('resolves “%s” to %s', async (name, expected) => {
    const { entity } = dataOf(await server.gql<{ entity: { name: string } | null }>(ENTITY_NAME, { name }));
    expect(entity?.name).toBe(expected);
  });

  it('folds diacritics: “Ḥmeimim” is Hmeimim', async () => {
    const { entity } = dataOf(await server.gql<{ entity: { name: string } | null }>(ENTITY_NAME, { name: 'Ḥmeimim' }));
    expect(entity?.name).toBe('Hmeimim Air Base');
  });

  it('returns null for an unknown name, and for a name that only contains a known one', async () => {
    for (const name of ['Atlantis', 'Assadi', 'Russian Federation Navy']) {
      const { entity } = dataOf(await server.gql<{ entity: unknown }>(ENTITY_NAME, { name }));
      expect(entity, name).toBeNull();
    }
  });

  it('answers the editor hover in one request: place, operator, latest claims with sources and articles', async () => {
    const { entity } = dataOf(await server.gql<HoverAnswer>(HOVER_QUERY, { name: 'Khmeimim' }));
    expect(entity?.kind).toBe('INSTALLATION');
    expect(entity?.aliases).toContain('Khmeimim');
    expect(entity?.location?.latitude).toBeCloseTo(35.4, 1);
    expect(entity?.location?.longitude).toBeCloseTo(35.95, 1);
    expect(entity?.operator?.name).toMatch(/Russia/);
    const edges = entity!.claims.edges;
    expect(edges).toHaveLength(5);
    expect(entity!.claims.totalCount).toBe(entity!.claimStats.claims);
    const dates = edges.map((e) => e.node.saidOn);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(dates[0]).toBe(entity!.claimStats.latest);
    for (const { node } of edges) {
      expect(node.article.title.length).toBeGreaterThan(0);
      expect(node.article.publishedAt).toBe(node.saidOn);
    }
    expect(edges.some((e) => e.node.source?.actor)).toBe(true);
  });
});
