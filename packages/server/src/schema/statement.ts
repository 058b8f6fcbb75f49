import { thenMaybe } from '@sitrep/db';
import type { Context } from '../context';
import { aheadKey, readAheadOr } from '../read-ahead';
import type { IndependentSource } from '@sitrep/ingest';
import { builder } from '../builder';
import { loadEach, loadEntity, loadEntityOrThrow, loadOrThrow } from '../loaders';
import { type ConnectionArgs, loadedConnection, offsetConnection } from '../pagination';
import { filterEntityId } from './entity-named';
import { EntityStatementFilterInput, StatementFilterInput } from './filters';
import { ReliabilityGradeEnum } from './enums';
import { ActorRef, ClaimConnection, ClaimRef, EntityRef, StatementConnection, StatementRef } from './refs';

const StatementSourceRef = builder.objectRef<IndependentSource>('StatementSource');
StatementSourceRef.implement({
  description:
    'One independent source behind a statement: copies of one story count once, anonymous people of one side in one story are one source, a named person and their office are one.',
  fields: (t) => ({
    text: t.string({
      nullable: true,
      description: 'The words that name it in its first claim; null for an outlet’s own voice.',
      resolve: (s) => s.text,
    }),
    actor: t.field({
      type: ActorRef,
      nullable: true,
      resolve: (s, _args, ctx, info) => (s.actorId == null ? null : loadEntity(ctx.loaders, s.actorId, info)),
    }),
    outlet: t.string({ nullable: true, description: 'The outlet of its first claim.', resolve: (s) => s.outlet }),
    anonymous: t.boolean({ resolve: (s) => s.anonymous }),
    count: t.int({ nullable: true, description: 'How many people, where a claim says.', resolve: (s) => s.count }),
    affirms: t.boolean({ resolve: (s) => s.affirms }),
    denies: t.boolean({ resolve: (s) => s.denies }),
    claims: t.int({ description: 'Its claims in this statement, copies included.', resolve: (s) => s.claims }),
    reliability: t.field({
      type: ReliabilityGradeEnum,
      description: 'Curators’ grade for its actor, A–F; F (cannot be judged) when none.',
      resolve: (s) => s.reliability,
    }),
  }),
});

const StatementConflictRef = builder.objectRef<{ otherId: number; why: string }>('StatementConflict');
StatementConflictRef.implement({
  description: 'A statement that cannot be true at the same time as this one.',
  fields: (t) => ({
    statement: t.field({
      type: StatementRef,
      resolve: (c, _args, ctx) => loadOrThrow(ctx.loaders.statement, c.otherId, 'statement'),
    }),
    why: t.exposeString('why'),
  }),
});

builder.node(StatementRef, {
  description:
    'What several claims say together: claims from different articles that state the same thing about the same entities, with who stands behind it and how credible it is.',
  id: { resolve: (s) => s.id, parse: Number },
  loadMany: (ids, ctx) => loadEach(ctx.loaders.statement, ids),
  fields: (t) => ({
    claims: t.connection(
      {
        type: ClaimRef,
        description: 'Its claims, latest first.',
        resolve: (s, args, ctx) =>
          loadedConnection(
            args,
            (page) => ctx.loaders.statementClaims.load({ statementId: s.id, ...page }),
            // Grouping keeps the count on the statement.
            () => s.claims,
          ),
      },
      ClaimConnection,
    ),
    about: t.field({
      type: [EntityRef],
      description: 'The entities its claims are about.',
      complexity: { field: 1, multiplier: 3 },
      resolve: async (s, _args, ctx, info) =>
        Promise.all(
          (await ctx.loaders.statementAbout.load(s.id)).map((a) => loadEntityOrThrow(ctx.loaders, a.entityId, info)),
        ),
    }),
    firstSaid: t.expose('firstSaid', { type: 'Date', description: 'When one of its claims was first published.' }),
    lastSaid: t.expose('lastSaid', { type: 'Date', description: 'When one of its claims was last published.' }),
    eventDate: t.expose('eventDate', {
      type: 'Date',
      nullable: true,
      description: 'The earliest date its claims give for the event, where they give one.',
    }),
    independentSources: t.exposeInt('independentSources', {
      description: 'Distinct sources behind it, copies of one story counted once.',
    }),
    sources: t.field({
      type: [StatementSourceRef],
      description: 'Who stands behind it (and against it, among its own claims), each with its claims counted.',
      resolve: (s, _args, ctx) => ctx.loaders.statementSources.load(s.id),
    }),
    affirming: t.exposeInt('affirming', {
      description: 'Independent sources that say it as it is stated (for a denial: that deny it).',
    }),
    denying: t.exposeInt('denying', {
      description:
        'Independent sources that say otherwise: among its own claims, or behind a statement it conflicts with.',
    }),
    contested: t.exposeBoolean('contested', {
      description: 'Some source says otherwise: one of its own claims, or one behind a statement it conflicts with.',
    }),
    conflicts: t.field({
      type: [StatementConflictRef],
      description: 'Statements that cannot be true at the same time as this one, and why.',
      resolve: (s, _args, ctx) => ctx.loaders.statementConflicts.load(s.id),
    }),
    credibility: t.exposeInt('credibility', {
      description: 'Information credibility on the Admiralty scale: 1 confirmed … 5 improbable, 6 cannot be judged.',
    }),
    credibilityReason: t.exposeString('credibilityReason', { description: 'The rule that gave the credibility.' }),
    grade: t.string({
      description:
        'The Admiralty grade as analysts write it: the best reliability among the sources that back it (A–F) and its credibility (1–6), e.g. “B2”; “F6” when nothing can be judged.',
      resolve: (s) => `${s.reliability}${s.credibility}`,
    }),
    curated: t.exposeBoolean('curated', { description: 'A curator moved claims into or out of it.' }),
  }),
});

builder.objectField(ClaimRef, 'statement', (t) =>
  t.field({
    type: StatementRef,
    nullable: true,
    description: 'The statement it is one telling of; null until grouping has placed it.',
    resolve: (c, _args, ctx) => (c.statementId == null ? null : ctx.loaders.statement.load(c.statementId)),
  }),
);

/** A page of statements about `about` (any, when null) under a filter's contested flag and dates. */
function statementPage(
  ctx: Context,
  args: ConnectionArgs & { filter?: { contested?: boolean | null; from?: string | null; to?: string | null } | null },
  about: number | null,
) {
  const { store } = ctx;
  const filter = {
    about,
    contested: args.filter?.contested ?? null,
    from: args.filter?.from ?? null,
    to: args.filter?.to ?? null,
  };
  // An entity's statements in no date range may have been read ahead with the entity.
  const ahead = about != null && filter.from == null && filter.to == null;
  return offsetConnection(
    args,
    (page) =>
      readAheadOr(ctx, ahead ? aheadKey.statements(about, filter.contested, page) : null, () =>
        store.listStatements(filter, page),
      ),
    () =>
      readAheadOr(ctx, ahead ? aheadKey.statementCount(about, filter.contested) : null, () =>
        store.countStatements(filter),
      ),
  );
}

builder.queryFields((t) => ({
  statements: t.connection(
    {
      type: StatementRef,
      description: 'Statements, last said first.',
      args: { filter: t.arg({ type: StatementFilterInput }) },
      resolve: (_root, args, ctx) =>
        thenMaybe(filterEntityId(ctx.store, 'about', args.filter?.about, args.filter?.aboutName), (about) =>
          statementPage(ctx, args, about),
        ),
    },
    StatementConnection,
  ),
}));

builder.interfaceFields(EntityRef, (t) => ({
  statements: t.connection(
    {
      type: StatementRef,
      description: 'Statements about this entity, last said first: what is said about it, and how well established.',
      args: { filter: t.arg({ type: EntityStatementFilterInput }) },
      resolve: (e, args, ctx) => statementPage(ctx, args, e.id),
    },
    StatementConnection,
  ),
  timeline: t.connection(
    {
      type: StatementRef,
      description:
        'Statements about this entity in the order things happened: by the event date their claims give, else by the day first said. `from` and `to` bound that date.',
      args: {
        from: t.arg({ type: 'Date' }),
        to: t.arg({ type: 'Date' }),
      },
      resolve: (e, args, ctx) => {
        const range = { from: args.from ?? null, to: args.to ?? null };
        return offsetConnection(
          args,
          (page) => ctx.store.timelineOf(e.id, range, page),
          () => ctx.store.countTimeline(e.id, range),
        );
      },
    },
    StatementConnection,
  ),
}));
