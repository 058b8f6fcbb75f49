import { asc } from 'drizzle-orm';
import type { SitrepPostgres } from '../../postgres';
import { articles, claimAbout, claimFeatures, claims, entities } from '../../pg/schema';
import { type NewClaim, checkClaim, checkClaimEntityKinds, claimBatch, claimEntityIds } from '../../queries/claims';
import type { ClaimFeaturesRow, ClaimRow } from '../../schema';
import type { Asynchronous } from '../reads';
import type { IngestQueries } from '../writes';
import { anyId, idArray } from './bind';
import { claimLists } from './claim-lists';
import { claimColumns } from './columns';

type ClaimQueries = Pick<
  IngestQueries,
  | 'createClaims'
  | 'claimsByIds'
  | 'claimAboutForClaims'
  | 'claimsOfArticle'
  | 'claimFeaturesByIds'
  | 'saveClaimFeatures'
>;

/** queries/claims.ts and claim-features.ts as an ingest writes them, on PostgreSQL. */
export function ingestClaims(db: SitrepPostgres): Asynchronous<ClaimQueries> {
  const { orm, sql: client } = db;
  const lists = claimLists(db);
  // What createClaims reads of the claims' articles: not their whole rows.
  const articlesOf = orm
    .select({ id: articles.id, text: articles.text, publishedAt: articles.publishedAt, outlet: articles.outlet })
    .from(articles)
    .where(anyId(articles.id))
    .prepare('ingest_articles_of_claims');
  const kinds = orm
    .select({ id: entities.id, kind: entities.kind })
    .from(entities)
    .where(anyId(entities.id))
    .prepare('ingest_entity_kinds');
  // In id order, and each claim's subjects by entity: the orders SQLite's look-ups by key give.
  const byIds = orm
    .select(claimColumns)
    .from(claims)
    .where(anyId(claims.id))
    .orderBy(asc(claims.id))
    .prepare('ingest_claims_by_ids');
  const abouts = orm
    .select()
    .from(claimAbout)
    .where(anyId(claimAbout.claimId))
    .orderBy(asc(claimAbout.claimId), asc(claimAbout.entityId))
    .prepare('ingest_claim_about_for_claims');
  const features = orm
    .select()
    .from(claimFeatures)
    .where(anyId(claimFeatures.claimId))
    .orderBy(asc(claimFeatures.claimId))
    .prepare('ingest_claim_features_by_ids');

  /** Every entity the claims name exists, and every source is an actor: one query for the whole batch. */
  async function checkClaimEntities(batch: readonly NewClaim[]): Promise<void> {
    const named = claimEntityIds(batch);
    const found = await kinds.execute({ ids: idArray([...named.ids]) });
    checkClaimEntityKinds(named, new Map(found.map((e) => [e.id, e.kind])));
  }

  return {
    async createClaims(batch) {
      if (batch.length === 0) return [];
      batch.forEach(checkClaim);
      const articleIds = [...new Set(batch.map((c) => c.articleId))];
      const byId = new Map((await articlesOf.execute({ ids: idArray(articleIds) })).map((a) => [a.id, a]));
      // Quotes are found before the entities are checked: a claim's first error is its own.
      const batchRows = claimBatch(batch, byId, new Date().toISOString());
      await checkClaimEntities(batch);
      const { values } = batchRows;
      // What each claim is about, by its place in the batch (1, 2, …) until the insert gives ids.
      const about = batch.flatMap((_, i) => batchRows.about(i, i + 1));
      // The claims and what they are about in one statement, all or none (SQLite's savepoint):
      // ids rise in the batch's order, so the nth id is the nth claim's. The triggers keep the
      // entities' stats and sources from claim_about, as on SQLite.
      const added = await client<Array<{ id: number }>>`
        with added as (
          insert into claims (article_id, quote, start, "end", source_text, source_actor_id, source_count,
            source_anonymous, stance, hedged, event_date, said_on, review_status, created_at)
          select (c ->> 'articleId')::int, c ->> 'quote', (c ->> 'start')::int, (c ->> 'end')::int,
            c ->> 'sourceText', (c ->> 'sourceActorId')::int, (c ->> 'sourceCount')::int,
            (c ->> 'sourceAnonymous')::boolean, c ->> 'stance', (c ->> 'hedged')::boolean, c ->> 'eventDate',
            c ->> 'saidOn', c ->> 'reviewStatus', c ->> 'createdAt'
            from jsonb_array_elements(${JSON.stringify(values)}::jsonb) with ordinality as j(c, n)
           order by n
          returning id
        ), numbered as (
          select id, row_number() over (order by id) as n from added
        ), about as (
          insert into claim_about (claim_id, entity_id, role, said_on, source_key)
          select numbered.id, (a ->> 1)::int, a ->> 2, a ->> 3, a ->> 4
            from jsonb_array_elements(${JSON.stringify(about)}::jsonb) as a
            join numbered on numbered.n = (a ->> 0)::int
        )
        select id from numbered order by n`;
      return values.map((value, i): ClaimRow => ({ id: added[i]!.id, ...value, statementId: null }));
    },
    claimsByIds: async (ids) => (ids.length === 0 ? [] : byIds.execute({ ids: idArray(ids) })),
    claimAboutForClaims: async (ids) => (ids.length === 0 ? [] : abouts.execute({ ids: idArray(ids) })),
    claimsOfArticle: (articleId) => lists.listClaims({ articleId }, { limit: 100_000, offset: 0 }, 'position'),
    async claimFeaturesByIds(ids) {
      if (ids.length === 0) return new Map<number, ClaimFeaturesRow>();
      return new Map((await features.execute({ ids: idArray(ids) })).map((row) => [row.claimId, row]));
    },
    async saveClaimFeatures(rows) {
      if (rows.length === 0) return;
      // SQLite's `insert or replace` keeps the last row for a claim given twice; PostgreSQL's upsert
      // may not touch a row twice in one statement, so only that last row is sent.
      const last = new Map(rows.map((r) => [r.claimId, [r.claimId, r.content, r.features] as const]));
      await client`
        insert into claim_features (claim_id, content, features)
        select (r ->> 0)::int, r ->> 1, r ->> 2 from jsonb_array_elements(${JSON.stringify([...last.values()])}::jsonb) as r
        on conflict (claim_id) do update set content = excluded.content, features = excluded.features`;
    },
  };
}
