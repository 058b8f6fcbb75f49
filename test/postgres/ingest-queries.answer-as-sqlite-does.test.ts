import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Asynchronous,
  type IngestQueries,
  type NewClaim,
  type SitrepDatabase,
  type SitrepPostgres,
  type StatementFigures,
  contentHash,
  copySqliteToPostgres,
  openDatabase,
  openPostgres,
  postgresIngestQueries,
  sqliteIngestWrites,
} from '@sitrep/db';
import { seedDemo } from '@sitrep/demo-data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresDatabase } from '../helpers/postgres';
import { contractOnBoth } from '../helpers/query-contract';

/*
 * The ingest's writes contract: every named query an ingest makes (store/writes.ts) answers the
 * same on SQLite and on PostgreSQL filled from it by the real copy, write after write: the same
 * rows, ids, order and JavaScript types, the same errors, and the same counts left by the
 * triggers. PostgreSQL's side runs in one transaction of its own on a pool of one connection, as
 * the ingest will run it, and a CONFLICT the ingest goes on after leaves that transaction usable.
 */

const url = await postgresDatabase('the ingest queries contract');
const dir = mkdtempSync(join(tmpdir(), 'sitrep-ingest-queries-'));
const MISSING = 999_999;
describe.skipIf(!url)('the ingest’s queries on SQLite and on PostgreSQL', () => {
  let sqlite: SitrepDatabase;
  let pg: SitrepPostgres;
  let onSqlite: IngestQueries;
  let onPostgres: Asynchronous<IngestQueries>;
  let actors: number[];
  let installations: number[];

  const { alike, refused } = contractOnBoth<IngestQueries>(
    () => ({ sqlite: onSqlite, postgres: onPostgres }),
    new Set(['createdAt', 'ingestedAt']),
    async () => expect(await pg.sql`select 1 as one`).toEqual([{ one: 1 }]),
  );

  const onBoth = <T>(sqliteQuery: string, pgQuery: string = sqliteQuery) => ({
    sqlite: sqlite.sqlite.prepare(sqliteQuery).all() as T[],
    pg: pg.sql.unsafe(pgQuery) as unknown as Promise<T[]>,
  });
  /** The same rows of a table on both sides (booleans read as 0/1 on both). */
  async function sameRows(sqliteQuery: string, pgQuery: string = sqliteQuery): Promise<unknown[]> {
    const both = onBoth(sqliteQuery, pgQuery);
    expect([...(await both.pg)]).toStrictEqual(both.sqlite);
    return both.sqlite;
  }
  const countsKeptByTriggers = async () => {
    const stats = await sameRows('select entity_id, claims, sources from entity_claim_stats order by entity_id');
    await sameRows('select entity_id, source_key, claims from entity_sources order by entity_id, source_key');
    await sameRows('select entity_id, statements, contested from entity_statement_stats order by entity_id');
    return stats;
  };
  const statementTables = async () => {
    await sameRows(
      `select id, first_said, last_said, event_date, claims, independent_sources, affirming, denying, contested,
         credibility, credibility_reason, reliability, curated from statements order by id`,
      `select id, first_said, last_said, event_date, claims, independent_sources, affirming, denying, contested::int,
         credibility, credibility_reason, reliability, curated::int from statements order by id`,
    );
    await sameRows(
      'select entity_id, statement_id, last_said, contested from statement_about order by entity_id, statement_id',
      'select entity_id, statement_id, last_said, contested::int from statement_about order by entity_id, statement_id',
    );
    await sameRows('select statement_id, other_id, why from statement_conflicts order by statement_id, other_id');
    await countsKeptByTriggers();
  };

  beforeAll(async () => {
    sqlite = openDatabase(join(dir, 'kb.db'));
    seedDemo(sqlite);
    actors = sqlite.sqlite
      .prepare("select id from entities where kind = 'actor' order by id")
      .pluck()
      .all() as number[];
    installations = sqlite.sqlite
      .prepare("select id from entities where kind = 'installation' order by id")
      .pluck()
      .all() as number[];
    // One connection, in one transaction the test opens, as the ingest will run these.
    pg = await openPostgres(url!, { max: 1 });
    await copySqliteToPostgres(sqlite, pg);
    await pg.sql`begin`;
    onSqlite = sqliteIngestWrites(sqlite);
    onPostgres = postgresIngestQueries(pg);
  });
  afterAll(async () => {
    sqlite?.close();
    await pg?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  let first: number;
  let second: number;
  const TEXT =
    'Col. Petrov said the Tartus naval base had received two frigates. The Ministry denied it on Tuesday. ' +
    'Satellite images, analysts said, SHOW new piers at Tartus.';

  it('stores articles, refuses a text twice leaving the transaction usable, and reads them back by ids', async () => {
    await alike((q) => q.findArticleByHash(contentHash(TEXT)));
    const stored = sqlite.sqlite.prepare('select content_hash from articles order by id limit 1').pluck().get();
    expect((await alike((q) => q.findArticleByHash(stored as string)))?.id).toBeDefined();
    first = (
      await alike((q) =>
        q.createArticle({
          title: '  Frigates at Tartus ',
          publishedAt: '2024-12-20',
          text: TEXT,
          outlet: 'Wire',
          dateline: 'TARTUS',
          url: 'https://example.com/a',
          author: '  A. Writer  ',
        }),
      )
    ).id;
    second = (
      await alike((q) =>
        q.createArticle({ title: 'Piers', publishedAt: '2024-12-21', text: `${TEXT} Copied.`, author: '   ' }),
      )
    ).id;
    await refused((q) => q.createArticle({ title: 'Again', publishedAt: '2024-12-22', text: TEXT }), 'CONFLICT');
    await refused((q) => q.createArticle({ title: ' ', publishedAt: '2024-12-22', text: 'x' }), 'BAD_USER_INPUT');
    await refused((q) => q.createArticle({ title: 'T', publishedAt: '2024-12-22', text: '  ' }), 'BAD_USER_INPUT');
    // The conflict spent no id: the next article has the same id on both.
    const third = await alike((q) => q.createArticle({ title: 'Third', publishedAt: '2024-12-19', text: 'Three.' }));
    expect(third.id).toBe(second + 1);
    const asked = [second, MISSING, 1, first, 1, third.id];
    expect(await alike((q) => q.articleHeadsByIds(asked))).toHaveLength(4);
    await alike((q) => q.articleTextsByIds(asked));
    await alike((q) => q.articleHeadsByIds([]));
    await alike((q) => q.articleTextsByIds([]));
    await alike((q) => q.findArticleByHash(contentHash(TEXT)));
  });

  it('records stories and fingerprints, and finds the articles sharing most of them', async () => {
    const hashes = [11, 22, 33, 4_000_000_000, 2_147_483_648];
    await alike((q) => q.recordStory(first, null, [...hashes, 22]));
    await alike((q) => q.recordStory(second, first, hashes.slice(1)));
    await alike((q) => q.recordStory(second, first, hashes.slice(1)));
    await alike((q) => q.recordStory(second + 1, null, []));
    await sameRows(
      'select article_id, hash from article_fingerprints order by article_id, hash',
      'select article_id, hash::float8 as hash from article_fingerprints order by article_id, hash',
    );
    await sameRows('select id, story_id from articles order by id');
    for (const [minShared, limit] of [
      [1, 10],
      [3, 10],
      [5, 10],
      [1, 1],
      [6, 10],
    ] as const) {
      await alike((q) => q.storyCandidates([...hashes, 99], minShared, limit));
    }
    expect(await alike((q) => q.storyCandidates(hashes, 1, 10))).toHaveLength(2);
    await alike((q) => q.storyCandidates([], 1, 10));
  });

  it('records an article’s mentions in one go, refusing a span outside the text', async () => {
    const entity = installations[0]!;
    const mentions = await alike((q) =>
      q.createMentions(TEXT, [
        { articleId: first, entityId: entity, start: 14, end: 34 },
        { articleId: first, entityId: actors[0]!, start: 0, end: 11 },
        { articleId: first, entityId: entity, start: TEXT.length - 7, end: TEXT.length - 1 },
      ]),
    );
    expect(mentions.map((m) => m.id)).toEqual([mentions[0]!.id, mentions[0]!.id + 1, mentions[0]!.id + 2]);
    await alike((q) => q.createMentions(TEXT, []));
    await refused(
      (q) => q.createMentions(TEXT, [{ articleId: first, entityId: entity, start: 5, end: TEXT.length + 1 }]),
      'BAD_USER_INPUT',
    );
    await sameRows('select id, article_id, entity_id, start, "end", text from mentions order by id');
  });

  let made: number;
  it('creates entities with their names, refusing a taken or empty name and spending no id on it', async () => {
    const before = await alike((q) => q.aliasTotals());
    const row = await alike((q) =>
      q.createEntity({ kind: 'installation', name: '  Qalʿat Test Depot ', reviewStatus: 'candidate' }, [
        'Test Depot',
        'TEST depot',
        ' Depot of Tests ',
        'Qal‘at Test Depot',
      ]),
    );
    made = row.id;
    expect(row).toMatchObject({ name: 'Qalʿat Test Depot', reviewStatus: 'candidate' });
    expect(
      (await alike((q) => q.createEntity({ kind: 'actor', name: 'Col. Test', actorType: 'person' }))).reviewStatus,
    ).toBe('confirmed');
    const takenName = sqlite.sqlite.prepare('select name from aliases where entity_id = ?').pluck().get(actors[0]);
    // A taken name, then a name with no letters: the first in order is the error.
    await refused((q) => q.createEntity({ kind: 'actor', name: 'New One' }, [takenName as string, '-']), 'CONFLICT');
    await refused(
      (q) => q.createEntity({ kind: 'actor', name: `  ${(takenName as string).toUpperCase()} ` }),
      'CONFLICT',
    );
    await refused(
      (q) => q.createEntity({ kind: 'actor', name: 'New One' }, ['-', takenName as string]),
      'BAD_USER_INPUT',
    );
    await refused((q) => q.createEntity({ kind: 'actor', name: '   ' }), 'BAD_USER_INPUT');
    await refused((q) => q.createEntity({ kind: 'actor', name: '-' }), 'BAD_USER_INPUT');
    await refused((q) => q.createEntity({ kind: 'installation', name: 'Far', latitude: 91 }), 'BAD_USER_INPUT');
    await refused((q) => q.createEntity({ kind: 'installation', name: 'Far', longitude: -181 }), 'BAD_USER_INPUT');
    await refused((q) => q.createEntity({ kind: 'installation', name: 'Far', operatorId: MISSING }), 'NOT_FOUND');
    await refused(
      (q) => q.createEntity({ kind: 'installation', name: 'Far', hostCountryId: installations[0]! }),
      'BAD_USER_INPUT',
    );
    const linked = await alike((q) =>
      q.createEntity({
        kind: 'installation',
        name: 'Linked Base',
        operatorId: actors[0]!,
        hostCountryId: actors[1]!,
        latitude: 35.1,
        longitude: 35.9,
        description: 'A base.',
      }),
    );
    expect(linked.id).toBe(made + 2);
    await alike((q) => q.entitiesByIds([linked.id, MISSING, made, actors[0]!, made]));
    await alike((q) => q.entitiesByIds([]));
    for (const name of ['test depot', 'Qal‘at Test Depot’s', 'DEPOT OF TESTS', 'nowhere', '', '  ', "'); --"]) {
      await alike((q) => q.findEntityByAlias(name));
    }
    const after = await alike((q) => q.aliasTotals(before.top));
    expect(after.count).toBeGreaterThan(3);
    await alike((q) => q.allEntityNames(before.top));
    await sameRows('select id, entity_id, name, normalized from aliases order by id');
  });

  it('adds names to an entity: its own again as it is, another’s refused, the transaction still usable', async () => {
    const added = await alike((q) => q.addAlias(made, '  Depot Test Site '));
    expect(await alike((q) => q.addAlias(made, 'depot test site'))).toEqual(added);
    const takenName = sqlite.sqlite.prepare('select name from aliases where entity_id = ?').pluck().get(actors[1]);
    await refused((q) => q.addAlias(made, takenName as string), 'CONFLICT');
    await refused((q) => q.addAlias(MISSING, 'Anything'), 'NOT_FOUND');
    await refused((q) => q.addAlias(made, ' - '), 'BAD_USER_INPUT');
    // The refused name spent no id.
    expect((await alike((q) => q.addAlias(actors[0]!, 'Another Name'))).id).toBe(added.id + 1);
    await alike((q) => q.allEntityNames());
    await alike((q) => q.allEntityNames(added.id));
    await alike((q) => q.allEntityNames(MISSING));
    await alike((q) => q.aliasTotals());
    await alike((q) => q.aliasTotals(added.id));
  });

  it('changes the names’ stamp when this connection or another adds a name', async () => {
    const stamps = new Set([await onPostgres.entityNamesStamp()]);
    await onPostgres.addAlias(made, 'Stamp Test One');
    onSqlite.addAlias(made, 'Stamp Test One');
    stamps.add(await onPostgres.entityNamesStamp());
    expect(stamps.size).toBe(2);
    const other = await openPostgres(url!, { migrate: false, max: 1 });
    try {
      const [before] = [await onPostgres.entityNamesStamp()];
      await other.sql`insert into aliases (entity_id, name, normalized) values (${actors[2]!}, 'Elsewhere', 'elsewhere')`;
      expect(await onPostgres.entityNamesStamp()).not.toBe(before);
      await other.sql`delete from aliases where normalized = 'elsewhere'`;
    } finally {
      await other.close();
    }
  });

  let claimIds: number[];
  const CLAIMS = (): NewClaim[] => [
    {
      articleId: first,
      quote: 'the Tartus naval base had received two frigates',
      source: { text: 'Col. Petrov', actorId: actors[0]! },
      about: [
        { entityId: installations[0]!, role: 'location' },
        { entityId: actors[1]! },
        { entityId: installations[0]! },
      ],
      stance: 'affirms',
      eventDate: '2024-12-18',
    },
    {
      articleId: first,
      quote: 'The Ministry denied it',
      start: TEXT.indexOf('The Ministry denied it'),
      end: TEXT.indexOf('The Ministry denied it') + 'The Ministry denied it'.length,
      source: { text: '  The MINISTRY ', count: 2 },
      about: [{ entityId: installations[0]! }, { entityId: made }],
      stance: 'denies',
      hedged: true,
    },
    {
      articleId: second,
      quote: 'SHOW new piers at Tartus',
      source: { text: '', anonymous: true },
      about: [{ entityId: installations[0]! }, { entityId: made, role: 'subject' }],
      stance: 'affirms',
      reviewStatus: 'verified',
    },
    { articleId: second, quote: 'Copied', stance: 'no_comment' },
  ];

  it('stores claims with what they are about, the triggers counting them alike', async () => {
    const before = await countsKeptByTriggers();
    const rows = await alike((q) => q.createClaims(CLAIMS()));
    claimIds = rows.map((row) => row.id);
    expect(claimIds).toEqual([claimIds[0]!, claimIds[0]! + 1, claimIds[0]! + 2, claimIds[0]! + 3]);
    expect(await countsKeptByTriggers()).not.toEqual(before);
    await alike((q) => q.createClaims([]));
    await alike((q) => q.claimsByIds([...claimIds].reverse().concat([MISSING, claimIds[0]!])));
    await alike((q) => q.claimAboutForClaims([...claimIds, MISSING]));
    await alike((q) => q.claimsByIds([]));
    await alike((q) => q.claimAboutForClaims([]));
    await alike((q) => q.claimsOfArticle(first));
    await alike((q) => q.claimsOfArticle(MISSING));
    await sameRows(
      'select claim_id, entity_id, role, said_on, source_key from claim_about order by claim_id, entity_id',
    );
  });

  it('refuses claims as SQLite does, writing none of the batch', async () => {
    const [good] = CLAIMS();
    const bad: Array<[Partial<NewClaim>, string]> = [
      [{ quote: 'not in the text' }, 'BAD_USER_INPUT'],
      [{ start: 1, end: 5 }, 'BAD_USER_INPUT'],
      [{ start: 14 }, 'BAD_USER_INPUT'],
      [{ quote: '  ' }, 'BAD_USER_INPUT'],
      [{ eventDate: '18 Dec' }, 'BAD_USER_INPUT'],
      [{ source: { text: 'x', count: 0 } }, 'BAD_USER_INPUT'],
      [{ articleId: MISSING }, 'NOT_FOUND'],
      [{ about: [{ entityId: MISSING }] }, 'NOT_FOUND'],
      [{ source: { text: 'x', actorId: installations[0]! } }, 'BAD_USER_INPUT'],
      [{ source: { text: 'x', actorId: MISSING } }, 'NOT_FOUND'],
    ];
    for (const [change, code] of bad) await refused((q) => q.createClaims([good!, { ...good!, ...change }]), code);
    await sameRows(
      'select count(*) as n, max(id) as top from claims',
      'select count(*)::int as n, max(id) as top from claims',
    );
  });

  it('stores and replaces claims’ features', async () => {
    await alike((q) => q.claimFeaturesByIds(claimIds));
    await alike((q) =>
      q.saveClaimFeatures([
        { claimId: claimIds[0]!, content: 'a', features: '{"x":1}' },
        { claimId: claimIds[1]!, content: 'b', features: '[]' },
        { claimId: claimIds[0]!, content: 'a2', features: '{"x":2}' },
      ]),
    );
    await alike((q) => q.saveClaimFeatures([{ claimId: claimIds[1]!, content: 'b2', features: '[1]' }]));
    await alike((q) => q.saveClaimFeatures([]));
    expect((await alike((q) => q.claimFeaturesByIds([MISSING, ...claimIds]))).size).toBe(2);
    await alike((q) => q.claimFeaturesByIds([]));
  });

  it('reads claims’ subjects, entities, articles and features in one call, each as its own read', async () => {
    const articleIds = sqlite.sqlite.prepare('select distinct article_id from claims').pluck().all() as number[];
    const context = await alike((q) => q.claimContext([...claimIds, MISSING], [...articleIds, MISSING]));
    expect(context.about.length).toBeGreaterThan(0);
    expect(context.entities.length).toBeGreaterThan(0);
    expect(context.heads).toHaveLength(articleIds.length);
    await alike((q) => q.claimContext([], []));
  });

  const figures = (over: Partial<StatementFigures> = {}): StatementFigures => ({
    firstSaid: '2024-12-20',
    lastSaid: '2024-12-21',
    eventDate: '2024-12-18',
    claims: 2,
    independentSources: 2,
    affirming: 1,
    denying: 1,
    contested: false,
    credibility: 3,
    credibilityReason: 'two sources',
    reliability: 'C',
    ...over,
  });

  it('groups claims into statements, keeping statement_about and its counts as SQLite does', async () => {
    expect(await alike((q) => q.articlesWithUngroupedClaims())).toEqual(expect.arrayContaining([first, second]));
    const one = await alike((q) => q.createStatement('2024-12-20'));
    const two = await alike((q) => q.createStatement('2024-12-21'));
    await statementTables();
    await alike((q) => q.assignClaims([claimIds[0]!, claimIds[1]!, claimIds[2]!], one));
    await alike((q) => q.assignClaims([], one));
    await alike((q) => q.assignClaims([claimIds[3]!], two));
    await alike((q) => q.articlesWithUngroupedClaims());
    await alike((q) => q.claimIdsOfStatements([two, one, MISSING]));
    await alike((q) => q.claimIdsOfStatements([]));
    await alike((q) => q.tellingsOfStatements([one, two, MISSING]));
    await alike((q) => q.tellingsOfStatements([]));
    await alike((q) => q.saveStatementFigures([{ id: one, figures: figures() }]));
    await alike((q) => q.saveStatementFigures([{ id: two, figures: figures({ claims: 1, lastSaid: '2024-12-21' }) }]));
    await alike((q) => q.saveStatementFigures([]));
    await statementTables();
    // Contested now, said later: every row of it refreshed.
    await alike((q) =>
      q.saveStatementFigures([{ id: one, figures: figures({ contested: true, lastSaid: '2024-12-22' }) }]),
    );
    await statementTables();
    // A claim leaves: the entities only it named leave the statement.
    await alike((q) => q.assignClaims([claimIds[0]!], two));
    // Both statements in one call.
    await alike((q) =>
      q.saveStatementFigures([
        { id: one, figures: figures({ contested: true, lastSaid: '2024-12-22' }) },
        { id: two, figures: figures({ claims: 2, lastSaid: '2024-12-20' }) },
      ]),
    );
    await statementTables();
    // Placements of one article in one call: a claim given twice ends in its last statement.
    await alike((q) =>
      q.assignStatements([
        [claimIds[1]!, two],
        [claimIds[2]!, two],
        [claimIds[1]!, one],
      ]),
    );
    await alike((q) => q.assignStatements([]));
    await alike((q) => q.claimIdsOfStatements([one, two]));
    await alike((q) =>
      q.saveStatementFigures([
        { id: one, figures: figures({ claims: 1 }) },
        { id: two, figures: figures({ claims: 3, lastSaid: '2024-12-20' }) },
      ]),
    );
    await statementTables();
    for (const entity of [installations[0]!, made, actors[1]!, MISSING]) {
      for (const [since, until, limit] of [
        ['2024-01-01', '2025-01-01', 10],
        ['2024-12-21', '2024-12-21', 10],
        ['2024-01-01', '2025-01-01', 1],
      ] as const) {
        await alike((q) => q.statementsAboutEntity(entity, since, until, limit));
      }
    }
    for (const latest of [1, 3]) await alike((q) => q.candidateStatementRows([two, MISSING, one, two], latest));
    await alike((q) => q.candidateStatementRows([], 3));
  });

  it('records contradictions both ways round, and deletes a statement left empty with what hangs on it', async () => {
    const [two, one] = sqlite.sqlite.prepare('select id from statements order by id desc limit 2').pluck().all() as [
      number,
      number,
    ];
    const third = await alike((q) => q.createStatement('2024-12-19'));
    await alike((q) => q.recordConflict(one, two, 'affirms and denies'));
    await alike((q) => q.recordConflict(one, two, 'still'));
    await alike((q) => q.recordConflict(third, one, 'third'));
    await alike((q) => q.recordConflict(third, third, 'itself'));
    await alike((q) => q.conflictsOf([third, one, two, MISSING]));
    await alike((q) => q.conflictsOf([]));
    await alike((q) => q.candidateStatementRows([one, third], 2));
    expect(await alike((q) => q.deleteStatementIfEmpty(one))).toBe(false);
    expect(await alike((q) => q.deleteStatementIfEmpty(MISSING))).toBe(false);
    expect(await alike((q) => q.deleteStatementIfEmpty(third))).toBe(true);
    await statementTables();
    // Its claims moved away, a statement goes with its entities' rows and its counts.
    await alike((q) => q.assignClaims(claimIds, one));
    await alike((q) => q.saveStatementFigures([{ id: one, figures: figures({ claims: 4, contested: true }) }]));
    expect(await alike((q) => q.deleteStatementIfEmpty(two))).toBe(true);
    await statementTables();
    await alike((q) => q.conflictsOf([one, two]));
  });

  it('counts claims’ terms, the total in the row of the empty term, and reads grades', async () => {
    await alike((q) => q.termCountsOf(['tartus', 'frigate', 'nothing']));
    await alike((q) =>
      q.addTermCounts(
        2,
        new Map([
          ['tartus', 2],
          ['frigate', 1],
        ]),
      ),
    );
    await alike((q) => q.addTermCounts(0, new Map([['ignored', 5]])));
    await alike((q) =>
      q.addTermCounts(
        1,
        new Map([
          ['tartus', 1],
          ['', 1],
        ]),
      ),
    );
    await alike((q) => q.addTermCounts(1, new Map()));
    expect((await alike((q) => q.termCountsOf(['tartus', 'frigate', 'nothing', 'ignored']))).claims).toBeGreaterThan(0);
    await alike((q) => q.termCountsOf([]));
    await sameRows('select term, claims from term_counts order by term');
    await alike((q) => q.reliabilityOf([...actors, MISSING]));
    await alike((q) => q.reliabilityOf([]));
  });

  it('leaves PostgreSQL’s transaction able to commit, with every count as SQLite keeps it', async () => {
    await countsKeptByTriggers();
    await pg.sql`commit`;
    await sameRows('select count(*) as n from claims', 'select count(*)::int as n from claims');
    await sameRows('select count(*) as n from aliases', 'select count(*)::int as n from aliases');
  });

  it('finds a name or text another writer stores at the same moment without a failing statement', async () => {
    // Past the comparisons: the other writer's rows spend ids SQLite never sees.
    const other = await openPostgres(url!, { migrate: false, max: 1 });
    const pause = () => new Promise((resolve) => setTimeout(resolve, 300));
    try {
      await pg.sql`begin`;
      const [next] = await pg.sql<Array<{ id: number }>>`select coalesce(max(id), 0)::int + 1 as id from entities`;
      await other.sql`begin`;
      await other.sql`insert into aliases (entity_id, name, normalized)
        values (${actors[2]!}, 'Raced Name', 'raced name'), (${actors[2]!}, 'Raced Too', 'raced too')`;
      const article = await other.sql<Array<{ id: number }>>`
        insert into articles (title, published_at, text, word_count, content_hash)
        values ('Raced', '2024-12-23', 'Raced text.', 2, ${contentHash('Raced text.')}) returning id`;
      // Each waits for the other writer's transaction, then finds its rows committed.
      const adding = onPostgres.addAlias(made, ' raced NAME ').catch((error: unknown) => error);
      const creating = onPostgres
        .createEntity({ kind: 'actor', name: 'Fresh Actor' }, ['Raced Too'])
        .catch((error: unknown) => error);
      await pause();
      await other.sql`commit`;
      expect(await adding).toMatchObject({ code: 'CONFLICT', details: { entityId: actors[2]! } });
      expect(await creating).toMatchObject({ code: 'CONFLICT', details: { entityId: actors[2]! } });
      expect(await onPostgres.entitiesByIds([next!.id, next!.id + 1])).toEqual([]);
      await other.sql`begin`;
      await other.sql`insert into articles (title, published_at, text, word_count, content_hash)
        values ('Raced again', '2024-12-23', 'Raced again.', 2, ${contentHash('Raced again.')})`;
      const storing = onPostgres
        .createArticle({ title: 'Mine', publishedAt: '2024-12-24', text: 'Raced again.' })
        .catch((error: unknown) => error);
      await pause();
      await other.sql`commit`;
      expect(await storing).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('Raced again') });
      await expect(
        onPostgres.createArticle({ title: 'Mine', publishedAt: '2024-12-24', text: 'Raced text.' }),
      ).rejects.toMatchObject({
        code: 'CONFLICT',
        details: { articleId: article[0]!.id },
      });
      // Nothing failed: the transaction goes on and commits.
      expect((await onPostgres.addAlias(made, 'After The Race')).name).toBe('After The Race');
      await pg.sql`commit`;
    } finally {
      await other.close();
    }
  });
});
