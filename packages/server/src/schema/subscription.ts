import { type ArticleHead, type ClaimRow, type EntityRow } from '@sitrep/db';
import { SitrepError } from '@sitrep/vocabulary';
import { builder } from '../builder';
import type { KnowledgeChange } from '../changes';
import type { Context } from '../context';
import { ENTITY_TYPENAMES, rowIdOf } from '../global-id';
import { createLoaders } from '../loaders';
import { ArticleRef, ClaimRef, EntityRef } from './refs';

const present = <T>(rows: ReadonlyArray<T | null>): T[] => rows.filter((r): r is T => r != null);

const KnowledgeChangeRef = builder.objectRef<KnowledgeChange>('KnowledgeChange').implement({
  description:
    'What one commit to the knowledge base added, whoever wrote it: this server, or `sitrep ingest` or `watch` in another process. Lists stop at 1,000 of each.',
  fields: (t) => ({
    articles: t.field({
      type: [ArticleRef],
      description: 'Articles added.',
      resolve: async (c, _args, ctx) =>
        present<ArticleHead>((await ctx.loaders.article.loadMany(c.articleIds)) as Array<ArticleHead | null>),
    }),
    claims: t.field({
      type: [ClaimRef],
      description: 'Claims added.',
      resolve: async (c, _args, ctx) =>
        present<ClaimRow>((await ctx.loaders.claim.loadMany(c.claimIds)) as Array<ClaimRow | null>),
    }),
    entities: t.field({
      type: [EntityRef],
      description: 'Entities added, and those the added claims are about.',
      resolve: async (c, _args, ctx) =>
        present<EntityRow>((await ctx.loaders.entity.loadMany(c.entityIds)) as Array<EntityRow | null>),
    }),
    newClaims: t.exposeInt('newClaims', { description: 'Claims added in all.' }),
    edited: t.exposeBoolean('edited', {
      description:
        'Nothing was added: something was changed or removed (a curator’s edit, a merge). Ask again for what you show.',
    }),
    at: t.field({ type: 'DateTime', resolve: (c) => c.at }),
  }),
});

/**
 * The changes as a subscription hears them, each with fresh loaders: one subscription's context
 * lives as long as its connection, and rows loaded for the last change may have changed since.
 */
async function* changesFor(ctx: Context, keep: (change: KnowledgeChange) => boolean = () => true) {
  if (!ctx.changes)
    throw new SitrepError('BAD_USER_INPUT', 'This server does not watch for changes (an in-memory database).');
  for await (const change of ctx.changes.changes()) {
    if (!keep(change)) continue;
    ctx.loaders = createLoaders(ctx.store);
    yield change;
  }
}

builder.subscriptionFields((t) => ({
  knowledgeChanged: t.field({
    type: KnowledgeChangeRef,
    description:
      'Fires after every commit to the knowledge base, within about a second, whoever wrote it. Over Server-Sent Events: POST the subscription with `Accept: text/event-stream`.',
    subscribe: (_root, _args, ctx) => changesFor(ctx),
    resolve: (change) => change,
  }),
  entityChanged: t.field({
    type: EntityRef,
    description: 'Fires with the entity after a commit that adds claims about it (or adds it).',
    args: { id: t.arg.globalID({ required: true, description: 'An Actor or Installation ID.' }) },
    subscribe: (_root, args, ctx) => {
      const id = rowIdOf(args.id, ENTITY_TYPENAMES, 'id');
      return changesFor(ctx, (change) => change.entityIds.includes(id));
    },
    resolve: async (_change, args, ctx) => {
      const row = await ctx.loaders.entity.load(rowIdOf(args.id, ENTITY_TYPENAMES, 'id'));
      if (!row) throw new SitrepError('NOT_FOUND', 'That entity was removed.');
      return row;
    },
  }),
}));
