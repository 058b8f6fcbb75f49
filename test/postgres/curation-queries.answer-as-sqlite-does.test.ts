import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Asynchronous,
  type CurationQueries,
  type SitrepDatabase,
  type SitrepPostgres,
  copySqliteToPostgres,
  createToken,
  openDatabase,
  openPostgres,
  postgresCurationQueries,
  postgresIngestQueries,
  sqliteIngestWrites,
} from '@sitrep/db';
import { seedDemo } from '@sitrep/demo-data';
import type { EntityReviewStatus, ReliabilityGrade, ReviewStatus } from '@sitrep/vocabulary';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresDatabase } from '../helpers/postgres';
import { contractOnBoth } from '../helpers/query-contract';

/*
 * The curator's writes contract: every named query a curator's mutation makes (store/writes.ts)
 * answers the same on SQLite and on PostgreSQL filled from it by the real copy, write after write:
 * the same rows, order and JavaScript types, the same errors, and the same rows left in every
 * table a merge touches, with the counts the triggers keep. PostgreSQL's side runs in one
 * transaction of its own on a pool of one connection, as the server will run it, and a refusal
 * leaves that transaction usable.
 */

const url = await postgresDatabase('the curation queries contract');
const dir = mkdtempSync(join(tmpdir(), 'sitrep-curation-queries-'));
const MISSING = 999_999;
describe.skipIf(!url)('the curator’s queries on SQLite and on PostgreSQL', () => {
  let sqlite: SitrepDatabase;
  let pg: SitrepPostgres;
  let onSqlite: CurationQueries;
  let onPostgres: Asynchronous<CurationQueries>;
  let actors: number[];
  let installations: number[];
  let token: number;
  /** Two actors of the demo, made to share claims, sources, references and a grade (see beforeAll). */
  let survivor: number;
  let merged: number;
  /** An actor whose statements, in SQLite's order, are not in the order of their ids. */
  let teller: number;

  const { alike, refused } = contractOnBoth<CurationQueries>(
    () => ({ sqlite: onSqlite, postgres: onPostgres }),
    new Set(['changedAt']),
    async () => expect(await pg.sql`select 1 as one`).toEqual([{ one: 1 }]),
  );

  /** The same rows of a table on both sides (booleans read as 0/1 on both). */
  async function sameRows(sqliteQuery: string, pgQuery: string = sqliteQuery): Promise<unknown[]> {
    const expected = sqlite.sqlite.prepare(sqliteQuery).all();
    expect([...(await pg.sql.unsafe(pgQuery))]).toStrictEqual(expected);
    return expected;
  }
  const countsKeptByTriggers = async () => {
    await sameRows('select entity_id, claims, sources from entity_claim_stats order by entity_id');
    await sameRows('select entity_id, source_key, claims from entity_sources order by entity_id, source_key');
    await sameRows('select entity_id, statements, contested from entity_statement_stats order by entity_id');
  };
  const FORMED_SQLITE =
    "glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z'";
  const FORMED_PG = "~ '^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$'";
  const reliabilityTables = async () => {
    await sameRows(
      `select entity_id, grade, note, set_by_token_id, set_at ${FORMED_SQLITE} as formed from source_reliability order by entity_id`,
      `select entity_id, grade, note, set_by_token_id, (set_at ${FORMED_PG})::int as formed from source_reliability order by entity_id`,
    );
    await sameRows(
      `select id, entity_id, previous, grade, note, token_id, changed_at ${FORMED_SQLITE} as formed
         from source_reliability_changes order by id`,
      `select id, entity_id, previous, grade, note, token_id, (changed_at ${FORMED_PG})::int as formed
         from source_reliability_changes order by id`,
    );
  };
  /** Every table a merge touches, and the counts the triggers keep. */
  const mergedTables = async () => {
    await sameRows(
      `select id, kind, name, description, actor_type, affiliation_id, role, installation_type, place, region,
         country, latitude, longitude, operator_id, host_country_id, review_status, created_at from entities order by id`,
    );
    await sameRows('select id, entity_id, name, normalized from aliases order by id');
    await sameRows('select id, article_id, entity_id, start, "end", text from mentions order by id');
    await sameRows(
      'select claim_id, entity_id, role, said_on, source_key from claim_about order by claim_id, entity_id',
    );
    await sameRows('select id, source_actor_id, source_text, statement_id, review_status from claims order by id');
    await sameRows(
      'select entity_id, statement_id, last_said, contested from statement_about order by entity_id, statement_id',
      'select entity_id, statement_id, last_said, contested::int from statement_about order by entity_id, statement_id',
    );
    await reliabilityTables();
    await countsKeptByTriggers();
  };
  const one = <T>(query: string, ...params: unknown[]) =>
    sqlite.sqlite
      .prepare(query)
      .pluck()
      .get(...params) as T;
  const all = <T>(query: string, ...params: unknown[]) =>
    sqlite.sqlite
      .prepare(query)
      .pluck()
      .all(...params) as T[];

  beforeAll(async () => {
    sqlite = openDatabase(join(dir, 'kb.db'));
    seedDemo(sqlite);
    actors = all("select id from entities where kind = 'actor' order by id");
    installations = all("select id from entities where kind = 'installation' order by id");
    token = createToken(sqlite, 'write', 'curator').token.id;
    // The two actors about most claims, made to share everything a merge moves: claims about both,
    // claims the merged one is the source of, entities referring to it, the survivor referring to
    // it, a grade. Written on SQLite before the copy, so both start alike.
    [survivor, merged] = all<number>(
      `select a.entity_id from claim_about a join entities e on e.id = a.entity_id where e.kind = 'actor'
        group by a.entity_id order by count(*) desc, a.entity_id limit 2`,
    ) as [number, number];
    sqlite.sqlite.transaction(() => {
      const run = (query: string, ...params: unknown[]) => sqlite.sqlite.prepare(query).run(...params);
      run(
        `insert into claim_about (claim_id, entity_id, role, said_on, source_key)
         select claim_id, ?, case role when 'object' then 'location' else 'object' end, said_on, source_key from claim_about
          where entity_id = ? and claim_id not in (select claim_id from claim_about where entity_id = ?)
          order by claim_id limit 3`,
        merged,
        survivor,
        merged,
      );
      run(
        `update claims set source_actor_id = ? where id in (
           select id from claims where source_actor_id is null and statement_id is not null order by id limit 3)`,
        merged,
      );
      // Another actor, the source of two claims in statements whose ids run against the order they
      // were told in: SQLite's order (each statement where the actor first reaches it) is not the ids'.
      teller = one<number>(
        'select id from entities where kind = ? and id not in (?, ?) and id not in (select source_actor_id from claims where source_actor_id is not null) order by id',
        'actor',
        survivor,
        merged,
      );
      const pair = sqlite.sqlite
        .prepare(
          `select a.id as a, b.id as b from claims a join claims b on b.statement_id < a.statement_id and b.said_on > a.said_on
            where a.source_actor_id is null and b.source_actor_id is null order by a.id, b.id limit 1`,
        )
        .get() as { a: number; b: number };
      run('update claims set source_actor_id = ? where id in (?, ?)', teller, pair.a, pair.b);
      run('update entities set affiliation_id = ?, description = null, role = null where id = ?', merged, survivor);
      run(
        "update entities set affiliation_id = ?, description = 'Merged.', role = 'spokesman' where id = ?",
        merged,
        merged,
      );
      run(
        'update entities set affiliation_id = ? where id = ?',
        merged,
        actors.find((id) => id !== survivor && id !== merged),
      );
      run('update entities set operator_id = ? where id = ?', merged, installations[0]);
      run("insert into source_reliability (entity_id, grade, note) values (?, 'B', 'merged')", merged);
    })();
    pg = await openPostgres(url!, { max: 1 });
    await copySqliteToPostgres(sqlite, pg);
    await pg.sql`begin`;
    onSqlite = sqliteIngestWrites(sqlite);
    onPostgres = postgresCurationQueries(pg);
  });
  afterAll(async () => {
    sqlite?.close();
    await pg?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts from the same rows on both', async () => {
    expect(survivor).toBeDefined();
    expect(one<number>('select count(*) from claims where source_actor_id = ?', merged)).toBeGreaterThan(0);
    await mergedTables();
  });

  it('finds an entity, of the kind asked, or refuses as SQLite does', async () => {
    await alike((q) => q.requireEntity(actors[0]!));
    await alike((q) => q.requireEntity(actors[0]!, 'actor'));
    await alike((q) => q.requireEntity(installations[0]!, 'installation'));
    await refused((q) => q.requireEntity(installations[0]!, 'actor'), 'BAD_USER_INPUT');
    await refused((q) => q.requireEntity(actors[0]!, 'installation'), 'BAD_USER_INPUT');
    await refused((q) => q.requireEntity(MISSING), 'NOT_FOUND');
    await refused((q) => q.requireEntity(MISSING, 'installation'), 'NOT_FOUND');
  });

  it('confirms, rejects and sends back entities and claims, refusing a missing one or a status the schema refuses', async () => {
    for (const status of ['confirmed', 'rejected', 'candidate', 'confirmed'] as const) {
      await alike((q) => q.setEntityReviewStatus(installations[1]!, status));
    }
    await refused((q) => q.setEntityReviewStatus(MISSING, 'confirmed'), 'NOT_FOUND');
    await refused((q) => q.setEntityReviewStatus(MISSING, 'nonsense' as EntityReviewStatus), 'NOT_FOUND');
    await refused((q) => q.setEntityReviewStatus(installations[1]!, 'nonsense' as EntityReviewStatus), 'database');
    const claim = one<number>('select id from claims order by id limit 1');
    for (const status of ['rejected', 'extracted', 'verified'] as const) {
      await alike((q) => q.setClaimReviewStatus(claim, status));
    }
    await refused((q) => q.setClaimReviewStatus(MISSING, 'verified'), 'NOT_FOUND');
    await refused((q) => q.setClaimReviewStatus(MISSING, 'nonsense' as ReviewStatus), 'NOT_FOUND');
    await refused((q) => q.setClaimReviewStatus(claim, 'nonsense' as ReviewStatus), 'database');
    await sameRows('select id, review_status from entities order by id');
    await sameRows('select id, review_status from claims order by id');
  });

  it('lists the statements an actor stands behind, in SQLite’s order, and marks statements curated', async () => {
    const sources = all<number>('select distinct source_actor_id from claims where source_actor_id is not null');
    expect(sources.length).toBeGreaterThan(1);
    let several = false;
    for (const actor of [...sources, installations[0]!, MISSING]) {
      several ||= (await alike((q) => q.statementIdsWithSourceActor(actor))).length > 1;
    }
    expect(several).toBe(true);
    const told = await alike((q) => q.statementIdsWithSourceActor(teller));
    expect(told).toHaveLength(2);
    expect(told).not.toEqual([...told].sort((x, y) => x - y));
    const statements = all<number>('select id from statements order by id');
    await alike((q) => q.markCurated([statements[2]!, statements[0]!, MISSING, statements[0]!]));
    await alike((q) => q.markCurated([]));
    await alike((q) => q.markCurated([statements[1]!]));
    await sameRows(
      'select id, curated from statements order by id',
      'select id, curated::int as curated from statements order by id',
    );
  });

  it('grades a source, recording each change with its previous grade, the token and the time', async () => {
    const [actor] = actors;
    await alike((q) => q.setSourceReliability(actor!, 'C', null, null));
    await alike((q) => q.setSourceReliability(actor!, 'A', token, 'Checked twice.'));
    await alike((q) => q.setSourceReliability(actor!, 'A', null, null));
    await alike((q) => q.setSourceReliability(merged, 'D', token, 'Regraded.'));
    await reliabilityTables();
    // The grade's time is stamped again when it changes: the change's own time.
    const [graded] = await pg.sql<Array<{ same: boolean }>>`
      select r.set_at = (select changed_at from source_reliability_changes c where c.entity_id = r.entity_id
                          order by c.id desc limit 1) as same
        from source_reliability r where r.entity_id = ${actor!}::int`;
    expect(graded!.same).toBe(true);
    await refused((q) => q.setSourceReliability(MISSING, 'B', null, null), 'database');
    await refused((q) => q.setSourceReliability(actor!, 'B', MISSING, null), 'database');
    await refused((q) => q.setSourceReliability(actor!, 'Z' as ReliabilityGrade, null, null), 'database');
    await refused((q) => q.setSourceReliability(MISSING, 'Z' as ReliabilityGrade, null, null), 'database');
    // Nothing of the refusals was written on either.
    await reliabilityTables();
  });

  it('refuses a merge into itself, of a missing entity or across kinds, writing nothing', async () => {
    await refused((q) => q.mergeEntities(survivor, survivor), 'BAD_USER_INPUT');
    await refused((q) => q.mergeEntities(MISSING, MISSING), 'BAD_USER_INPUT');
    await refused((q) => q.mergeEntities(MISSING, merged), 'NOT_FOUND');
    await refused((q) => q.mergeEntities(survivor, MISSING), 'NOT_FOUND');
    await refused((q) => q.mergeEntities(MISSING, MISSING + 1), 'NOT_FOUND');
    await refused((q) => q.mergeEntities(survivor, installations[0]!), 'BAD_USER_INPUT');
    await refused((q) => q.mergeEntities(installations[0]!, merged), 'BAD_USER_INPUT');
    await mergedTables();
  });

  it('merges an actor into another: names, mentions, claims, sources and references move, counts stay exact', async () => {
    // What SQLite's merge must deal with is there: claims about both, statements about the merged one.
    const both =
      'select count(*) from claim_about a join claim_about b on b.claim_id = a.claim_id where a.entity_id = ? and b.entity_id = ?';
    expect(one(both, survivor, merged)).toBeGreaterThan(0);
    expect(one('select count(*) from statement_about where entity_id = ?', merged)).toBeGreaterThan(0);
    expect(
      one('select count(*) from entities where ? in (affiliation_id, operator_id) and id <> ?', merged, merged),
    ).toBeGreaterThanOrEqual(3);
    const names = postgresIngestQueries(pg);
    const stamp = await names.entityNamesStamp();
    const kept = await alike((q) => q.mergeEntities(survivor, merged));
    expect(kept).toMatchObject({ id: survivor, description: 'Merged.', role: 'spokesman', affiliationId: null });
    expect(one('select count(*) from entities where id = ?', merged)).toBe(0);
    expect(one('select count(*) from claims where source_actor_id = ?', survivor)).toBeGreaterThan(0);
    // Its statements are no longer about it, nor yet about the survivor: the next grouping of them says so.
    expect(one('select count(*) from statement_about where entity_id = ?', merged)).toBe(0);
    await mergedTables();
    // The names moved: the stamp's own count moved with them.
    const after = await names.entityNamesStamp();
    expect(after.split('.').at(-1)).not.toBe(stamp.split('.').at(-1));
    await alike((q) => q.statementIdsWithSourceActor(survivor));
    await alike((q) => q.statementIdsWithSourceActor(merged));
    // Gone now: a second merge of it is refused, leaving the transaction usable.
    await refused((q) => q.mergeEntities(survivor, merged), 'NOT_FOUND');
    await refused((q) => q.mergeEntities(merged, survivor), 'NOT_FOUND');
  });

  it('merges installations: the survivor takes what it lacks, a reference to itself dropped', async () => {
    const [keep, fold] = installations.slice(-2) as [number, number];
    // Arranged on both alike: the survivor lacks coordinates, a place and an operator, refers to
    // itself and is hosted by the merged one; the merged one has all three and is hosted by the survivor.
    const arrange: Array<[string, ...unknown[]]> = [
      [
        `update entities set latitude = null, longitude = null, place = null, operator_id = null,
           affiliation_id = id, host_country_id = ? where id = ?`,
        fold,
        keep,
      ],
      [
        'update entities set latitude = 35.25, longitude = -12.5, place = ?, operator_id = ?, host_country_id = ? where id = ?',
        'Somewhere',
        actors[1]!,
        keep,
        fold,
      ],
    ];
    for (const [query, ...params] of arrange) {
      sqlite.sqlite.prepare(query).run(...params);
      let n = 0;
      await pg.sql.unsafe(
        query.replace(/\?/g, () => `$${++n}`),
        params as never[],
      );
    }
    await mergedTables();
    const stamp = (await postgresIngestQueries(pg).entityNamesStamp()).split('.').at(-1);
    const kept = await alike((q) => q.mergeEntities(keep, fold));
    expect(kept).toMatchObject({
      latitude: 35.25,
      longitude: -12.5,
      place: 'Somewhere',
      operatorId: actors[1]!,
      affiliationId: null,
      hostCountryId: null,
    });
    expect((await postgresIngestQueries(pg).entityNamesStamp()).split('.').at(-1)).not.toBe(stamp);
    await mergedTables();
    // The merged entity's names are the survivor's now.
    const name = one<string>('select name from aliases where entity_id = ? order by id desc limit 1', keep);
    expect((await onPostgres.requireEntity(keep)).id).toBe(keep);
    expect(
      (await pg.sql`select entity_id from aliases where name = ${name}`).map((row) => row.entity_id as number),
    ).toEqual([keep]);
  });

  it('leaves PostgreSQL’s transaction able to commit, with every row as SQLite keeps it', async () => {
    await pg.sql`commit`;
    await mergedTables();
    await sameRows(
      'select id, curated from statements order by id',
      'select id, curated::int as curated from statements order by id',
    );
  });
});
