import { type ClaimRow, thenMaybe } from '@sitrep/db';
import type { AboutRole } from '@sitrep/vocabulary';
import { builder } from '../builder';
import { writerOf } from '../writer';
import { ENTITY_TYPENAMES, rowIdOf } from '../global-id';
import { loadEach, loadEntity, loadEntityOrThrow, loadOrThrow } from '../loaders';
import { offsetConnection } from '../pagination';
import { withSurroundings } from '../read-ahead';
import { claimFilterFrom } from './claim-filter';
import { AboutRoleEnum, ReviewStatusEnum, StanceEnum } from './enums';
import { AboutInput, ClaimFilterInput } from './filters';
import { ActorRef, ArticleRef, ClaimConnection, ClaimRef, EntityRef } from './refs';
import { checkInputText } from './input-text';

const ClaimSourceRef = builder.objectRef<ClaimRow>('ClaimSource');
ClaimSourceRef.implement({
  description: 'Who makes a claim, as the article names them.',
  fields: (t) => ({
    text: t.string({
      description: 'The words that name the source, e.g. “four Syrian officials”.',
      resolve: (claim) => claim.sourceText ?? '',
    }),
    actor: t.field({
      type: ActorRef,
      nullable: true,
      description:
        'The actor the source belongs to (for “a Russian source”, Russia); null for evidence such as satellite imagery.',
      resolve: (claim, _args, ctx, info) =>
        claim.sourceActorId == null ? null : loadEntity(ctx.loaders, claim.sourceActorId, info),
    }),
    count: t.exposeInt('sourceCount', {
      nullable: true,
      description: 'How many people, where the text says (“four officials”).',
    }),
    anonymous: t.exposeBoolean('sourceAnonymous', { description: 'The source is described, not named.' }),
  }),
});

const ClaimAboutRef = builder.objectRef<{ entityId: number; role: AboutRole }>('ClaimSubject');
ClaimAboutRef.implement({
  description: 'An entity a claim is about, and in what role.',
  fields: (t) => ({
    entity: t.field({
      type: EntityRef,
      resolve: (a, _args, ctx, info) => loadEntityOrThrow(ctx.loaders, a.entityId, info),
    }),
    role: t.expose('role', { type: AboutRoleEnum }),
  }),
});

builder.node(ClaimRef, {
  description: 'A statement an article makes, with who makes it, how, and about what.',
  id: { resolve: (claim) => claim.id, parse: Number },
  loadMany: (ids, ctx) => loadEach(ctx.loaders.claim, ids),
  fields: (t) => ({
    quote: t.exposeString('quote', { description: 'The statement, verbatim from the article.' }),
    start: t.exposeInt('start', { description: 'Offset of the quote in the article text (UTF-16 code units).' }),
    end: t.exposeInt('end'),
    article: t.field({
      type: ArticleRef,
      resolve: (c, _args, ctx) => loadOrThrow(ctx.loaders.article, c.articleId, 'article'),
    }),
    source: t.field({
      type: ClaimSourceRef,
      nullable: true,
      description: 'Null when the claim is the outlet’s own narrative.',
      resolve: (claim) => (claim.sourceText == null && claim.sourceActorId == null ? null : claim),
    }),
    about: t.field({
      type: [ClaimAboutRef],
      description: 'The entities the claim is about.',
      // a claim is about a handful of entities, not the default ten
      complexity: { field: 1, multiplier: 3 },
      resolve: (claim, _args, ctx) => ctx.loaders.claimAbout.load(claim.id),
    }),
    stance: t.expose('stance', { type: StanceEnum }),
    hedged: t.exposeBoolean('hedged', { description: 'Qualified by “appeared”, “reportedly”, “likely”, …' }),
    eventDate: t.expose('eventDate', {
      type: 'Date',
      nullable: true,
      description: 'When the event happened, where the text dates it.',
    }),
    saidOn: t.expose('saidOn', { type: 'Date', description: 'When the claim was published: the article’s date.' }),
    reviewStatus: t.expose('reviewStatus', { type: ReviewStatusEnum }),
  }),
});

builder.queryFields((t) => ({
  claims: t.connection(
    {
      type: ClaimRef,
      description: 'Claims, latest first.',
      args: { filter: t.arg({ type: ClaimFilterInput }) },
      resolve: (_root, args, ctx, info) => {
        return thenMaybe(claimFilterFrom(ctx.store, args.filter), (filter) =>
          offsetConnection(
            args,
            (page) => withSurroundings(ctx, info, ctx.store.listClaims(filter, page, 'latest')),
            () => ctx.store.countClaims(filter),
          ),
        );
      },
    },
    ClaimConnection,
  ),
}));

const ClaimSourceInput = builder.inputType('ClaimSourceInput', {
  fields: (t) => ({
    text: t.string({ required: true, description: 'The words that name the source.' }),
    actor: t.globalID({ description: 'The actor the source belongs to.' }),
    count: t.int({ description: 'How many people, where the text says.' }),
    anonymous: t.boolean({ defaultValue: false }),
  }),
});

builder.relayMutationField(
  'createClaim',
  {
    inputFields: (t) => ({
      article: t.globalID({ required: true }),
      quote: t.string({ required: true, description: 'Must occur verbatim in the article.' }),
      start: t.int({ description: 'Where the quote starts; found in the text when left out.' }),
      end: t.int(),
      source: t.field({ type: ClaimSourceInput, description: 'Leave out for the outlet’s own narrative.' }),
      about: t.field({ type: [AboutInput] }),
      stance: t.field({ type: StanceEnum, defaultValue: 'affirms' }),
      hedged: t.boolean({ defaultValue: false }),
      eventDate: t.field({ type: 'Date' }),
      reviewStatus: t.field({
        type: ReviewStatusEnum,
        defaultValue: 'verified',
        description: 'Claims typed in by a person default to verified.',
      }),
    }),
  },
  {
    description: 'Adds a claim to an article, and places it in a statement as an extracted one would be.',
    resolve: async (_root, { input }, ctx) => {
      checkInputText(input);
      // Grouping lives with ingest, loaded on the first write that needs it.
      const { groupClaims } = await import('@sitrep/ingest');
      const writer = writerOf(ctx);
      const create = () =>
        writer.createClaims([
          {
            articleId: rowIdOf(input.article, ['Article'], 'article'),
            quote: input.quote,
            start: input.start ?? null,
            end: input.end ?? null,
            source: input.source
              ? {
                  text: input.source.text,
                  actorId: input.source.actor ? rowIdOf(input.source.actor, ['Actor'], 'source.actor') : null,
                  count: input.source.count ?? null,
                  anonymous: input.source.anonymous ?? false,
                }
              : null,
            about: (input.about ?? []).map((a) => ({
              entityId: rowIdOf(a.entity, ENTITY_TYPENAMES, 'about.entity'),
              role: a.role ?? 'subject',
            })),
            stance: input.stance ?? 'affirms',
            hedged: input.hedged ?? false,
            eventDate: input.eventDate ?? null,
            reviewStatus: input.reviewStatus ?? 'verified',
          },
        ])[0]!;
      const claim = writer.transaction(() => {
        const row = create();
        groupClaims(writer, [row]);
        return row;
      });
      return { claimId: claim.id };
    },
  },
  {
    outputFields: (t) => ({
      claim: t.field({
        type: ClaimRef,
        resolve: (p, _args, ctx) => loadOrThrow(ctx.loaders.claim, p.claimId, 'claim'),
      }),
    }),
  },
);

builder.relayMutationField(
  'setClaimReviewStatus',
  {
    inputFields: (t) => ({
      claim: t.globalID({ required: true }),
      status: t.field({ type: ReviewStatusEnum, required: true }),
    }),
  },
  {
    description: 'Marks a claim verified or rejected (or back to extracted).',
    resolve: (_root, { input }, ctx) => {
      const writer = writerOf(ctx);
      const claimId = rowIdOf(input.claim, ['Claim'], 'claim');
      return { claim: writer.transaction(() => writer.setClaimReviewStatus(claimId, input.status)) };
    },
  },
  { outputFields: (t) => ({ claim: t.field({ type: ClaimRef, resolve: (p) => p.claim }) }) },
);
