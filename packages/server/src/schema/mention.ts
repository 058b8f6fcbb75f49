import { builder } from '../builder';
import { loadEach, loadOrThrow } from '../loaders';
import { ArticleRef, EntityRef, MentionRef } from './refs';

builder.node(MentionRef, {
  description: 'An article naming an entity at a span of its text.',
  id: { resolve: (mention) => mention.id, parse: Number },
  loadMany: (ids, ctx) => loadEach(ctx.loaders.mention, ids),
  fields: (t) => ({
    article: t.field({
      type: ArticleRef,
      resolve: (m, _args, ctx) => loadOrThrow(ctx.loaders.article, m.articleId, 'article'),
    }),
    entity: t.field({
      type: EntityRef,
      resolve: (m, _args, ctx) => loadOrThrow(ctx.loaders.entity, m.entityId, 'entity'),
    }),
    start: t.exposeInt('start', { description: 'Offset of the first character (UTF-16 code units).' }),
    end: t.exposeInt('end', { description: 'Offset just past the last character.' }),
    text: t.exposeString('text', { description: 'The words as the article has them.' }),
  }),
});
