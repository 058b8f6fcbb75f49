import { asc, eq, getTableColumns, sql } from 'drizzle-orm';
import { lookupKeys } from '@sitrep/names';
import { type EntityKind, SitrepError, notFound } from '@sitrep/vocabulary';
import type { SitrepPostgres } from '../../postgres';
import { LATEST_CLAIM_OF_STATS_ROW } from '../../queries/claims';
import { aliases, entities, entityClaimStats } from '../../pg/schema';
import type { EntityRow } from '../../schema';
import type { Asynchronous, ClaimStats, StoreReads } from '../reads';
import { anyId, idArray } from './bind';

/** The entity read for `id` (of this kind, when given), or NOT_FOUND / BAD_USER_INPUT, as requireEntity. */
export function requiredEntity(row: EntityRow | undefined, id: number, kind?: EntityKind): EntityRow {
  if (!row) throw notFound(kind ?? 'entity', id);
  if (kind && row.kind !== kind) {
    throw new SitrepError('BAD_USER_INPUT', `Entity ${id} (${row.name}) is an ${row.kind}, not an ${kind}.`, { id });
  }
  return row;
}

type EntityReads = Pick<StoreReads, 'entityByName' | 'entitiesByIds' | 'aliasesOfEntities' | 'claimStatsOf'>;

export function entityReads({ orm }: SitrepPostgres): Asynchronous<EntityReads> {
  // The folded spellings, tried in lookupKeys' order in one query: the first that is an alias wins.
  const byName = orm
    .select(getTableColumns(entities))
    .from(sql`jsonb_array_elements_text(${sql.placeholder('keys')}::jsonb) with ordinality as k(key, n)`)
    .innerJoin(aliases, sql`${aliases.normalized} = k.key`)
    .innerJoin(entities, eq(entities.id, aliases.entityId))
    .orderBy(sql`k.n`)
    .limit(1)
    .prepare('store_entity_by_name');
  const byIds = orm
    .select()
    .from(entities)
    .where(anyId(entities.id))
    .orderBy(asc(entities.id))
    .prepare('store_entities_by_ids');
  const aliasesOf = orm
    .select()
    .from(aliases)
    .where(anyId(aliases.entityId))
    .orderBy(asc(aliases.id))
    .prepare('store_aliases_of_entities');
  const statsOf = orm
    .select({
      entityId: entityClaimStats.entityId,
      claims: entityClaimStats.claims,
      sources: entityClaimStats.sources,
      latest: LATEST_CLAIM_OF_STATS_ROW,
    })
    .from(entityClaimStats)
    .where(anyId(entityClaimStats.entityId))
    .orderBy(asc(entityClaimStats.entityId))
    .prepare('store_claim_stats_of');

  return {
    async entityByName(name) {
      const keys = lookupKeys(name).filter((key) => key !== '');
      if (keys.length === 0) return undefined;
      const [row] = await byName.execute({ keys: JSON.stringify(keys) });
      return row;
    },
    entitiesByIds: async (ids) => (ids.length === 0 ? [] : byIds.execute({ ids: idArray(ids) })),
    aliasesOfEntities: async (ids) => (ids.length === 0 ? [] : aliasesOf.execute({ ids: idArray(ids) })),
    claimStatsOf: async (ids): Promise<ClaimStats[]> =>
      ids.length === 0 ? [] : statsOf.execute({ ids: idArray(ids) }),
  };
}
