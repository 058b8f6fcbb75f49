import { asc, eq } from 'drizzle-orm';
import type { SitrepPostgres } from '../../postgres';
import { entities } from '../../pg/schema';
import { mergeFill, refuseMergeIntoItself, refuseMergeOfKinds } from '../../queries/entities';
import type { Asynchronous } from '../reads';
import type { CurationQueries } from '../writes';
import { anyId, idArray } from './bind';
import { entityReads, requiredEntity } from './entities';
import { namesChanged } from './ingest-entities';

/** queries/entities.ts's mergeEntities on PostgreSQL, statement for statement. */
export function curationMerge(db: SitrepPostgres): Asynchronous<Pick<CurationQueries, 'mergeEntities'>> {
  const { orm, sql: client } = db;
  const reads = entityReads(db);
  // Both rows locked until the caller's transaction ends, as SQLite's write lock would hold them: a
  // second merge of either waits, then finds what this one left (the merged entity gone: NOT_FOUND).
  // `no key update` lets other writers still insert rows that refer to them meanwhile.
  const lockBoth = orm
    .select()
    .from(entities)
    .where(anyId(entities.id))
    .orderBy(asc(entities.id))
    .for('no key update')
    .prepare('curation_lock_merged_entities');

  return {
    async mergeEntities(survivorId, mergedId) {
      refuseMergeIntoItself(survivorId, mergedId);
      const rows = await lockBoth.execute({ ids: idArray([survivorId, mergedId]) });
      const survivor = requiredEntity(
        rows.find((row) => row.id === survivorId),
        survivorId,
      );
      const merged = requiredEntity(
        rows.find((row) => row.id === mergedId),
        mergedId,
      );
      refuseMergeOfKinds(survivor, merged);
      // Nothing below can fail for a reason the checks above did not rule out. The triggers keep
      // entity_claim_stats and entity_sources as SQLite's do: the moved claim_about rows count
      // for the survivor, the claims whose source moves are re-keyed.
      await client`update aliases set entity_id = ${survivorId}::int where entity_id = ${mergedId}::int`;
      await client`update mentions set entity_id = ${survivorId}::int where entity_id = ${mergedId}::int`;
      // A claim about both keeps one row, the survivor's (SQLite's `insert or ignore`).
      await client`
        insert into claim_about (claim_id, entity_id, role, said_on, source_key)
        select claim_id, ${survivorId}::int, role, said_on, source_key from claim_about where entity_id = ${mergedId}::int
        on conflict (claim_id, entity_id) do nothing`;
      await client`delete from claim_about where entity_id = ${mergedId}::int`;
      await client`update claims set source_actor_id = ${survivorId}::int where source_actor_id = ${mergedId}::int`;
      // Other entities' references move to the survivor; the survivor's to itself go (SQLite does
      // this column by column; the columns are independent, so one statement each way).
      await client`
        update entities set
          affiliation_id = case when affiliation_id = ${mergedId}::int then ${survivorId}::int else affiliation_id end,
          operator_id = case when operator_id = ${mergedId}::int then ${survivorId}::int else operator_id end,
          host_country_id = case when host_country_id = ${mergedId}::int then ${survivorId}::int else host_country_id end
        where id <> ${survivorId}::int and ${mergedId}::int in (affiliation_id, operator_id, host_country_id)`;
      await client`
        update entities set
          affiliation_id = nullif(affiliation_id, ${survivorId}::int),
          operator_id = nullif(operator_id, ${survivorId}::int),
          host_country_id = nullif(host_country_id, ${survivorId}::int)
        where id = ${survivorId}::int and ${survivorId}::int in (affiliation_id, operator_id, host_country_id)`;
      // From the rows as they were read, as SQLite fills them.
      const fill = mergeFill(survivor, merged);
      if (Object.keys(fill).length > 0) await orm.update(entities).set(fill).where(eq(entities.id, survivorId));
      // Its statement_about rows go with it, as on SQLite (the cascade; the trigger counts them out):
      // the survivor is about those statements once their figures are saved again.
      await client`delete from entities where id = ${mergedId}::int`;
      namesChanged(db);
      const [row] = await reads.entitiesByIds([survivorId]);
      return requiredEntity(row, survivorId);
    },
  };
}
