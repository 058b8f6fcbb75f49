import { getTableColumns, sql } from 'drizzle-orm';
import { normalizeName } from '@sitrep/names';
import { type EntityKind, SitrepError } from '@sitrep/vocabulary';
import type { SitrepPostgres } from '../../postgres';
import { entities } from '../../pg/schema';
import { type EntityNames, type NewEntity, withEveryField } from '../../queries/entities';
import type { AliasRow, EntityRow } from '../../schema';
import type { Asynchronous } from '../reads';
import type { IngestQueries } from '../writes';
import { entityReads, requiredEntity } from './entities';

type EntityQueries = Pick<
  IngestQueries,
  | 'entitiesByIds'
  | 'findEntityByAlias'
  | 'createEntity'
  | 'addAlias'
  | 'allEntityNames'
  | 'aliasTotals'
  | 'entityNamesStamp'
>;

/** Names written through these queries, per pool: entityNamesStamp's own part, as SQLite's per connection. */
const namesWritten = new WeakMap<object, number>();

/** Counts a write of names (added, moved to another entity, gone with theirs) through this pool: the stamp moves. */
export function namesChanged({ sql: client }: SitrepPostgres): void {
  namesWritten.set(client, (namesWritten.get(client) ?? 0) + 1);
}

/** Whose a name is when its owner went as soon as it came (two other writers at once). */
const ANOTHER = { entityId: null, ownerKind: null, owner: 'another entity' };

interface Owned {
  id: number;
  entityId: number;
  name: string;
  normalized: string;
  /** The owner's name and kind; null for a name just added. */
  owner: string | null;
  ownerKind: EntityKind | null;
}

/** queries/entities.ts as an ingest writes it, on PostgreSQL; a taken name is found before anything fails. */
export function ingestEntities(db: SitrepPostgres): Asynchronous<EntityQueries> {
  const { orm, sql: client } = db;
  const reads = entityReads(db);

  const fields = Object.keys(withEveryField({ kind: 'actor', name: '' })) as Array<keyof NewEntity>;
  const insertEntity = orm
    .insert(entities)
    .values(
      Object.fromEntries(fields.map((key) => [key, sql.placeholder(key)])) as unknown as typeof entities.$inferInsert,
    )
    .returning(getTableColumns(entities))
    .prepare('ingest_create_entity');

  /** The entity with this id (of this kind, when given), or NOT_FOUND / BAD_USER_INPUT, as requireEntity. */
  async function requireEntity(id: number, kind?: EntityKind): Promise<EntityRow> {
    const [row] = await reads.entitiesByIds([id]);
    return requiredEntity(row, id, kind);
  }

  async function checkEntity(entity: Partial<NewEntity>): Promise<void> {
    const { latitude, longitude } = entity;
    if (latitude != null && !(latitude >= -90 && latitude <= 90)) {
      throw new SitrepError('BAD_USER_INPUT', `latitude must be between -90 and 90, got ${latitude}.`);
    }
    if (longitude != null && !(longitude >= -180 && longitude <= 180)) {
      throw new SitrepError('BAD_USER_INPUT', `longitude must be between -180 and 180, got ${longitude}.`);
    }
    if (entity.affiliationId != null) await requireEntity(entity.affiliationId, 'actor');
    if (entity.operatorId != null) await requireEntity(entity.operatorId, 'actor');
    if (entity.hostCountryId != null) await requireEntity(entity.hostCountryId, 'actor');
  }

  /** The trimmed name and its folded key, or BAD_USER_INPUT when nothing is left to fold. */
  function folded(name: string): { name: string; normalized: string } {
    const trimmed = name.trim();
    const normalized = normalizeName(trimmed);
    if (normalized === '') throw new SitrepError('BAD_USER_INPUT', 'An alias needs at least one letter or digit.');
    return { name: trimmed, normalized };
  }

  const taken = (
    name: string,
    owner: { entityId: number | null; ownerKind: EntityKind | null; owner: string | null },
  ) =>
    new SitrepError(
      'CONFLICT',
      `The name “${name}” already belongs to ${owner.owner}; merge the two entities if they are the same.`,
      { entityId: owner.entityId, entityKind: owner.ownerKind },
    );

  /** The owners of these folded names, by name. */
  async function ownersOf(keys: readonly string[]): Promise<Map<string, Owned>> {
    const rows = await client<Owned[]>`
      select a.id, a.entity_id as "entityId", a.name, a.normalized, e.name as owner, e.kind as "ownerKind"
        from aliases a join entities e on e.id = a.entity_id
       where a.normalized in (select jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb))`;
    return new Map(rows.map((row) => [row.normalized, row]));
  }

  /**
   * Adds the names to the entity, in order, each only if no entity has it: one statement, which
   * spends no id on a name that is taken (SQLite's AUTOINCREMENT would not either).
   */
  const insertAliases = (entityId: number, names: ReadonlyArray<{ name: string; normalized: string }>) =>
    client<Array<AliasRow>>`
      insert into aliases (entity_id, name, normalized)
      select ${entityId}::int, a ->> 'name', a ->> 'normalized'
        from jsonb_array_elements(${JSON.stringify(names)}::jsonb) with ordinality as j(a, n)
       where not exists (select 1 from aliases t where t.normalized = a ->> 'normalized')
       order by n
      on conflict (normalized) do nothing
      returning id, entity_id as "entityId", name, normalized`;

  // A fragment of postgres.js's, made for each statement that embeds it.
  const entityColumns = () =>
    client`id, kind, name, case kind when 'actor' then actor_type else installation_type end as type`;

  return {
    entitiesByIds: reads.entitiesByIds,
    findEntityByAlias: reads.entityByName,
    async createEntity(entity, extraNames = []) {
      const name = entity.name.trim();
      if (name === '') throw new SitrepError('BAD_USER_INPUT', 'An entity needs a non-empty name.');
      await checkEntity(entity);
      // Every name checked first, in SQLite's order: the first bad or taken one is the error.
      const keys = [name, ...extraNames].map((alias) => ({ alias, key: normalizeName(alias.trim()) }));
      const owners = await ownersOf(keys.map(({ key }) => key).filter(Boolean));
      const names = new Map<string, { name: string; normalized: string }>();
      for (const { alias } of keys) {
        const wanted = folded(alias);
        if (names.has(wanted.normalized)) continue;
        const owner = owners.get(wanted.normalized);
        if (owner) throw taken(wanted.name, owner);
        names.set(wanted.normalized, wanted);
      }
      const [row] = await insertEntity.execute({ ...withEveryField(entity), name });
      const added = await insertAliases(row!.id, [...names.values()]);
      if (added.length < names.size) {
        // A name another writer added since it was checked: the entity goes again, as SQLite's
        // savepoint would take it, and the first name now another's is the conflict.
        const now = await ownersOf([...names.keys()]);
        await client`delete from entities where id = ${row!.id}::int`;
        const lost = [...names.values()].find(
          ({ normalized }) => (now.get(normalized)?.entityId ?? row!.id) !== row!.id,
        );
        throw taken(lost?.name ?? name, (lost && now.get(lost.normalized)) || ANOTHER);
      }
      namesChanged(db);
      return row!;
    },
    async addAlias(entityId, name) {
      const entity = await requireEntity(entityId);
      const wanted = folded(name);
      // The name's owner, or the name added when it has none, in one statement.
      const [found] = await client<Array<Owned & { added: boolean }>>`
        with owner as (
          select a.id, a.entity_id as "entityId", a.name, a.normalized, e.name as owner, e.kind as "ownerKind"
            from aliases a join entities e on e.id = a.entity_id
           where a.normalized = ${wanted.normalized}::text
        ), added as (
          insert into aliases (entity_id, name, normalized)
          select ${entity.id}::int, ${wanted.name}::text, ${wanted.normalized}::text
           where not exists (select 1 from owner)
          on conflict (normalized) do nothing
          returning id, entity_id as "entityId", name, normalized
        )
        select *, null::text as owner, null::text as "ownerKind", true as added from added
        union all
        select *, false as added from owner`;
      // None: another writer added it between the look-up and the insert; it is committed now.
      const owner = found ?? (await ownersOf([wanted.normalized])).get(wanted.normalized);
      if (!owner) throw taken(wanted.name, ANOTHER);
      if (owner.entityId !== entity.id) throw taken(wanted.name, owner);
      const { owner: _owner, ownerKind: _kind, added, ...alias } = owner as Owned & { added?: boolean };
      if (added) namesChanged(db);
      return alias;
    },
    async allEntityNames(afterAliasId = 0) {
      // One statement, so one snapshot: a commit between two reads would split an entity from its names.
      const rows = await (afterAliasId === 0
        ? client<EntityNames[]>`
            select ${entityColumns()},
              array(select a.name from aliases a where a.entity_id = e.id and a.name <> e.name order by a.id) as aliases
              from entities e order by id`
        : client<EntityNames[]>`
            select ${entityColumns()},
              array(select a.name from aliases a
                     where a.entity_id = e.id and a.id > ${afterAliasId}::int and a.name <> e.name order by a.id) as aliases
              from entities e where id in (select entity_id from aliases where id > ${afterAliasId}::int) order by id`);
      return [...rows];
    },
    async aliasTotals(afterAliasId = 0) {
      const [row] = await client<Array<{ count: number; top: number; owners: number }>>`
        select count(*)::int as count, coalesce(max(id), 0)::int as top, coalesce(sum(entity_id), 0)::float8 as owners
          from aliases where id > ${afterAliasId}::int`;
      return { ...row! };
    },
    async entityNamesStamp() {
      // SQLite's data_version moves when another connection commits; the snapshot's bounds move
      // when another transaction ends, reading no table. The count covers this pool's own writes.
      const [row] = await client<Array<{ snapshot: string }>>`select pg_current_snapshot()::text as snapshot`;
      return `${row!.snapshot}.${namesWritten.get(client) ?? 0}`;
    },
  };
}
