import type { EntityRow, SitrepDatabase } from '@sitrep/db';
import DataLoader from 'dataloader';
import { type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';

/** What a claim list mostly asks of the entities it names: their name (and what typing needs). */
export type EntityHead = Pick<EntityRow, 'id' | 'kind' | 'name'>;

// Fields of Entity, Actor and Installation that an EntityHead answers (`id` and the type need kind).
const HEAD_FIELDS = new Set(['id', 'kind', 'name', '__typename']);

const statements = new WeakMap<object, { all(ids: string): unknown[] }>();

function headsByIds(db: SitrepDatabase, ids: readonly number[]): EntityHead[] {
  let statement = statements.get(db.sqlite);
  if (!statement) {
    statement = db.sqlite.prepare<[string]>(
      'select id, kind, name from entities where id in (select value from json_each(?))',
    );
    statements.set(db.sqlite, statement);
  }
  return statement.all(JSON.stringify(ids)) as EntityHead[];
}

/** A per-request loader of entity heads: a page of 50 claims names ~70 entities, whole rows cost 3× more. */
export function entityHeadLoader(db: SitrepDatabase) {
  return new DataLoader<number, EntityHead | null>(async (ids) => {
    const heads = new Map(headsByIds(db, ids).map((head) => [head.id, head]));
    return ids.map((id) => heads.get(id) ?? null);
  });
}

function onlyHeadFields(selectionSet: SelectionSetNode | undefined, info: GraphQLResolveInfo): boolean {
  if (!selectionSet) return true;
  return selectionSet.selections.every((selection) => {
    switch (selection.kind) {
      case Kind.FIELD:
        return HEAD_FIELDS.has(selection.name.value);
      case Kind.INLINE_FRAGMENT:
        return onlyHeadFields(selection.selectionSet, info);
      case Kind.FRAGMENT_SPREAD:
        return onlyHeadFields(info.fragments[selection.name.value]?.selectionSet, info);
    }
  });
}

// The answer depends on the field's place in the document only; graphql-jit hands the same
// fieldNodes to every call of a compiled query.
const answers = new WeakMap<object, boolean>();

/** Whether the query asks this entity field for nothing an EntityHead cannot answer. */
export function asksOnlyForHead(info: GraphQLResolveInfo): boolean {
  let answer = answers.get(info.fieldNodes);
  if (answer === undefined) {
    answer = info.fieldNodes.every((node) => onlyHeadFields(node.selectionSet, info));
    answers.set(info.fieldNodes, answer);
  }
  return answer;
}
