import { thenMaybe } from '@sitrep/db';
import type { EntityKind } from '@sitrep/vocabulary';
import { builder } from '../builder';
import { encodeGlobalId, entityTypename } from '../global-id';
import { EntityKindEnum } from './enums';

interface Entry {
  name: string;
  entityId: number;
  kind: EntityKind;
  primary: boolean;
}

const DictionaryEntryRef = builder.objectRef<Entry>('DictionaryEntry').implement({
  description: 'One name and the entity it stands for.',
  fields: (t) => ({
    name: t.exposeString('name'),
    entity: t.id({
      description: 'The global ID of the Actor or Installation.',
      resolve: (e) => encodeGlobalId(entityTypename(e), e.entityId),
    }),
    kind: t.expose('kind', { type: EntityKindEnum }),
    primary: t.exposeBoolean('primary', {
      description: "Whether this is the entity's own name, rather than one of its other names.",
    }),
  }),
});

const AliasDictionaryRef = builder.objectRef<{ version: string }>('AliasDictionary').implement({
  description: 'Every name the knowledge base knows, for editors that find names in text.',
  fields: (t) => ({
    version: t.exposeString('version', {
      description: 'Changes whenever a name is added, moved or removed; ask for it alone to see if a refetch is due.',
    }),
    entries: t.field({
      type: [DictionaryEntryRef],
      // One flat list, fetched rarely: it costs what a page would, not ten per entry.
      complexity: { field: 10, multiplier: 1 },
      resolve: (_d, _args, ctx) => ctx.store.allAliases(),
    }),
  }),
});

builder.queryFields((t) => ({
  aliasDictionary: t.field({
    type: AliasDictionaryRef,
    resolve: (_root, _args, ctx) => thenMaybe(ctx.store.aliasDictionaryVersion(), (version) => ({ version })),
  }),
}));
