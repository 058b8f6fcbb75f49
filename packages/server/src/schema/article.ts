import { type ArticleFilter, thenMaybe } from '@sitrep/db';
import { refuseLongArticle } from '@sitrep/vocabulary';
import { writerOf } from '../writer';
import { builder } from '../builder';
import { loadEach, loadOrThrow } from '../loaders';
import { offsetConnection } from '../pagination';
import { claimFilterFrom } from './claim-filter';
import { filterEntityId } from './entity-named';
import { ArticleFilterInput, ClaimFilterInput } from './filters';
import {
  ArticleConnection,
  ArticleRef,
  ClaimConnection,
  ClaimRef,
  EntityRef,
  MentionConnection,
  MentionRef,
} from './refs';
import { checkInputText } from './input-text';
import { RETRIES_ITS_OWN_WRITES, withWriteRetry } from '../write-retry';

builder.node(ArticleRef, {
  description: 'A news report, stored whole, with the claims it makes and the entities it names.',
  id: { resolve: (article) => article.id, parse: Number },
  loadMany: (ids, ctx) => loadEach(ctx.loaders.article, ids),
  fields: (t) => ({
    title: t.exposeString('title'),
    publishedAt: t.expose('publishedAt', { type: 'Date' }),
    dateline: t.exposeString('dateline', { nullable: true, description: 'Where it was filed, e.g. “TARTOUS”.' }),
    outlet: t.exposeString('outlet', { nullable: true }),
    url: t.exposeString('url', { nullable: true }),
    author: t.exposeString('author', {
      nullable: true,
      description: 'The byline, where the page or the feed gave one.',
    }),
    text: t.string({
      description: 'The full text; claim and mention offsets index into it.',
      resolve: async (article, _args, ctx) =>
        article.text ?? (await loadOrThrow(ctx.loaders.articleText, article.id, 'article')).text,
    }),
    wordCount: t.exposeInt('wordCount'),
    contentHash: t.exposeString('contentHash', { description: 'sha256 of the text.' }),
    ingestedAt: t.expose('ingestedAt', { type: 'DateTime' }),
    copyOf: t.field({
      type: ArticleRef,
      nullable: true,
      description:
        'For a copy of a story stored before (a wire report republished, cut, retitled or re-datelined): the first article of that story. Null for a story’s first article.',
      resolve: (article, _args, ctx) => (article.storyId == null ? null : ctx.loaders.article.load(article.storyId)),
    }),
    copies: t.field({
      type: [ArticleRef],
      description:
        'The other articles of this one’s story, oldest first: copies found at ingest by the runs of words they share. Their claims count once as sources.',
      resolve: (article, _args, ctx) => ctx.loaders.copies.load(article.id),
    }),
    claims: t.connection(
      {
        type: ClaimRef,
        description: 'The claims this article makes, in reading order.',
        args: { filter: t.arg({ type: ClaimFilterInput }) },
        resolve: (article, args, ctx) => {
          return thenMaybe(claimFilterFrom(ctx.store, args.filter), (asked) => {
            const filter = { ...asked, articleId: article.id };
            return offsetConnection(
              args,
              (page) => ctx.store.listClaims(filter, page, 'position'),
              () => ctx.store.countClaims(filter),
            );
          });
        },
      },
      ClaimConnection,
    ),
    mentions: t.connection(
      {
        type: MentionRef,
        description: 'The entities this article names, in reading order.',
        resolve: (article, args, ctx) =>
          offsetConnection(
            args,
            (page) => ctx.store.listMentions({ articleId: article.id }, page),
            () => ctx.store.countMentions({ articleId: article.id }),
          ),
      },
      MentionConnection,
    ),
  }),
});

builder.queryFields((t) => ({
  articles: t.connection(
    {
      type: ArticleRef,
      description: 'Articles, newest first.',
      args: { filter: t.arg({ type: ArticleFilterInput }) },
      resolve: (_root, args, ctx) => {
        const mentioning = filterEntityId(
          ctx.store,
          'mentioning',
          args.filter?.mentioning,
          args.filter?.mentioningName,
        );
        return thenMaybe(mentioning, (entityId) => {
          const filter: ArticleFilter = {
            from: args.filter?.from ?? null,
            to: args.filter?.to ?? null,
            mentioning: entityId,
          };
          return offsetConnection(
            args,
            (page) => ctx.store.listArticles(filter, page),
            () => ctx.store.countArticles(filter),
          );
        });
      },
    },
    ArticleConnection,
  ),
}));

builder.relayMutationField(
  'createArticle',
  {
    inputFields: (t) => ({
      title: t.string({ required: true }),
      publishedAt: t.field({ type: 'Date', required: true }),
      text: t.string({ required: true }),
      dateline: t.string(),
      outlet: t.string(),
      url: t.string(),
    }),
  },
  {
    description:
      'Stores an article as given, without extraction. The same text twice is a CONFLICT naming the stored article.',
    resolve: (_root, { input }, ctx) => {
      checkInputText(input);
      const writer = writerOf(ctx);
      return { articleId: writer.transaction(() => writer.createArticle(input)).id };
    },
  },
  {
    outputFields: (t) => ({
      article: t.field({
        type: ArticleRef,
        resolve: (p, _args, ctx) => loadOrThrow(ctx.loaders.article, p.articleId, 'article'),
      }),
    }),
  },
);

builder.relayMutationField(
  'ingestArticle',
  {
    inputFields: (t) => ({
      text: t.string({
        required: true,
        description: 'The article; with a first line "date YYYY-MM-DD PLACE: …", or give publishedAt.',
      }),
      title: t.string({ description: 'Derived from the first sentence when left out.' }),
      url: t.string(),
      outlet: t.string(),
      publishedAt: t.field({ type: 'Date', description: 'Needed when the text has no date line.' }),
    }),
  },
  {
    description:
      'Extracts the entities and sourced claims of an article and stores them in one transaction. Claims arrive with review status EXTRACTED. The same text twice is a CONFLICT. Articles are read on extraction threads; when too many wait, SERVER_BUSY with retryAfterSeconds.',
    // Read once, then stored with retries: the retry wraps the write alone, not the reading.
    extensions: { [RETRIES_ITS_OWN_WRITES]: true },
    resolve: async (_root, { input }, ctx) => {
      refuseLongArticle(input.text, ctx.limits.maxArticleChars, 'maxArticleChars');
      checkInputText(input);
      const writes = writerOf(ctx);
      const prepared = await ctx.extraction.prepare(writes, input);
      // Loaded on the first ingest: the extractor's language model is not needed to serve queries.
      const { storeArticle } = await import('@sitrep/ingest');
      return withWriteRetry(ctx.writes, () => storeArticle(writes, prepared));
    },
  },
  {
    outputFields: (t) => ({
      article: t.field({ type: ArticleRef, resolve: (r) => r.article }),
      claims: t.field({ type: [ClaimRef], resolve: (r) => r.claims }),
      createdEntities: t.field({
        type: [EntityRef],
        description: 'Entities this article introduced; everything else was linked to what was known.',
        resolve: (r) => r.createdEntities,
      }),
    }),
  },
);
