import { asc, eq, sql } from 'drizzle-orm';
import type { SitrepPostgres } from '../../postgres';
import { aliases, entities } from '../../pg/schema';
import type { EntityNames } from '../../queries/entities';
import type { Asynchronous } from '../reads';
import type { ListReads } from '../reads-more';
import type { NameReads } from './lists';

// The entity's type: an actor's or an installation's, as SQLite's allEntityNames reads it.
const type = sql<
  string | null
>`case ${entities.kind} when 'actor' then ${entities.actorType} else ${entities.installationType} end`;

/** Every name: the editor's dictionary, its version, and what a knowledge base is built from. */
export function nameReads({ orm }: SitrepPostgres): Asynchronous<Pick<ListReads, NameReads>> {
  const dictionary = orm
    .select({
      name: aliases.name,
      entityId: aliases.entityId,
      kind: entities.kind,
      primary: sql<boolean>`${aliases.name} = ${entities.name}`,
    })
    .from(aliases)
    .innerJoin(entities, eq(entities.id, aliases.entityId))
    .orderBy(asc(aliases.id))
    .prepare('store_all_aliases');
  const version = orm
    .select({
      n: sql<number>`count(*)::int`,
      top: sql<number>`coalesce(max(${aliases.id}), 0)::int`,
      owners: sql<string>`coalesce(sum(${aliases.entityId}), 0)::text`,
    })
    .from(aliases)
    .prepare('store_alias_dictionary_version');

  return {
    async entityNames() {
      // One snapshot, as on SQLite: a commit between the two reads would split an entity from its names.
      const [rows, names] = await orm.transaction(
        (tx) =>
          Promise.all([
            tx
              .select({ id: entities.id, kind: entities.kind, name: entities.name, type })
              .from(entities)
              .orderBy(asc(entities.id)),
            tx.select({ entityId: aliases.entityId, name: aliases.name }).from(aliases).orderBy(asc(aliases.id)),
          ]),
        { isolationLevel: 'repeatable read', accessMode: 'read only' },
      );
      const byId = new Map<number, EntityNames>(rows.map((row) => [row.id, { ...row, aliases: [] }]));
      for (const { entityId, name } of names) {
        const entity = byId.get(entityId);
        if (entity && name !== entity.name) entity.aliases.push(name);
      }
      return [...byId.values()];
    },
    allAliases: () => dictionary.execute(),
    async aliasDictionaryVersion() {
      const [row] = await version.execute();
      return `${row?.n ?? 0}.${row?.top ?? 0}.${row?.owners ?? 0}`;
    },
  };
}
