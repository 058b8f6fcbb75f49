import {
  type Page,
  type SitrepDatabase,
  type SitrepPostgres,
  type StoreReads,
  createEntity,
  postgresStore,
  sqliteStore,
} from '@sitrep/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoOnBoth, demoOnBoth, postgresDatabase } from '../helpers/postgres';

/*
 * The Store contract: every read a hover makes answers the same on SQLite and on PostgreSQL filled
 * from it by the real copy: the same rows, in the same order, with the same JavaScript types
 * (toStrictEqual compares numbers, booleans and nulls as they are). SQLite answers at once.
 */

const url = await postgresDatabase('the Store contract');

const PAGES: Page[] = [
  { limit: 1, offset: 0 },
  { limit: 5, offset: 0 },
  { limit: 5, offset: 5 },
  { limit: 3, offset: 7 },
  { limit: 50, offset: 0 },
  { limit: 10, offset: 1000 },
];
const MISSING = 999_999;

describe.skipIf(!url)('the Store on SQLite and on PostgreSQL', () => {
  let both: DemoOnBoth;
  let sqlite: SitrepDatabase;
  let pg: SitrepPostgres;
  let onSqlite: StoreReads;
  let onPostgres: StoreReads;
  let entityIds: number[];
  let statementIds: number[];
  let articleIds: number[];
  let busiest: number;
  let empty: number;

  /** Asks both; SQLite must answer synchronously, PostgreSQL the same thing. Returns the answer. */
  async function alike<T>(read: (store: StoreReads) => T | Promise<T>): Promise<T> {
    const now = read(onSqlite);
    expect(now).not.toBeInstanceOf(Promise);
    const later = await read(onPostgres);
    expect(later).toStrictEqual(now);
    return now as T;
  }

  const column = <T>(query: string) => sqlite.sqlite.prepare(query).pluck().all() as T[];

  beforeAll(async () => {
    // An entity nothing is said about, with a name in two spellings.
    both = await demoOnBoth(url!, (db) => {
      empty = createEntity(db, { kind: 'installation', name: 'Qalʿat Test Depot' }, ['Test Depot']).id;
    });
    ({ sqlite, pg } = both);
    onSqlite = sqliteStore(sqlite);
    onPostgres = postgresStore(pg);
    entityIds = column<number>('select id from entities order by id');
    statementIds = column<number>('select id from statements order by id');
    articleIds = column<number>('select id from articles order by id');
    busiest = column<number>('select entity_id from entity_claim_stats order by claims desc, entity_id limit 1')[0]!;
  });
  afterAll(() => both?.close());

  it('resolves every alias in any spelling to the same entity, and unknown names to none', async () => {
    const names = column<string>('select name from aliases order by id');
    expect(names.length).toBeGreaterThan(20);
    const spellings = names.flatMap((name) => [
      name,
      name.toUpperCase(),
      name.toLowerCase(),
      `${name}'s`,
      `  ${name.replaceAll(' ', '-')}  `,
      name.normalize('NFD').replace(/\p{M}/gu, ''),
    ]);
    let found = 0;
    for (const spelling of [
      ...spellings,
      'Qal‘at Test Depot',
      'Nowhere Base',
      '',
      '   ',
      "'); drop table aliases; --",
    ]) {
      if ((await alike((s) => s.entityByName(spelling))) !== undefined) found += 1;
    }
    expect(found).toBeGreaterThanOrEqual(names.length * 3);
  });

  it('gives entities, their aliases and claim stats by ids, in id order, missing ids left out', async () => {
    const asked = [MISSING, ...[...entityIds].reverse()];
    expect(await alike((s) => s.entitiesByIds(asked))).toHaveLength(entityIds.length);
    expect(await alike((s) => s.entitiesByIds([]))).toEqual([]);
    expect((await alike((s) => s.aliasesOfEntities(asked))).length).toBeGreaterThan(entityIds.length);
    await alike((s) => s.aliasesOfEntities([empty, busiest]));
    const stats = await alike((s) => s.claimStatsOf(asked));
    expect(stats.find((row) => row.entityId === busiest)).toMatchObject({ latest: expect.any(String) });
    expect(stats.find((row) => row.entityId === empty)).toBeUndefined();
    await alike((s) => s.claimStatsOf([]));
  });

  it('pages every entity’s latest claims the same way, counts included', async () => {
    for (const entity of [busiest, empty, MISSING, ...entityIds]) {
      await alike((s) => s.countClaimsAbout(entity));
      for (const page of PAGES) await alike((s) => s.latestClaimsAbout(entity, page));
    }
    expect(await alike((s) => s.latestClaimsAbout(busiest, { limit: 50, offset: 0 }))).toHaveLength(
      await alike((s) => s.countClaimsAbout(busiest)),
    );
  });

  it('pages every entity’s statements, all, contested and not, latest first, counts included', async () => {
    let contested = 0;
    for (const entity of [empty, MISSING, ...entityIds]) {
      for (const which of [null, true, false]) {
        contested += which === true ? await alike((s) => s.countStatementsAbout(entity, which)) : 0;
        await alike((s) => s.countStatementsAbout(entity, which));
        for (const page of PAGES) await alike((s) => s.statementsAbout(entity, which, page));
      }
    }
    expect(contested).toBeGreaterThan(0);
  });

  it('pages the latest claims of many statements at once, and their conflicts', async () => {
    const asked = [...statementIds].reverse().concat(MISSING);
    for (const page of PAGES) {
      const now = onSqlite.latestClaimsOfStatements(asked, page) as Map<number, unknown>;
      const later = await onPostgres.latestClaimsOfStatements(asked, page);
      // The keys in the order asked, each with its page of claims.
      expect([...later.entries()]).toStrictEqual([...now.entries()]);
    }
    expect((await alike((s) => s.latestClaimsOfStatements([], PAGES[0]!))).size).toBe(0);
    expect((await alike((s) => s.statementConflicts(asked))).length).toBeGreaterThan(0);
    await alike((s) => s.statementConflicts([]));
  });

  it('gives article heads by ids, in id order, without their text', async () => {
    const heads = await alike((s) => s.articleHeadsByIds([MISSING, ...[...articleIds].reverse()]));
    expect(heads).toHaveLength(articleIds.length);
    expect(heads[0]).not.toHaveProperty('text');
  });

  it('finds the same matches for a search, each engine ranking them its own way', async () => {
    const all = { limit: 1000, offset: 0 };
    for (const words of ['Tartus', 'naval base', 'Russian ships', 'Hmeimim', 'said', 'zzzz nothing']) {
      for (const kinds of [null, ['claim' as const], ['article' as const]]) {
        const matches = async (store: StoreReads) =>
          (await store.searchText(words, kinds, all)).map((hit) => `${hit.kind}:${hit.id}`).sort();
        expect(await matches(onPostgres)).toStrictEqual(await matches(onSqlite));
        await alike((s) => s.countSearchHits(words, kinds));
      }
    }
  });
});
