import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type ClaimFilter,
  type Page,
  type SitrepDatabase,
  type SitrepPostgres,
  type StoreReads,
  copySqliteToPostgres,
  createToken,
  openDatabase,
  openPostgres,
  postgresStore,
  revokeToken,
  setSourceReliability,
  sqliteStore,
} from '@sitrep/db';
import { seedDemo } from '@sitrep/demo-data';
import { ENTITY_KINDS, ENTITY_REVIEW_STATUSES, REVIEW_STATUSES, STANCES } from '@sitrep/vocabulary';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresDatabase } from '../helpers/postgres';

/*
 * The rest of the Store contract (the hover's reads are in store.answers-every-hover-read-…): every
 * list the API pages with every filter it takes, and every read by id, answer the same on SQLite
 * and on PostgreSQL filled from it by the real copy. Reads by id promise no order: compared by id.
 */

const url = await postgresDatabase('the Store contract for lists and rows');
const dir = mkdtempSync(join(tmpdir(), 'sitrep-store-lists-'));

const PAGES: Page[] = [
  { limit: 1, offset: 0 },
  { limit: 5, offset: 3 },
  { limit: 100, offset: 0 },
  { limit: 10, offset: 1000 },
];
const MISSING = 999_999;
const HOSTILE = ["'); drop table entities; --", '%', '_', '\\', 'a%b_c\\'];
const DATES = [
  { from: null, to: null },
  { from: '2024-12-10', to: null },
  { from: null, to: '2024-12-12' },
  { from: '2024-12-09', to: '2024-12-11' },
  { from: '', to: '' },
];

const byId = <T>(rows: readonly T[]) => [...rows].sort((a, b) => (a as { id: number }).id - (b as { id: number }).id);

describe.skipIf(!url)('the Store’s lists and rows on SQLite and on PostgreSQL', () => {
  let sqlite: SitrepDatabase;
  let pg: SitrepPostgres;
  let onSqlite: StoreReads;
  let onPostgres: StoreReads;
  let entityIds: number[];
  let statementIds: number[];
  let articleIds: number[];
  let claimIds: number[];
  let actorIds: number[];
  let secrets: string[];

  async function alike<T>(read: (store: StoreReads) => T | Promise<T>, sort: (value: T) => T = (v) => v) {
    const now = read(onSqlite);
    expect(now).not.toBeInstanceOf(Promise);
    const later = await read(onPostgres);
    expect(sort(later)).toStrictEqual(sort(now as T));
    return now as T;
  }

  const column = <T>(query: string) => sqlite.sqlite.prepare(query).pluck().all() as T[];

  beforeAll(async () => {
    sqlite = openDatabase(join(dir, 'kb.db'));
    seedDemo(sqlite);
    actorIds = column<number>("select id from entities where kind = 'actor' order by id");
    const live = createToken(sqlite, 'write', 'desk');
    const revoked = createToken(sqlite, 'read', 'gone');
    revokeToken(sqlite, revoked.token.id);
    setSourceReliability(sqlite, actorIds[0]!, 'B', live.token.id, 'checked');
    setSourceReliability(sqlite, actorIds[0]!, 'A', null, null);
    // The demo has no copies: three articles made one story, as ingest records a wire report's copies.
    const [story, ...copies] = column<number>('select id from articles order by id limit 3');
    sqlite.sqlite.prepare('update articles set story_id = ? where id in (?, ?)').run(story, ...copies);
    secrets = [live.secret, revoked.secret, 'no such secret', "' or 1=1 --"];
    pg = await openPostgres(url!);
    await copySqliteToPostgres(sqlite, pg);
    onSqlite = sqliteStore(sqlite);
    onPostgres = postgresStore(pg);
    entityIds = column<number>('select id from entities order by id');
    statementIds = column<number>('select id from statements order by id');
    articleIds = column<number>('select id from articles order by id');
    claimIds = column<number>('select id from claims order by id');
  });
  afterAll(async () => {
    sqlite?.close();
    await pg?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists and counts entities by kind, type, status and any part of a name, hostile text matched literally', async () => {
    const types = column<string>('select distinct coalesce(actor_type, installation_type) from entities where 1');
    const words = ['', 'a', 'base', 'RUSS', 'Hmeimim', 'al-', ...HOSTILE];
    const filters = [
      {},
      ...ENTITY_KINDS.map((kind) => ({ kind })),
      ...ENTITY_REVIEW_STATUSES.map((reviewStatus) => ({ reviewStatus })),
      ...types.filter(Boolean).map((type) => ({ type })),
      ...words.map((nameContains) => ({ nameContains })),
      { kind: 'actor' as const, nameContains: 'a' },
    ];
    let listed = 0;
    for (const filter of filters) {
      listed += await alike((s) => s.countEntities(filter));
      for (const page of PAGES) await alike((s) => s.listEntities(filter, page));
    }
    expect(listed).toBeGreaterThan(entityIds.length);
  });

  it('lists and counts articles by date and by an entity they mention, newest first', async () => {
    for (const mentioning of [null, MISSING, ...entityIds]) {
      for (const range of DATES) {
        const filter = { ...range, mentioning };
        await alike((s) => s.countArticles(filter));
        for (const page of PAGES) await alike((s) => s.listArticles(filter, page));
      }
    }
    expect(await alike((s) => s.countArticles({}))).toBe(articleIds.length);
  });

  it('lists and counts claims by every filter shape, in both orders', async () => {
    const filters: ClaimFilter[] = [
      {},
      ...STANCES.map((stance) => ({ stance })),
      ...REVIEW_STATUSES.map((reviewStatus) => ({ reviewStatus })),
      ...actorIds.map((sourceActor) => ({ sourceActor })),
      ...articleIds.map((articleId) => ({ articleId })),
      ...statementIds.slice(0, 10).map((statementId) => ({ statementId })),
      ...entityIds.flatMap((about) => DATES.map((range) => ({ about, ...range }))),
      ...entityIds.map((about) => ({ about, stance: 'affirms' as const })),
      ...DATES.map((range) => ({ ...range })),
    ];
    let counted = 0;
    for (const filter of filters) {
      counted += await alike((s) => s.countClaims(filter));
      for (const page of PAGES) {
        await alike((s) => s.listClaims(filter, page, 'latest'));
        await alike((s) => s.listClaims(filter, page, 'position'));
      }
    }
    expect(counted).toBeGreaterThan(claimIds.length);
  });

  it('lists mentions by article and by entity in reading order, and statements and timelines by every filter', async () => {
    for (const filter of [
      {},
      ...articleIds.map((articleId) => ({ articleId })),
      ...entityIds.map((entityId) => ({ entityId })),
    ]) {
      await alike((s) => s.countMentions(filter));
      for (const page of PAGES) await alike((s) => s.listMentions(filter, page));
    }
    for (const about of [null, MISSING, ...entityIds]) {
      for (const contested of [null, true, false]) {
        for (const range of DATES) {
          const filter = { about, contested, ...range };
          await alike((s) => s.countStatements(filter));
          for (const page of PAGES) await alike((s) => s.listStatements(filter, page));
        }
      }
      if (about === null) continue;
      for (const range of DATES) {
        await alike((s) => s.countTimeline(about, range));
        for (const page of PAGES) await alike((s) => s.timelineOf(about, range, page));
      }
    }
  });

  it('gives every kind of row by ids, and each article’s copies, statement’s claims and actor’s grades', async () => {
    const asked = <T>(ids: T[]) => [MISSING, ...[...ids].reverse()];
    await alike((s) => s.entityHeadsByIds(asked(entityIds)), byId);
    await alike((s) => s.articleTextsByIds(asked(articleIds)), byId);
    await alike((s) => s.claimsByIds(asked(claimIds)), byId);
    await alike((s) => s.mentionsByIds(asked(column<number>('select id from mentions'))), byId);
    await alike((s) => s.statementsByIds(asked(statementIds)), byId);
    // Claims in no order, each one's subjects in entity order: a stable sort by claim keeps that.
    const about = (rows: Array<{ claimId: number; entityId: number }>) =>
      [...rows].sort((a, b) => a.claimId - b.claimId);
    await alike((s) => s.claimAboutForClaims(asked(claimIds)), about);
    expect((await alike((s) => s.statementAboutFor(asked(statementIds)))).length).toBeGreaterThan(0);
    const copies = await alike((s) => s.copiesOfArticles(asked(articleIds)));
    expect([...copies.values()].some((list) => list.length > 0)).toBe(true);
    await alike((s) => s.claimIdsOfStatements(asked(statementIds)));
    expect((await alike((s) => s.reliabilityOf(asked(actorIds)))).get(actorIds[0]!)).toBe('A');
    expect(await alike((s) => s.reliabilityChanges(asked(actorIds)))).toHaveLength(2);
    await alike((s) => s.entityHeadsByIds([]));
    await alike((s) => s.copiesOfArticles([]));
    await alike((s) => s.claimIdsOfStatements([]));
    await alike((s) => s.reliabilityOf([]));
  });

  it('finds only a live token by its secret, and lists the dictionary and every entity’s names the same way', async () => {
    const found = [];
    for (const secret of secrets) found.push(await alike((s) => s.liveToken(secret)));
    expect(found.map((token) => token?.name)).toEqual(['desk', undefined, undefined, undefined]);
    expect((await alike((s) => s.allAliases())).length).toBeGreaterThan(entityIds.length);
    await alike((s) => s.aliasDictionaryVersion());
    const names = await alike((s) => s.entityNames());
    expect(names).toHaveLength(entityIds.length);
    expect(names.some((entity) => entity.aliases.length > 0)).toBe(true);
  });
});
