import { eq, sql } from 'drizzle-orm';
import { ENTITY_REVIEW_STATUSES, RELIABILITY_GRADES, REVIEW_STATUSES, notFound } from '@sitrep/vocabulary';
import type { SitrepPostgres } from '../../postgres';
import { claims, entities } from '../../pg/schema';
import type { SourceReliabilityChangeRow } from '../../schema';
import type { Asynchronous } from '../reads';
import type { CurationQueries } from '../writes';
import { conflictsAsConflict, idArray } from './bind';
import { claimColumns } from './columns';
import { curationMerge } from './curation-merge';
import { entityReads, requiredEntity } from './entities';

const bound = (name: string) => sql.placeholder(name);

/**
 * What SQLite answers when a value its CHECK constraint refuses reaches it: the same refusal, before
 * any statement, so the caller's transaction stays usable (the types already keep such values out).
 */
const refusedBy = (constraint: string) => new Error(`CHECK constraint failed: ${constraint}`);

/**
 * The curator's queries on PostgreSQL (store/writes.ts): each answers as its SQLite function does
 * (test/postgres/curation-queries.answer-as-sqlite-does.test.ts), every value bound. Like the
 * ingest's, they open no transaction: the caller runs them inside one of its own, on one
 * connection, and where SQLite opens a savepoint (mergeEntities, setSourceReliability) that
 * transaction covers it. What SQLite would refuse is found before anything is written, so a refusal
 * leaves the transaction usable.
 */
export function postgresCurationQueries(db: SitrepPostgres): Asynchronous<CurationQueries> {
  const { orm, sql: client } = db;
  const reads = entityReads(db);
  const entityStatus = orm
    .update(entities)
    .set({ reviewStatus: sql`${bound('status')}` })
    .where(eq(entities.id, bound('id')))
    .returning()
    .prepare('curation_set_entity_review_status');
  const claimStatus = orm
    .update(claims)
    .set({ reviewStatus: sql`${bound('status')}` })
    .where(eq(claims.id, bound('id')))
    .returning(claimColumns)
    .prepare('curation_set_claim_review_status');

  const requireEntity: Asynchronous<CurationQueries>['requireEntity'] = async (id, kind) =>
    requiredEntity((await reads.entitiesByIds([id]))[0], id, kind);

  return conflictsAsConflict<Asynchronous<CurationQueries>>({
    async isEmpty() {
      const [row] = await client<Array<{ empty: boolean }>>`
        select not exists (select 1 from entities) and not exists (select 1 from articles) as empty`;
      return row!.empty;
    },
    async setEntityLinks(entityId, links) {
      await client`update entities set affiliation_id = ${links.affiliationId}::int,
        operator_id = ${links.operatorId}::int, host_country_id = ${links.hostCountryId}::int
        where id = ${entityId}::int`;
    },
    requireEntity,
    async setEntityReviewStatus(entityId, status) {
      if (!ENTITY_REVIEW_STATUSES.includes(status)) {
        // SQLite's update finds no row to refuse when there is none.
        await requireEntity(entityId);
        throw refusedBy('entities_review_check');
      }
      const [row] = await entityStatus.execute({ id: entityId, status });
      if (!row) throw notFound('entity', entityId);
      return row;
    },
    ...curationMerge(db),
    async setClaimReviewStatus(claimId, status) {
      if (!REVIEW_STATUSES.includes(status)) {
        const [found] = await client`select 1 from claims where id = ${claimId}::int`;
        if (!found) throw notFound('claim', claimId);
        throw refusedBy('claims_review_check');
      }
      const [row] = await claimStatus.execute({ id: claimId, status });
      if (!row) throw notFound('claim', claimId);
      return row;
    },
    async setSourceReliability(entityId, grade, tokenId, note) {
      if (!RELIABILITY_GRADES.includes(grade)) throw refusedBy('source_reliability_grade_check');
      // The actor and the token must exist (SQLite's foreign keys); the actor's row is locked, so a
      // second grade change waits and then records this one as its previous grade.
      const [found] = await client<Array<{ token: boolean }>>`
        select (${tokenId}::int is null or t.id is not null) as token
          from entities e left join api_tokens t on t.id = ${tokenId}::int
         where e.id = ${entityId}::int
           for no key update of e`;
      if (!found?.token) throw new Error('FOREIGN KEY constraint failed');
      // One statement: the previous grade is read before the upsert writes (one snapshot). `set_at =
      // default` stamps the time as the column's default does, in SQLite's text form.
      const [change] = await client<SourceReliabilityChangeRow[]>`
        with previous as (
          select grade from source_reliability where entity_id = ${entityId}::int
        ), graded as (
          insert into source_reliability (entity_id, grade, note, set_by_token_id)
          values (${entityId}::int, ${grade}::text, ${note}::text, ${tokenId}::int)
          on conflict (entity_id) do update set grade = excluded.grade, note = excluded.note,
            set_by_token_id = excluded.set_by_token_id, set_at = default
        )
        insert into source_reliability_changes (entity_id, previous, grade, note, token_id)
        select ${entityId}::int, coalesce((select grade from previous), 'F'), ${grade}::text, ${note}::text,
          ${tokenId}::int
        returning id, entity_id as "entityId", previous, grade, note, token_id as "tokenId", changed_at as "changedAt"`;
      return { ...change! };
    },
    async statementIdsWithSourceActor(actorId) {
      // In SQLite's order: each statement where the actor's claims (by said_on, then id) first reach it.
      const rows = await client<Array<{ id: number }>>`
        select id from (
          select distinct on (statement_id) statement_id as id, said_on, id as claim
            from claims where source_actor_id = ${actorId}::int and statement_id is not null
           order by statement_id, said_on collate "C", id
        ) first_telling
         order by said_on collate "C", claim`;
      return rows.map((row) => row.id);
    },
    async markCurated(ids) {
      if (ids.length === 0) return;
      await client`update statements set curated = true where id = any(${idArray(ids)}::int[])`;
    },
  });
}
