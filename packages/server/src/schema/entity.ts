import { type ClaimFilter, thenMaybe } from '@sitrep/db';
import { MAX_NAME_CHARS, SitrepError, refuseLongText } from '@sitrep/vocabulary';
import { builder } from '../builder';
import { writerOf } from '../writer';
import { ENTITY_TYPENAMES, encodeGlobalId, entityTypename, rowIdOf } from '../global-id';
import { loadOrThrow } from '../loaders';
import { offsetConnection } from '../pagination';
import { aheadKey, readAhead, readAheadOr } from '../read-ahead';
import { claimFilterFrom } from './claim-filter';
import { EntityKindEnum, EntityReviewStatusEnum } from './enums';
import { ClaimFilterInput, EntityFilterInput } from './filters';
import { ClaimConnection, ClaimRef, EntityConnection, EntityRef, MentionConnection, MentionRef } from './refs';
import { checkInputText } from './input-text';

const ClaimStatsRef = builder.objectRef<{ claims: number; sources: number; latest: string | null }>('ClaimStats');
ClaimStatsRef.implement({
  description: 'What is known about an entity, in numbers.',
  fields: (t) => ({
    claims: t.exposeInt('claims', { description: 'Claims about the entity.' }),
    sources: t.exposeInt('sources', {
      description: 'Distinct sources of those claims (the outlet’s narrative counts once).',
    }),
    latest: t.expose('latest', { type: 'Date', nullable: true, description: 'Publication date of the latest claim.' }),
  }),
});

EntityRef.implement({
  description: 'An actor or an installation: anything claims can be about.',
  interfaces: [builder.nodeInterfaceRef()],
  resolveType: entityTypename,
  fields: (t) => ({
    id: t.globalID({ resolve: (e) => ({ type: entityTypename(e), id: e.id }) }),
    name: t.exposeString('name', { description: 'The canonical name.' }),
    kind: t.expose('kind', { type: EntityKindEnum }),
    description: t.exposeString('description', { nullable: true }),
    reviewStatus: t.expose('reviewStatus', {
      type: EntityReviewStatusEnum,
      description: 'CANDIDATE until a curator confirms an entity that ingestion created.',
    }),
    aliases: t.stringList({
      description: 'Every name it goes by, the canonical name first.',
      resolve: async (e, _args, ctx) => {
        const names = (await ctx.loaders.aliases.load(e.id)).map((a) => a.name);
        return [e.name, ...names.filter((n) => n !== e.name)];
      },
    }),
    claimStats: t.field({
      type: ClaimStatsRef,
      resolve: (e, _args, ctx) => ctx.loaders.claimStats.load(e.id),
    }),
    claims: t.connection(
      {
        type: ClaimRef,
        description:
          'Claims about this entity, latest first. The filter may not name another entity to be about (`about`, `aboutName`): use `Query.claims` for that.',
        args: { filter: t.arg({ type: ClaimFilterInput }) },
        resolve: (e, args, ctx) => {
          if (args.filter?.about || args.filter?.aboutName != null) {
            throw new SitrepError(
              'BAD_USER_INPUT',
              'Entity.claims lists the claims about this entity; filter.about and filter.aboutName belong to Query.claims.',
            );
          }
          return thenMaybe(claimFilterFrom(ctx.store, args.filter), (asked) => {
            const filter: ClaimFilter = { ...asked, about: e.id };
            // Unfiltered, the page may have been read ahead with the entity.
            const ahead = args.filter == null;
            return offsetConnection(
              args,
              (page) =>
                readAheadOr(ctx, ahead ? aheadKey.claims(e.id, page) : null, () =>
                  ctx.store.listClaims(filter, page, 'latest'),
                ),
              () => readAheadOr(ctx, ahead ? aheadKey.claimCount(e.id) : null, () => ctx.store.countClaims(filter)),
            );
          });
        },
      },
      ClaimConnection,
    ),
    mentions: t.connection(
      {
        type: MentionRef,
        description: 'Where articles name this entity.',
        resolve: (e, args, ctx) =>
          offsetConnection(
            args,
            (page) => ctx.store.listMentions({ entityId: e.id }, page),
            () => ctx.store.countMentions({ entityId: e.id }),
          ),
      },
      MentionConnection,
    ),
  }),
});

builder.queryFields((t) => ({
  entity: t.field({
    type: EntityRef,
    nullable: true,
    description:
      'One entity, by `name` or by `id` (give exactly one). By name: the entity any of whose names is `name`, ignoring case, diacritics, apostrophes, hyphens, a leading “the” and a possessive (“Khmeimim”, “TARTOUS”, “al-Golani”, “Russia’s”), and failing that, transliteration habits as the editor and ingestion fold them (“Hmeymim”, “Tartous”). By id: the Actor or Installation with that ID, as the editor asks. Null when none is.',
    args: {
      name: t.arg.string({ description: 'Any name the entity goes by. Give `name` or `id`, not both.' }),
      id: t.arg.globalID({ description: 'An Actor or Installation ID. Give `name` or `id`, not both.' }),
    },
    resolve: async (_root, args, ctx, info) => {
      // Null counts as left out: one query (the hover's) declares both variables and sets one.
      if (args.name != null && args.id != null) {
        throw new SitrepError(
          'BAD_USER_INPUT',
          'entity: give either name or id, not both (a variable’s default counts: to ask by id, set "name": null).',
        );
      }
      let entity;
      if (args.id != null) {
        entity = await ctx.loaders.entity.load(rowIdOf(args.id, ENTITY_TYPENAMES, 'entity(id:)'));
      } else if (args.name == null) {
        throw new SitrepError('BAD_USER_INPUT', 'entity: give a name (any alias, e.g. "Hmeimim") or an id.');
      } else {
        refuseLongText('name', args.name, MAX_NAME_CHARS);
        entity = (await ctx.store.entityNamed(args.name)) ?? null;
      }
      await readAhead(ctx, entity, info);
      return entity;
    },
  }),
  entities: t.connection(
    {
      type: EntityRef,
      description: 'Actors and installations, by name.',
      args: { filter: t.arg({ type: EntityFilterInput }) },
      resolve: (_root, args, ctx) => {
        const filter = { ...args.filter };
        if (filter.nameContains != null) refuseLongText('filter.nameContains', filter.nameContains, MAX_NAME_CHARS);
        return offsetConnection(
          args,
          (page) => ctx.store.listEntities(filter, page),
          () => ctx.store.countEntities(filter),
        );
      },
    },
    EntityConnection,
  ),
}));

builder.relayMutationField(
  'addAlias',
  {
    inputFields: (t) => ({
      entity: t.globalID({ required: true }),
      name: t.string({ required: true, description: 'Another name the entity goes by.' }),
    }),
  },
  {
    description: 'Adds a name to an entity. Fails with CONFLICT if another entity already has it.',
    resolve: (_root, { input }, ctx) => {
      checkInputText(input, ['name']);
      const entityId = rowIdOf(input.entity, ENTITY_TYPENAMES, 'entity');
      const writer = writerOf(ctx);
      writer.transaction(() => writer.addAlias(entityId, input.name));
      return { entityId };
    },
  },
  {
    outputFields: (t) => ({
      entity: t.field({
        type: EntityRef,
        resolve: (p, _args, ctx) => loadOrThrow(ctx.loaders.entity, p.entityId, 'entity'),
      }),
    }),
  },
);

builder.relayMutationField(
  'setEntityReviewStatus',
  {
    inputFields: (t) => ({
      entity: t.globalID({ required: true, description: 'An Actor or Installation ID.' }),
      status: t.field({ type: EntityReviewStatusEnum, required: true }),
    }),
  },
  {
    description: 'Confirms or rejects an entity (or sends it back to the candidates).',
    resolve: (_root, { input }, ctx) => {
      const writer = writerOf(ctx);
      const entityId = rowIdOf(input.entity, ENTITY_TYPENAMES, 'entity');
      return { entity: writer.transaction(() => writer.setEntityReviewStatus(entityId, input.status)) };
    },
  },
  { outputFields: (t) => ({ entity: t.field({ type: EntityRef, resolve: (p) => p.entity }) }) },
);

builder.relayMutationField(
  'mergeEntities',
  {
    inputFields: (t) => ({
      survivor: t.globalID({ required: true, description: 'The entity that remains.' }),
      merged: t.globalID({ required: true, description: 'The entity folded into the survivor and deleted.' }),
    }),
  },
  {
    description: 'Folds one entity into another of the same kind: its names, mentions and claims move to the survivor.',
    resolve: (_root, { input }, ctx) => {
      const survivorId = rowIdOf(input.survivor, ENTITY_TYPENAMES, 'survivor');
      const mergedId = rowIdOf(input.merged, ENTITY_TYPENAMES, 'merged');
      const writer = writerOf(ctx);
      const survivor = writer.transaction(() => writer.mergeEntities(survivorId, mergedId));
      return { survivor, mergedId: input.merged };
    },
  },
  {
    outputFields: (t) => ({
      entity: t.field({ type: EntityRef, resolve: (p) => p.survivor }),
      mergedId: t.id({
        description: 'The ID that no longer exists.',
        resolve: (p) => encodeGlobalId(p.mergedId.typename, p.mergedId.id),
      }),
    }),
  },
);
