import DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import type {
  AliasRow,
  ArticleHead,
  ClaimAboutRow,
  ClaimRow,
  EntityRow,
  MaybePromise,
  MentionRow,
  Page,
  StatementConflictRow,
  StatementRow,
} from '@sitrep/db';
import type { IndependentSource } from '@sitrep/ingest';
import { notFound } from '@sitrep/vocabulary';
import type { ServerStore } from '../store';
import { asksOnlyForHead, entityHeadLoader } from './entity-heads';

export interface ClaimStats {
  claims: number;
  sources: number;
  latest: string | null;
}

/*
 * Batch functions await the Store's reads: a value on SQLite (awaiting it costs one microtask per
 * batch, not per row), a promise on PostgreSQL.
 */

/** One loader per row kind: `load(id)` resolves to the row or null. */
function byId<Row extends { id: number }>(fetch: (ids: readonly number[]) => MaybePromise<Row[]>) {
  return new DataLoader<number, Row | null>(async (ids) => {
    const rows = new Map((await fetch(ids)).map((row) => [row.id, row]));
    return ids.map((id) => rows.get(id) ?? null);
  });
}

/** Each parent's rows, in the rows' order: every parent a key, an empty list when it has none. */
export function groupRows<Row>(
  parents: readonly number[],
  rows: readonly Row[],
  parentOf: (row: Row) => number,
): Map<number, Row[]> {
  const groups = new Map<number, Row[]>(parents.map((id) => [id, []]));
  for (const row of rows) groups.get(parentOf(row))?.push(row);
  return groups;
}

/** One loader per child kind: `load(parentId)` resolves to the parent's children, in fetch order. */
function groupedBy<Row>(fetch: (ids: readonly number[]) => MaybePromise<Row[]>, parentOf: (row: Row) => number) {
  return new DataLoader<number, Row[]>(async (ids) => {
    const groups = groupRows(ids, await fetch(ids), parentOf);
    return ids.map((id) => groups.get(id)!);
  });
}

export function createLoaders(store: ServerStore) {
  return {
    entity: byId<EntityRow>((ids) => store.entitiesByIds(ids)),
    entityHead: entityHeadLoader(store),
    /** Articles without their text (see articleText): lists of claims show titles, never texts. */
    article: byId<ArticleHead>((ids) => store.articleHeadsByIds(ids)),
    articleText: byId<{ id: number; text: string }>((ids) => store.articleTextsByIds(ids)),
    /** The other articles of an article's story (copies of one wire report). */
    copies: new DataLoader<number, ArticleHead[]>(async (ids) => {
      const copies = await store.copiesOfArticles(ids);
      return ids.map((id) => copies.get(id) ?? []);
    }),
    claim: byId<ClaimRow>((ids) => store.claimsByIds(ids)),
    mention: byId<MentionRow>((ids) => store.mentionsByIds(ids)),
    statement: byId<StatementRow>((ids) => store.statementsByIds(ids)),
    /** A page of a statement's latest claims; siblings asking the same page are read in one query. */
    statementClaims: new DataLoader<{ statementId: number } & Page, ClaimRow[], string>(
      async (keys) => {
        const pages = new Map<string, Map<number, ClaimRow[]>>();
        for (const { limit, offset } of keys) {
          const page = `${limit}:${offset}`;
          if (pages.has(page)) continue;
          const ids = keys.filter((k) => k.limit === limit && k.offset === offset).map((k) => k.statementId);
          pages.set(page, await store.latestClaimsOfStatements(ids, { limit, offset }));
        }
        return keys.map((k) => pages.get(`${k.limit}:${k.offset}`)!.get(k.statementId) ?? []);
      },
      { cacheKeyFn: (k) => `${k.statementId}:${k.limit}:${k.offset}` },
    ),
    statementAbout: groupedBy(
      (ids) => store.statementAboutFor(ids),
      (row) => row.statementId,
    ),
    /** Who stands behind each statement: computed from its claims, articles and the curators' grades. */
    statementSources: new DataLoader<number, IndependentSource[]>(async (ids) => {
      const sources = await store.statementSources(ids);
      return ids.map((id) => sources.get(id) ?? []);
    }),
    statementConflicts: groupedBy<StatementConflictRow>(
      (ids) => store.statementConflicts(ids),
      (row) => row.statementId,
    ),
    aliases: groupedBy<AliasRow>(
      (ids) => store.aliasesOfEntities(ids),
      (row) => row.entityId,
    ),
    claimAbout: groupedBy<ClaimAboutRow>(
      (ids) => store.claimAboutForClaims(ids),
      (row) => row.claimId,
    ),
    claimStats: new DataLoader<number, ClaimStats>(async (ids) => {
      const stats = new Map((await store.claimStatsOf(ids)).map((s) => [s.entityId, s]));
      return ids.map((id) => stats.get(id) ?? { claims: 0, sources: 0, latest: null });
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/**
 * The entity a field points at: the whole row, or only its head (id, kind, name) when the query
 * asks that field for nothing more, as lists of claims do for their subjects and sources.
 */
export function loadEntity(loaders: Loaders, id: number, info: GraphQLResolveInfo): Promise<EntityRow | null> {
  if (!asksOnlyForHead(info)) return loaders.entity.load(id);
  // A head stands in for the row: the resolvers that will read it read id, kind and name only.
  return loaders.entityHead.load(id) as Promise<EntityRow | null>;
}

/** loadEntity for an entity that must exist (a claim's subject). */
export async function loadEntityOrThrow(loaders: Loaders, id: number, info: GraphQLResolveInfo): Promise<EntityRow> {
  const row = await loadEntity(loaders, id, info);
  if (!row) throw notFound('entity', id);
  return row;
}

/** Loads a row that must exist (it was just written, or a parent points at it). */
export async function loadOrThrow<Row>(loader: DataLoader<number, Row | null>, id: number, what: string): Promise<Row> {
  const row = await loader.load(id);
  if (!row) throw notFound(what, id);
  return row;
}

/** Loads several rows at once (batched into one statement); missing ones are null. */
export function loadEach<Row>(
  loader: DataLoader<number, Row | null>,
  ids: readonly number[],
): Promise<Array<Row | null>> {
  return Promise.all(ids.map((id) => loader.load(id)));
}
