import { builder } from '../builder';
import { writerOf } from '../writer';
import { rowIdOf } from '../global-id';
import { loadEach, loadEntity, loadOrThrow } from '../loaders';
import { offsetConnection } from '../pagination';
import { ActorConnection, ActorRef, EntityRef } from './refs';
import { checkInputText } from './input-text';

builder.node(ActorRef, {
  description: 'A state, government body, military, armed group, person or organisation.',
  interfaces: [EntityRef],
  isTypeOf: (value) => (value as { kind?: unknown }).kind === 'actor',
  id: { resolve: (actor) => actor.id, parse: Number },
  loadMany: async (ids, ctx) =>
    (await loadEach(ctx.loaders.entity, ids)).map((row) => (row?.kind === 'actor' ? row : null)),
  fields: (t) => ({
    actorType: t.exposeString('actorType', {
      nullable: true,
      description: 'state, government body, military, armed group, person, organisation, …',
    }),
    affiliation: t.field({
      type: ActorRef,
      nullable: true,
      description: 'The actor this one belongs to: the Kremlin and Vladimir Putin belong to Russia.',
      resolve: (actor, _args, ctx, info) =>
        actor.affiliationId == null ? null : loadEntity(ctx.loaders, actor.affiliationId, info),
    }),
    role: t.exposeString('role', { nullable: true, description: 'e.g. “President of Russia”.' }),
  }),
});

builder.queryFields((t) => ({
  actors: t.connection(
    {
      type: ActorRef,
      description: 'Actors by name, optionally of one actor type.',
      args: { type: t.arg.string({ description: 'Only actors of this actor type.' }) },
      resolve: (_root, args, ctx) => {
        const filter = { kind: 'actor' as const, type: args.type ?? null };
        return offsetConnection(
          args,
          (page) => ctx.store.listEntities(filter, page),
          () => ctx.store.countEntities(filter),
        );
      },
    },
    ActorConnection,
  ),
}));

builder.relayMutationField(
  'createActor',
  {
    inputFields: (t) => ({
      name: t.string({ required: true }),
      aliases: t.stringList({ description: 'Other names it goes by.' }),
      description: t.string(),
      actorType: t.string(),
      affiliation: t.globalID({ description: 'The actor it belongs to.' }),
      role: t.string(),
    }),
  },
  {
    description: 'Adds an actor with its names. Fails with CONFLICT if a name already belongs to another entity.',
    resolve: (_root, { input }, ctx) => {
      checkInputText(input, ['name', 'aliases']);
      const writer = writerOf(ctx);
      const actor = writer.transaction(() =>
        writer.createEntity(
          {
            kind: 'actor',
            name: input.name,
            description: input.description ?? null,
            actorType: input.actorType ?? null,
            role: input.role ?? null,
            affiliationId: input.affiliation ? rowIdOf(input.affiliation, ['Actor'], 'affiliation') : null,
          },
          input.aliases ?? [],
        ),
      );
      return { actorId: actor.id };
    },
  },
  {
    outputFields: (t) => ({
      actor: t.field({
        type: ActorRef,
        resolve: (p, _args, ctx) => loadOrThrow(ctx.loaders.entity, p.actorId, 'actor'),
      }),
    }),
  },
);
