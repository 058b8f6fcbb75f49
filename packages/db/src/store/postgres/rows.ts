import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { ReliabilityGrade } from '@sitrep/vocabulary';
import type { SitrepPostgres } from '../../postgres';
import {
  apiTokens,
  articles,
  claimAbout,
  claims,
  entities,
  mentions,
  sourceReliability,
  sourceReliabilityChanges,
  statementAbout,
  statements,
} from '../../pg/schema';
import type { ArticleHead } from '../../queries/articles';
import { hashToken } from '../../queries/tokens';
import type { Asynchronous } from '../reads';
import type { RowReads } from '../reads-more';
import { anyId, idArray } from './bind';
import { articleHeadColumns, claimColumns, entityHeadColumns } from './columns';

/** Rows by id, and their children: one prepared statement each, the ids bound as one `int[]`. */
export function rowReads({ orm }: SitrepPostgres): Asynchronous<RowReads> {
  const byIds =
    <R>(statement: { execute(values: { ids: string }): Promise<R[]> }) =>
    async (ids: readonly number[]): Promise<R[]> =>
      ids.length === 0 ? [] : statement.execute({ ids: idArray(ids) });

  const heads = orm
    .select(entityHeadColumns)
    .from(entities)
    .where(anyId(entities.id))
    .prepare('store_entity_heads_by_ids');
  const texts = orm
    .select({ id: articles.id, text: articles.text })
    .from(articles)
    .where(anyId(articles.id))
    .prepare('store_article_texts_by_ids');
  // Each asked article with the other articles of its story (the first article's id is the story's).
  const copies = orm
    .select({ articleId: sql<number>`asked.id`, copy: articleHeadColumns })
    .from(
      sql`(select a.id, coalesce(a.story_id, a.id) as story from ${articles} a
            where a.id = any(${sql.placeholder('ids')}::int[])) as asked`,
    )
    .innerJoin(
      articles,
      sql`(${articles.id} = asked.story or ${articles.storyId} = asked.story) and ${articles.id} <> asked.id`,
    )
    .orderBy(sql`asked.id`, asc(articles.id))
    .prepare('store_copies_of_articles');
  const claimRows = orm.select(claimColumns).from(claims).where(anyId(claims.id)).prepare('store_claims_by_ids');
  // Each claim's subjects by entity id: the order SQLite's look-up through the (claim, entity) key gives.
  const abouts = orm
    .select()
    .from(claimAbout)
    .where(anyId(claimAbout.claimId))
    .orderBy(asc(claimAbout.claimId), asc(claimAbout.entityId))
    .prepare('store_claim_about_for_claims');
  const mentionRows = orm.select().from(mentions).where(anyId(mentions.id)).prepare('store_mentions_by_ids');
  const statementRows = orm.select().from(statements).where(anyId(statements.id)).prepare('store_statements_by_ids');
  const statementAbouts = orm
    .select({ statementId: statementAbout.statementId, entityId: statementAbout.entityId })
    .from(statementAbout)
    .where(anyId(statementAbout.statementId))
    .orderBy(asc(statementAbout.statementId), asc(statementAbout.entityId))
    .prepare('store_statement_about_for');
  const claimIds = orm
    .select({ statementId: claims.statementId, id: claims.id })
    .from(claims)
    .where(anyId(claims.statementId))
    .orderBy(asc(claims.statementId), asc(claims.saidOn), asc(claims.id))
    .prepare('store_claim_ids_of_statements');
  const grades = orm
    .select({ entityId: sourceReliability.entityId, grade: sourceReliability.grade })
    .from(sourceReliability)
    .where(anyId(sourceReliability.entityId))
    .prepare('store_reliability_of');
  const changes = orm
    .select()
    .from(sourceReliabilityChanges)
    .where(anyId(sourceReliabilityChanges.entityId))
    .orderBy(desc(sourceReliabilityChanges.id))
    .prepare('store_reliability_changes');
  const token = orm
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, sql.placeholder('hash')), isNull(apiTokens.revokedAt)))
    .prepare('store_live_token');

  return {
    entityHeadsByIds: byIds(heads),
    articleTextsByIds: byIds(texts),
    async copiesOfArticles(ids) {
      const result = new Map<number, ArticleHead[]>(ids.map((id) => [id, []]));
      if (ids.length === 0) return result;
      for (const row of await copies.execute({ ids: idArray(ids) })) result.get(row.articleId)?.push(row.copy);
      return result;
    },
    claimsByIds: byIds(claimRows),
    claimAboutForClaims: byIds(abouts),
    mentionsByIds: byIds(mentionRows),
    statementsByIds: byIds(statementRows),
    statementAboutFor: byIds(statementAbouts),
    async claimIdsOfStatements(ids) {
      const result = new Map<number, number[]>(ids.map((id) => [id, []]));
      if (ids.length === 0) return result;
      for (const row of await claimIds.execute({ ids: idArray(ids) })) result.get(row.statementId!)?.push(row.id);
      return result;
    },
    async reliabilityOf(ids) {
      if (ids.length === 0) return new Map<number, ReliabilityGrade>();
      return new Map((await grades.execute({ ids: idArray(ids) })).map((row) => [row.entityId, row.grade]));
    },
    reliabilityChanges: byIds(changes),
    async liveToken(secret) {
      const [row] = await token.execute({ hash: hashToken(secret) });
      return row;
    },
  };
}
