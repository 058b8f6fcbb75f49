import DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import {
  type AliasRow,
  type ArticleHead,
  type ClaimAboutRow,
  type ClaimRow,
  type EntityRow,
  type MentionRow,
  type Page,
  type SitrepDatabase,
  aliasesForEntities,
  articleHeadsByIds,
  articleTextsByIds,
  claimAboutForClaims,
  claimStatsFor,
  claimsByIds,
  copiesOfArticles,
  entitiesByIds,
  latestClaimsOfStatements,
  mentionsByIds,
  type StatementConflictRow,
  type StatementRow,
  conflictsOf,
  statementAboutFor,
  statementsByIds,
} from '@sitrep/db';
import type { IndependentSource } from '@sitrep/ingest';
import { notFound } from '@sitrep/vocabulary';
import { asksOnlyForHead, entityHeadLoader } from './entity-heads';

export interface ClaimStats {
  claims: number;
  sources: number;
  latest: string | null;
}

/** One loader per row kind: `load(id)` resolves to the row or null. */
function byId<Row extends { id: number }>(fetch: (ids: readonly number[]) => Row[]) {
  return new DataLoader<number, Row | null>(async (ids) => {
    const rows = new Map(fetch(ids).map((row) => [row.id, row]));
    return ids.map((id) => rows.get(id) ?? null);
  });
}

/** One loader per child kind: `load(parentId)` resolves to the parent's children, in fetch order. */
function groupedBy<Row>(fetch: (ids: readonly number[]) => Row[], parentOf: (row: Row) => number) {
  return new DataLoader<number, Row[]>(async (ids) => {
    const groups = new Map<number, Row[]>(ids.map((id) => [id, []]));
    for (const row of fetch(ids)) groups.get(parentOf(row))?.push(row);
    return ids.map((id) => groups.get(id) ?? []);
  });
}

export function createLoaders(db: SitrepDatabase) {
  return {
    entity: byId<EntityRow>((ids) => entitiesByIds(db, ids)),
    entityHead: entityHeadLoader(db),
    /** Articles without their text (see articleText): lists of claims show titles, never texts. */
    article: byId<ArticleHead>((ids) => articleHeadsByIds(db, ids)),
    articleText: byId<{ id: number; text: string }>((ids) => articleTextsByIds(db, ids)),
    /** The other articles of an article's story (copies of one wire report). */
    copies: new DataLoader<number, ArticleHead[]>(async (ids) => {
      const copies = copiesOfArticles(db, ids);
      return ids.map((id) => copies.get(id) ?? []);
    }),
    claim: byId<ClaimRow>((ids) => claimsByIds(db, ids)),
    mention: byId<MentionRow>((ids) => mentionsByIds(db, ids)),
    statement: byId<StatementRow>((ids) => statementsByIds(db, ids)),
    /** A page of a statement's latest claims; siblings asking the same page are read in one query. */
    statementClaims: new DataLoader<{ statementId: number } & Page, ClaimRow[], string>(
      async (keys) => {
        const pages = new Map<string, Map<number, ClaimRow[]>>();
        for (const { limit, offset } of keys) {
          const page = `${limit}:${offset}`;
          if (pages.has(page)) continue;
          const ids = keys.filter((k) => k.limit === limit && k.offset === offset).map((k) => k.statementId);
          pages.set(page, latestClaimsOfStatements(db, ids, { limit, offset }));
        }
        return keys.map((k) => pages.get(`${k.limit}:${k.offset}`)!.get(k.statementId) ?? []);
      },
      { cacheKeyFn: (k) => `${k.statementId}:${k.limit}:${k.offset}` },
    ),
    statementAbout: groupedBy(
      (ids) => statementAboutFor(db, ids),
      (row) => row.statementId,
    ),
    /** Who stands behind each statement: computed from its claims, articles and the curators' grades. */
    statementSources: new DataLoader<number, IndependentSource[]>(async (ids) => {
      // Loaded when first asked: the ingest package is not needed to answer most queries.
      const { sourcesOfStatements } = await import('@sitrep/ingest');
      const sources = sourcesOfStatements(db, ids);
      return ids.map((id) => sources.get(id) ?? []);
    }),
    statementConflicts: groupedBy<StatementConflictRow>(
      (ids) => conflictsOf(db, ids),
      (row) => row.statementId,
    ),
    aliases: groupedBy<AliasRow>(
      (ids) => aliasesForEntities(db, ids),
      (row) => row.entityId,
    ),
    claimAbout: groupedBy<ClaimAboutRow>(
      (ids) => claimAboutForClaims(db, ids),
      (row) => row.claimId,
    ),
    claimStats: new DataLoader<number, ClaimStats>(async (ids) => {
      const stats = new Map(claimStatsFor(db, ids).map((s) => [s.entityId, s]));
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
