import type { EntityRow } from '@sitrep/db';
import { builder } from '../builder';
import { writerOf } from '../writer';
import { rowIdOf } from '../global-id';
import { loadEach, loadEntity, loadOrThrow } from '../loaders';
import { offsetConnection } from '../pagination';
import { ActorRef, EntityRef, InstallationConnection, InstallationRef } from './refs';
import { checkInputText } from './input-text';

const LocationRef = builder.objectRef<EntityRow>('Location');
LocationRef.implement({
  description: 'Where an installation is.',
  fields: (t) => ({
    place: t.exposeString('place', { nullable: true, description: 'Town or site, e.g. “Hmeimim, near Jableh”.' }),
    region: t.exposeString('region', { nullable: true }),
    country: t.exposeString('country', { nullable: true }),
    latitude: t.exposeFloat('latitude', { nullable: true, description: 'WGS 84 decimal degrees.' }),
    longitude: t.exposeFloat('longitude', { nullable: true, description: 'WGS 84 decimal degrees.' }),
  }),
});

const LocationInput = builder.inputType('LocationInput', {
  fields: (t) => ({
    place: t.string(),
    region: t.string(),
    country: t.string(),
    latitude: t.float(),
    longitude: t.float(),
  }),
});

builder.node(InstallationRef, {
  description: 'A base, airfield, port, post or station.',
  interfaces: [EntityRef],
  isTypeOf: (value) => (value as { kind?: unknown }).kind === 'installation',
  id: { resolve: (installation) => installation.id, parse: Number },
  loadMany: async (ids, ctx) =>
    (await loadEach(ctx.loaders.entity, ids)).map((row) => (row?.kind === 'installation' ? row : null)),
  fields: (t) => ({
    installationType: t.exposeString('installationType', {
      nullable: true,
      description: 'air base, naval base, military post, listening post, …',
    }),
    location: t.field({ type: LocationRef, resolve: (installation) => installation }),
    operator: t.field({
      type: ActorRef,
      nullable: true,
      description: 'Who runs it.',
      resolve: (i, _args, ctx, info) => (i.operatorId == null ? null : loadEntity(ctx.loaders, i.operatorId, info)),
    }),
    hostCountry: t.field({
      type: ActorRef,
      nullable: true,
      description: 'The state whose territory it is on.',
      resolve: (i, _args, ctx, info) =>
        i.hostCountryId == null ? null : loadEntity(ctx.loaders, i.hostCountryId, info),
    }),
  }),
});

builder.queryFields((t) => ({
  installations: t.connection(
    {
      type: InstallationRef,
      description: 'Installations by name, optionally of one installation type.',
      args: { type: t.arg.string({ description: 'Only installations of this type, e.g. “air base”.' }) },
      resolve: (_root, args, ctx) => {
        const filter = { kind: 'installation' as const, type: args.type ?? null };
        return offsetConnection(
          args,
          (page) => ctx.store.listEntities(filter, page),
          () => ctx.store.countEntities(filter),
        );
      },
    },
    InstallationConnection,
  ),
}));

builder.relayMutationField(
  'createInstallation',
  {
    inputFields: (t) => ({
      name: t.string({ required: true }),
      aliases: t.stringList({ description: 'Other names it goes by.' }),
      description: t.string(),
      installationType: t.string(),
      location: t.field({ type: LocationInput }),
      operator: t.globalID({ description: 'The actor that runs it.' }),
      hostCountry: t.globalID({ description: 'The state it stands in.' }),
    }),
  },
  {
    description:
      'Adds an installation with its names. Fails with CONFLICT if a name already belongs to another entity.',
    resolve: (_root, { input }, ctx) => {
      checkInputText(input, ['name', 'aliases']);
      const writer = writerOf(ctx);
      const installation = writer.transaction(() =>
        writer.createEntity(
          {
            kind: 'installation',
            name: input.name,
            description: input.description ?? null,
            installationType: input.installationType ?? null,
            place: input.location?.place ?? null,
            region: input.location?.region ?? null,
            country: input.location?.country ?? null,
            latitude: input.location?.latitude ?? null,
            longitude: input.location?.longitude ?? null,
            operatorId: input.operator ? rowIdOf(input.operator, ['Actor'], 'operator') : null,
            hostCountryId: input.hostCountry ? rowIdOf(input.hostCountry, ['Actor'], 'hostCountry') : null,
          },
          input.aliases ?? [],
        ),
      );
      return { installationId: installation.id };
    },
  },
  {
    outputFields: (t) => ({
      installation: t.field({
        type: InstallationRef,
        resolve: (p, _args, ctx) => loadOrThrow(ctx.loaders.entity, p.installationId, 'installation'),
      }),
    }),
  },
);
