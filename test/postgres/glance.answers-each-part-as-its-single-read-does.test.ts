import {
  type GlanceAsk,
  type GlanceReads,
  type Page,
  type StoreReads,
  createEntity,
  glanceReads,
  postgresStore,
} from '@sitrep/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoOnBoth, demoOnBoth, postgresDatabase } from '../helpers/postgres';

/*
 * The hover's reads in one statement (glanceAt) answer, part by part, what the single reads
 * answer for the same arguments: rows, order and JavaScript types (toStrictEqual). The single
 * reads are held to SQLite's answers by store.answers-every-hover-read-exactly-as-sqlite-does.
 */

const url = await postgresDatabase('the glance');

const ids = <T extends { id: number }>(rows: T[]) => rows.map((r) => r.id);
const unique = (values: Array<number | null>) => [...new Set(values.filter((v): v is number => v !== null))];

describe.skipIf(!url)('a glance at an entity on PostgreSQL', () => {
  let both: DemoOnBoth;
  let store: StoreReads;
  let glance: GlanceReads;
  let entityIds: number[];

  /** The glance for `ask`, and each part compared with its single read. Returns the glance. */
  async function matches(ask: GlanceAsk) {
    const got = await glance.glanceAt(ask);
    const e = ask.entityId;
    expect(got.aliases).toStrictEqual(await store.aliasesOfEntities([e]));
    expect(got.claimStats).toStrictEqual((await store.claimStatsOf([e]))[0] ?? null);
    const listed: number[] = [];
    expect(got.statements).toHaveLength(ask.statements.length);
    for (const [i, { contested, page }] of ask.statements.entries()) {
      expect(got.statements[i]!.rows).toStrictEqual(await store.statementsAbout(e, contested, page));
      expect(got.statements[i]!.count).toBe(await store.countStatementsAbout(e, contested));
      listed.push(...ids(got.statements[i]!.rows));
    }
    const statements = unique(listed);
    expect(got.conflicts).toStrictEqual(await store.statementConflicts(statements));
    const claims = [];
    if (ask.claims) {
      expect(got.claims!.rows).toStrictEqual(await store.latestClaimsAbout(e, ask.claims));
      expect(got.claims!.count).toBe(await store.countClaimsAbout(e));
      claims.push(...got.claims!.rows);
    } else expect(got.claims).toBeNull();
    if (ask.tellings) {
      const single = await store.latestClaimsOfStatements(statements, ask.tellings);
      expect(new Map([...got.tellings!].sort(([a], [b]) => a - b))).toStrictEqual(
        new Map([...single].sort(([a], [b]) => a - b)),
      );
      claims.push(...[...single.values()].flat());
    } else expect(got.tellings).toBeNull();
    const articles = unique(claims.map((c) => c.articleId)).sort((a, b) => a - b);
    expect(got.articles).toStrictEqual(await store.articleHeadsByIds(articles));
    const heads = unique([...ask.headIds, ...claims.map((c) => c.sourceActorId)]);
    const single = await store.entityHeadsByIds(heads);
    expect(got.heads).toStrictEqual(single.sort((a, b) => a.id - b.id));
    return got;
  }

  const hover = (entityId: number, headIds: number[], page: Page, tellings: Page): GlanceAsk => ({
    entityId,
    headIds,
    statements: [
      { contested: true, page },
      { contested: null, page },
    ],
    claims: page,
    tellings,
  });

  beforeAll(async () => {
    both = await demoOnBoth(url!, (sqlite) => {
      createEntity(sqlite, { kind: 'installation', name: 'Qalʿat Test Depot' }, ['Test Depot']);
    });
    store = postgresStore(both.pg);
    glance = glanceReads(both.pg);
    entityIds = both.sqlite.sqlite.prepare('select id from entities order by id').pluck().all() as number[];
  });
  afterAll(() => both?.close());

  it('answers the hover’s question for every entity as the dozen single reads do', async () => {
    let contested = 0;
    let told = 0;
    for (const entityId of entityIds) {
      const { operatorId, hostCountryId, affiliationId } = (await store.entitiesByIds([entityId]))[0]!;
      const heads = unique([operatorId, hostCountryId, affiliationId]);
      const got = await matches(hover(entityId, heads, { limit: 6, offset: 0 }, { limit: 3, offset: 0 }));
      contested += got.statements[0]!.rows.length;
      told += [...got.tellings!.values()].flat().length;
    }
    // The demo data has contested statements and statements with claims, so the parts are not empty.
    expect(contested).toBeGreaterThan(0);
    expect(told).toBeGreaterThan(0);
  });

  it('reads later pages, uncontested statements, and leaves out what is not asked', async () => {
    const busiest = both.sqlite.sqlite
      .prepare('select entity_id from entity_claim_stats order by claims desc, entity_id limit 1')
      .pluck()
      .get() as number;
    for (const page of [
      { limit: 1, offset: 0 },
      { limit: 2, offset: 1 },
      { limit: 3, offset: 100 },
    ]) {
      await matches({
        entityId: busiest,
        headIds: [],
        statements: [{ contested: false, page }],
        claims: null,
        tellings: page,
      });
      await matches({ entityId: busiest, headIds: [entityIds[0]!], statements: [], claims: page, tellings: null });
    }
    const nothing = await matches({ entityId: 999_999, headIds: [], statements: [], claims: null, tellings: null });
    expect(nothing.aliases).toEqual([]);
    expect(nothing.claimStats).toBeNull();
  });

  it('reads what a page of claims shows beside them as claimAboutForClaims and the head reads do', async () => {
    const claims = await store.listClaims({}, { limit: 100, offset: 0 }, 'latest');
    expect(claims.length).toBeGreaterThan(20);
    for (const page of [
      claims.slice(0, 1),
      claims.slice(0, 50),
      claims.slice(50),
      [],
      [{ ...claims[0]!, id: 999_999 }],
    ]) {
      const ids = page.map((c) => c.id);
      const actors = unique(page.map((c) => c.sourceActorId));
      const articleIds = unique(page.map((c) => c.articleId)).sort((a, b) => a - b);
      const got = await glance.aroundClaims({ aboutOf: ids, headIds: actors, articleIds });
      const about = await store.claimAboutForClaims(ids);
      expect(got.about).toStrictEqual(about);
      const heads = await store.entityHeadsByIds(unique([...actors, ...about.map((a) => a.entityId)]));
      expect(got.heads).toStrictEqual(heads.sort((a, b) => a.id - b.id));
      expect(got.articles).toStrictEqual(await store.articleHeadsByIds(articleIds));
    }
    // Only what is asked: no subjects, no heads beyond those named.
    const none = await glance.aroundClaims({ aboutOf: [], headIds: [], articleIds: [] });
    expect(none).toStrictEqual({ about: [], heads: [], articles: [] });
  });

  it('refuses more than two statement pages rather than read them wrong', async () => {
    const page = { limit: 1, offset: 0 };
    const three = [null, true, false].map((contested) => ({ contested, page }));
    await expect(
      glance.glanceAt({ entityId: entityIds[0]!, headIds: [], statements: three, claims: null, tellings: null }),
    ).rejects.toThrow(/at most two/);
  });
});
