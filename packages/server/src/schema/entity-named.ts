import { type EntityRow, type MaybePromise, type SitrepDatabase, findEntityByAlias, thenMaybe } from '@sitrep/db';
import { MAX_NAME_CHARS, SitrepError, refuseLongText } from '@sitrep/vocabulary';
import { knowledgeOf, knownEntityNamed } from '@sitrep/ingest';
import { ENTITY_TYPENAMES, rowIdOf } from '../global-id';
import type { ServerStore } from '../store';

/**
 * The entity called `name`: an exact alias first (one indexed look-up); else the knowledge base of
 * names that ingestion links with, so the API, ingestion and the editor agree on what a name is.
 */
export const entityNamedOnSqlite = (db: SitrepDatabase, name: string): EntityRow | undefined =>
  findEntityByAlias(db, name) ?? knownEntityNamed(db, knowledgeOf(db), name);

/**
 * The row id of the entity a filter names by ID (`field`) or by name (`${field}Name`), or null if
 * it names none. A name of nothing is an error, not an empty list: a misspelt name must not read
 * as "nobody said anything about it".
 */
export function filterEntityId(
  store: ServerStore,
  field: string,
  id: { typename: string; id: string } | null | undefined,
  name: string | null | undefined,
): MaybePromise<number | null> {
  if (id && name != null) {
    throw new SitrepError('BAD_USER_INPUT', `Pass either filter.${field} or filter.${field}Name, not both.`);
  }
  if (id) return rowIdOf(id, ENTITY_TYPENAMES, `filter.${field}`);
  if (name == null) return null;
  refuseLongText(`filter.${field}Name`, name, MAX_NAME_CHARS);
  return thenMaybe(store.entityNamed(name), (entity) => {
    if (!entity) {
      throw new SitrepError(
        'NOT_FOUND',
        `filter.${field}Name: no entity is called “${name.slice(0, 80)}”; entities(filter: { nameContains: "…" }) lists those whose names contain a word.`,
        { name: name.slice(0, 80) },
      );
    }
    return entity.id;
  });
}
