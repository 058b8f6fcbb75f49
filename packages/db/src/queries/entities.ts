import { and, asc, count, eq, or, sql, type SQL } from 'drizzle-orm';
import type { SitrepDatabase } from '../database';
import { inJsonIds, preparedOnce } from '../prepared';
import { type EntityKind, type EntityReviewStatus, SitrepError, notFound } from '@sitrep/vocabulary';
import { lookupKeys, normalizeName } from '@sitrep/names';
import type { Page } from '../page';
import { aliases, type AliasRow, type EntityRow, entities } from '../schema';

export type NewEntity = Omit<typeof entities.$inferInsert, 'id' | 'createdAt'>;

export interface EntityFilter {
  kind?: EntityKind | null;
  /** actorType for actors, installationType for installations */
  type?: string | null;
  /** Part of the name or of an alias, matched case-insensitively. */
  nameContains?: string | null;
  /** Only entities with this status: `candidate` lists what ingestion made and no curator has seen. */
  reviewStatus?: EntityReviewStatus | null;
}

export function entitiesByIds(db: SitrepDatabase, ids: readonly number[]): EntityRow[] {
  if (ids.length === 0) return [];
  const statement = preparedOnce(db, 'entities.byIds', () =>
    db.orm.select().from(entities).where(inJsonIds(entities.id)).prepare(),
  );
  return statement.all({ ids: JSON.stringify(ids) });
}

/** What lists of claims mostly ask of the entities they name: their name, and what typing needs. */
export type EntityHead = Pick<EntityRow, 'id' | 'kind' | 'name'>;

/** Entities by id, head only: a page of 50 claims names ~70 entities, and whole rows cost 3× more. */
export function entityHeadsByIds(db: SitrepDatabase, ids: readonly number[]): EntityHead[] {
  if (ids.length === 0) return [];
  const statement = preparedOnce(db, 'entities.headsByIds', () =>
    db.orm
      .select({ id: entities.id, kind: entities.kind, name: entities.name })
      .from(entities)
      .where(inJsonIds(entities.id))
      .prepare(),
  );
  return statement.all({ ids: JSON.stringify(ids) });
}

export function aliasesForEntities(db: SitrepDatabase, entityIds: readonly number[]): AliasRow[] {
  if (entityIds.length === 0) return [];
  const statement = preparedOnce(db, 'aliases.forEntities', () =>
    db.orm.select().from(aliases).where(inJsonIds(aliases.entityId)).orderBy(asc(aliases.id)).prepare(),
  );
  return statement.all({ ids: JSON.stringify(entityIds) });
}

const entityByNormalizedAlias = (db: SitrepDatabase) =>
  preparedOnce(db, 'entities.byAlias', () =>
    db.orm
      .select({ entity: entities })
      .from(aliases)
      .innerJoin(entities, eq(entities.id, aliases.entityId))
      .where(eq(aliases.normalized, sql.placeholder('key')))
      .prepare(),
  );

/** Resolves any alias (case, diacritics, apostrophes, hyphens and a possessive folded) to its entity. */
export function findEntityByAlias(db: SitrepDatabase, name: string): EntityRow | undefined {
  const statement = entityByNormalizedAlias(db);
  for (const key of lookupKeys(name)) {
    if (key === '') continue;
    const row = statement.get({ key });
    if (row) return row.entity;
  }
  return undefined;
}

/** Every alias with its entity's id, name and kind: the dictionary an editor matches text against. */
export function allAliases(
  db: SitrepDatabase,
): Array<{ name: string; entityId: number; kind: EntityKind; primary: boolean }> {
  return db.orm
    .select({
      name: aliases.name,
      entityId: aliases.entityId,
      kind: entities.kind,
      primary: sql<boolean>`${aliases.name} = ${entities.name}`.mapWith(Boolean),
    })
    .from(aliases)
    .innerJoin(entities, eq(entities.id, aliases.entityId))
    .orderBy(asc(aliases.id))
    .all();
}

function entityConditions(filter: EntityFilter): SQL | undefined {
  const conditions: SQL[] = [];
  if (filter.kind) conditions.push(eq(entities.kind, filter.kind));
  if (filter.reviewStatus) conditions.push(eq(entities.reviewStatus, filter.reviewStatus));
  if (filter.type) {
    const typeColumn = or(eq(entities.actorType, filter.type), eq(entities.installationType, filter.type));
    if (typeColumn) conditions.push(typeColumn);
  }
  if (filter.nameContains) {
    // LIKE's own wildcards in user text are escaped so they match literally.
    const pattern = `%${normalizeName(filter.nameContains).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      sql`${entities.id} in (select ${aliases.entityId} from ${aliases} where ${aliases.normalized} like ${pattern} escape '\\')`,
    );
  }
  return and(...conditions);
}

export function listEntities(db: SitrepDatabase, filter: EntityFilter, page: Page): EntityRow[] {
  return db.orm
    .select()
    .from(entities)
    .where(entityConditions(filter))
    .orderBy(asc(entities.name), asc(entities.id))
    .limit(page.limit)
    .offset(page.offset)
    .all();
}

export function countEntities(db: SitrepDatabase, filter: EntityFilter): number {
  return db.orm.select({ n: count() }).from(entities).where(entityConditions(filter)).get()?.n ?? 0;
}

/** The entity with this id (of this kind, when given), or NOT_FOUND / BAD_USER_INPUT. */
export function requireEntity(db: SitrepDatabase, id: number, kind?: EntityKind): EntityRow {
  const [row] = entitiesByIds(db, [id]);
  if (!row) throw notFound(kind ?? 'entity', id);
  if (kind && row.kind !== kind) {
    throw new SitrepError('BAD_USER_INPUT', `Entity ${id} (${row.name}) is an ${row.kind}, not an ${kind}.`, { id });
  }
  return row;
}

/** Checks coordinates and the references an entity makes to other entities before it is written. */
function checkEntity(db: SitrepDatabase, entity: Partial<NewEntity>): void {
  const { latitude, longitude } = entity;
  if (latitude != null && !(latitude >= -90 && latitude <= 90)) {
    throw new SitrepError('BAD_USER_INPUT', `latitude must be between -90 and 90, got ${latitude}.`);
  }
  if (longitude != null && !(longitude >= -180 && longitude <= 180)) {
    throw new SitrepError('BAD_USER_INPUT', `longitude must be between -180 and 180, got ${longitude}.`);
  }
  if (entity.affiliationId != null) requireEntity(db, entity.affiliationId, 'actor');
  if (entity.operatorId != null) requireEntity(db, entity.operatorId, 'actor');
  if (entity.hostCountryId != null) requireEntity(db, entity.hostCountryId, 'actor');
}

/**
 * Creates an entity with its canonical name and extra names as aliases; `reviewStatus` defaults to
 * `confirmed` (a person or curated data), ingestion passes `candidate`.
 * Fails with CONFLICT when any of the names already belongs to another entity.
 */
export function createEntity(db: SitrepDatabase, entity: NewEntity, extraNames: readonly string[] = []): EntityRow {
  const name = entity.name.trim();
  if (name === '') throw new SitrepError('BAD_USER_INPUT', 'An entity needs a non-empty name.');
  checkEntity(db, entity);
  return db.sqlite.transaction(() => {
    const row = insertEntity(db).get({ ...withEveryField(entity), name })!;
    for (const alias of [name, ...extraNames]) addAliasTo(db, row, alias);
    return row;
  })();
}

/** The entity with every optional field present (null where unset): what one prepared insert takes. */
export const withEveryField = (entity: NewEntity) => ({
  ...NO_FIELDS,
  ...entity,
  reviewStatus: entity.reviewStatus ?? 'confirmed',
});

// None of these has a default, so null is what leaving them out would store.
const NO_FIELDS: Required<Omit<NewEntity, 'kind' | 'name' | 'reviewStatus'>> = {
  description: null,
  actorType: null,
  affiliationId: null,
  role: null,
  installationType: null,
  place: null,
  region: null,
  country: null,
  latitude: null,
  longitude: null,
  operatorId: null,
  hostCountryId: null,
};

// Building this insert costs drizzle ~400 µs a call (13 columns, self-references): built once.
const insertEntity = (db: SitrepDatabase) =>
  preparedOnce(db, 'entities.insert', () =>
    db.orm
      .insert(entities)
      .values({
        kind: sql.placeholder('kind'),
        name: sql.placeholder('name'),
        reviewStatus: sql.placeholder('reviewStatus'),
        ...(Object.fromEntries(Object.keys(NO_FIELDS).map((key) => [key, sql.placeholder(key)])) as Record<
          keyof typeof NO_FIELDS,
          ReturnType<typeof sql.placeholder>
        >),
      })
      .returning()
      .prepare(),
  );

/** Adds a name to an entity; adding a name it already has is a no-op. */
export function addAlias(db: SitrepDatabase, entityId: number, name: string): AliasRow {
  return addAliasTo(db, requireEntity(db, entityId), name);
}

const aliasStatements = (db: SitrepDatabase) =>
  preparedOnce(db, 'aliases.add', () => ({
    owner: db.orm
      .select({ alias: aliases, owner: entities.name, ownerKind: entities.kind })
      .from(aliases)
      .innerJoin(entities, eq(entities.id, aliases.entityId))
      .where(eq(aliases.normalized, sql.placeholder('normalized')))
      .prepare(),
    insert: db.orm
      .insert(aliases)
      .values({
        entityId: sql.placeholder('entityId'),
        name: sql.placeholder('name'),
        normalized: sql.placeholder('normalized'),
      })
      .returning()
      .prepare(),
  }));

function addAliasTo(db: SitrepDatabase, entity: EntityRow, name: string): AliasRow {
  const trimmed = name.trim();
  const normalized = normalizeName(trimmed);
  if (normalized === '') throw new SitrepError('BAD_USER_INPUT', 'An alias needs at least one letter or digit.');
  const statements = aliasStatements(db);
  const existing = statements.owner.get({ normalized });
  if (existing) {
    if (existing.alias.entityId === entity.id) return existing.alias;
    throw new SitrepError(
      'CONFLICT',
      `The name “${trimmed}” already belongs to ${existing.owner}; merge the two entities if they are the same.`,
      { entityId: existing.alias.entityId, entityKind: existing.ownerKind },
    );
  }
  const row = statements.insert.get({ entityId: entity.id, name: trimmed, normalized })!;
  namesChanged(db);
  return row;
}

/** What an entity points at: the actor it belongs to, the actor running it, the state it stands in. */
export interface EntityLinks {
  affiliationId: number | null;
  operatorId: number | null;
  hostCountryId: number | null;
}

/** Sets an entity's links (entities made first, linked second: links may point forwards). */
export function setEntityLinks(db: SitrepDatabase, entityId: number, links: EntityLinks): void {
  db.orm.update(entities).set(links).where(eq(entities.id, entityId)).run();
}

/** True when the database holds no entities and no articles: a first start. */
export function isEmpty(db: SitrepDatabase): boolean {
  const row = db.sqlite
    .prepare('select (select count(*) from entities) + (select count(*) from articles) as n')
    .get() as { n: number };
  return row.n === 0;
}

/** A curator confirms or rejects an entity (or sends it back to candidate). */
export function setEntityReviewStatus(db: SitrepDatabase, entityId: number, status: EntityReviewStatus): EntityRow {
  const row = db.orm.update(entities).set({ reviewStatus: status }).where(eq(entities.id, entityId)).returning().get();
  if (!row) throw notFound('entity', entityId);
  return row;
}

export function refuseMergeIntoItself(survivorId: number, mergedId: number): void {
  if (survivorId === mergedId) throw new SitrepError('BAD_USER_INPUT', 'An entity cannot be merged into itself.');
}

export function refuseMergeOfKinds(survivor: EntityRow, merged: EntityRow): void {
  if (survivor.kind === merged.kind) return;
  throw new SitrepError(
    'BAD_USER_INPUT',
    `Cannot merge ${merged.kind} “${merged.name}” into ${survivor.kind} “${survivor.name}”: kinds differ.`,
  );
}

/** What the survivor of a merge takes from the merged entity where it has nothing (its references, unless to itself). */
export function mergeFill(survivor: EntityRow, merged: EntityRow): Partial<NewEntity> {
  const fill: Partial<NewEntity> = {};
  for (const key of [
    'description',
    'actorType',
    'role',
    'installationType',
    'place',
    'region',
    'country',
    'latitude',
    'longitude',
  ] as const) {
    if (survivor[key] == null && merged[key] != null) Object.assign(fill, { [key]: merged[key] });
  }
  for (const key of ['affiliationId', 'operatorId', 'hostCountryId'] as const) {
    const value = merged[key];
    if (survivor[key] == null && value != null && value !== survivor.id) Object.assign(fill, { [key]: value });
  }
  return fill;
}

/**
 * Folds `mergedId` into `survivorId`: aliases, mentions, claims (about and as source) and
 * references from other entities move to the survivor, empty fields of the survivor are
 * filled from the merged entity, and the merged entity is deleted. One transaction. The survivor
 * keeps its review status: merging a candidate into a confirmed entity neither demotes it nor
 * confirms anything else.
 */
export function mergeEntities(db: SitrepDatabase, survivorId: number, mergedId: number): EntityRow {
  refuseMergeIntoItself(survivorId, mergedId);
  const survivor = requireEntity(db, survivorId);
  const merged = requireEntity(db, mergedId);
  refuseMergeOfKinds(survivor, merged);
  const run = db.sqlite.prepare.bind(db.sqlite);
  return db.sqlite.transaction(() => {
    run('update aliases set entity_id = ? where entity_id = ?').run(survivorId, mergedId);
    run('update mentions set entity_id = ? where entity_id = ?').run(survivorId, mergedId);
    // A claim about both keeps one row, the survivor's.
    run(
      `insert or ignore into claim_about (claim_id, entity_id, role, said_on, source_key)
       select claim_id, ?, role, said_on, source_key from claim_about where entity_id = ?`,
    ).run(survivorId, mergedId);
    run('delete from claim_about where entity_id = ?').run(mergedId);
    run('update claims set source_actor_id = ? where source_actor_id = ?').run(survivorId, mergedId);
    for (const column of ['affiliation_id', 'operator_id', 'host_country_id']) {
      // column names come from the fixed list above, never from input
      run(`update entities set ${column} = ? where ${column} = ? and id <> ?`).run(survivorId, mergedId, survivorId);
      run(`update entities set ${column} = null where id = ? and ${column} = ?`).run(survivorId, survivorId);
    }
    const fill = mergeFill(survivor, merged);
    if (Object.keys(fill).length > 0) db.orm.update(entities).set(fill).where(eq(entities.id, survivorId)).run();
    db.orm.delete(entities).where(eq(entities.id, mergedId)).run();
    namesChanged(db);
    return requireEntity(db, survivorId);
  })();
}

/** Changes whenever a name is added, moved or removed: lets a client skip refetching the dictionary. */
export function aliasDictionaryVersion(db: SitrepDatabase): string {
  const row = db.sqlite
    .prepare('select count(*) as n, coalesce(max(id), 0) as top, coalesce(sum(entity_id), 0) as owners from aliases')
    .get() as { n: number; top: number; owners: number };
  return `${row.n}.${row.top}.${row.owners}`;
}

/** An entity with every name it goes by: what a knowledge base of names is built from. */
export interface EntityNames {
  id: number;
  kind: EntityKind;
  name: string;
  /** actorType for actors, installationType for installations. */
  type: string | null;
  /** Its other names, in the order they were added (the canonical name not repeated). */
  aliases: string[];
}

type EntityNameRow = [id: number, kind: EntityKind, name: string, type: string | null];
const ENTITY_NAME_COLUMNS = "id, kind, name, case kind when 'actor' then actor_type else installation_type end";

/**
 * Every entity with its kind, type and names, by id; with `afterAliasId`, only the entities with a
 * name added after that alias, and only those names (a knowledge base brought up to date).
 */
export function allEntityNames(db: SitrepDatabase, afterAliasId = 0): EntityNames[] {
  // Hand-prepared: drizzle's row mapping doubled the time of reading 60,000 names.
  const statements = preparedOnce(db, 'entities.allNames', () => ({
    entities: db.sqlite.prepare<[], EntityNameRow>(`select ${ENTITY_NAME_COLUMNS} from entities order by id`),
    entitiesSince: db.sqlite.prepare<[number], EntityNameRow>(
      `select ${ENTITY_NAME_COLUMNS} from entities where id in (select entity_id from aliases where id > ?) order by id`,
    ),
    aliases: db.sqlite.prepare<[number], [number, string]>(
      'select entity_id, name from aliases where id > ? order by id',
    ),
  }));
  // One snapshot: another connection's commit between the two reads would split an entity from its names.
  return db.sqlite.transaction(() => {
    const byId = new Map<number, EntityNames>();
    const rows =
      afterAliasId === 0 ? statements.entities.raw().all() : statements.entitiesSince.raw().all(afterAliasId);
    for (const [id, kind, name, type] of rows) {
      byId.set(id, { id, kind, name, type, aliases: [] });
    }
    for (const [entityId, name] of statements.aliases.raw().all(afterAliasId)) {
      const entity = byId.get(entityId);
      if (entity && name !== entity.name) entity.aliases.push(name);
    }
    return [...byId.values()];
  })();
}

/** How many names, their largest id and the sum of their owners' ids: after `afterAliasId`, or all. */
export interface AliasTotals {
  count: number;
  top: number;
  owners: number;
}

export function aliasTotals(db: SitrepDatabase, afterAliasId = 0): AliasTotals {
  const statement = preparedOnce(db, 'aliases.totals', () =>
    db.sqlite.prepare<[number], AliasTotals>(
      'select count(*) as count, coalesce(max(id), 0) as top, coalesce(sum(entity_id), 0) as owners from aliases where id > ?',
    ),
  );
  return statement.get(afterAliasId)!;
}

/** Names written through this process's connection, per connection: createEntity, addAlias, mergeEntities. */
const namesWritten = new WeakMap<object, number>();

function namesChanged(db: SitrepDatabase): void {
  namesWritten.set(db.sqlite, (namesWritten.get(db.sqlite) ?? 0) + 1);
}

/**
 * Changes whenever entities or names may have changed, reading no table: this connection wrote a
 * name, or another connection committed something (SQLite's data_version). When it changes,
 * aliasDictionaryVersion tells whether the names really did.
 */
export function entityNamesStamp(db: SitrepDatabase): string {
  const dataVersion = db.sqlite.pragma('data_version', { simple: true }) as number;
  return `${dataVersion}.${namesWritten.get(db.sqlite) ?? 0}`;
}
