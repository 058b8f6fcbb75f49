import type { EntityHead } from '@sitrep/db';
import DataLoader from 'dataloader';
import { type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';
import { perPlace } from '../selection';
import type { ServerStore } from '../store';

// Fields of Entity, Actor and Installation that an EntityHead answers (`id` and the type need kind).
const HEAD_FIELDS = new Set(['id', 'kind', 'name', '__typename']);

/** A per-request loader of entity heads (id, kind, name). */
export function entityHeadLoader(store: ServerStore) {
  return new DataLoader<number, EntityHead | null>(async (ids) => {
    const heads = new Map((await store.entityHeadsByIds(ids)).map((head) => [head.id, head]));
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

/** Whether the query asks this entity field for nothing an EntityHead cannot answer. */
export const asksOnlyForHead = perPlace((info) =>
  info.fieldNodes.every((node) => onlyHeadFields(node.selectionSet, info)),
);
