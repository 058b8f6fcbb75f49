import { RANKED_MATCHES_PER_KIND, type SearchHit } from '@sitrep/db';
import { builder } from '../builder';
import { loadOrThrow } from '../loaders';
import { offsetConnection } from '../pagination';
import { SearchKindEnum } from './enums';
import { ArticleRef, ClaimRef } from './refs';

const PER_KIND = RANKED_MATCHES_PER_KIND.toLocaleString('en');

const SearchHitRef = builder.interfaceRef<SearchHit>('SearchHit');
const SearchHitConnection = builder.connectionObject(
  { type: SearchHitRef, name: 'SearchHitConnection' },
  { name: 'SearchHitEdge' },
);
SearchHitRef.implement({
  description: 'A full-text match.',
  resolveType: (hit) => (hit.kind === 'article' ? 'ArticleSearchHit' : 'ClaimSearchHit'),
  fields: (t) => ({
    snippet: t.exposeString('snippet', {
      description: 'Text around the match; matched words are wrapped in `**`, cut text is marked `…`.',
    }),
    score: t.float({ description: 'Relevance (bm25); higher is better.', resolve: (hit) => -hit.rank }),
  }),
});

builder.objectType(builder.objectRef<SearchHit>('ArticleSearchHit'), {
  interfaces: [SearchHitRef],
  fields: (t) => ({
    article: t.field({
      type: ArticleRef,
      resolve: (hit, _args, ctx) => loadOrThrow(ctx.loaders.article, hit.id, 'article'),
    }),
  }),
});

builder.objectType(builder.objectRef<SearchHit>('ClaimSearchHit'), {
  interfaces: [SearchHitRef],
  fields: (t) => ({
    claim: t.field({ type: ClaimRef, resolve: (hit, _args, ctx) => loadOrThrow(ctx.loaders.claim, hit.id, 'claim') }),
  }),
});

builder.queryFields((t) => ({
  search: t.connection(
    {
      type: SearchHitRef,
      description:
        'Full-text search over article text and claim quotes, best match first. Every word must occur; punctuation and operators are treated as plain text. ' +
        `Ranking reads each match it ranks, so only the ${PER_KIND} most recently added matching articles and the ${PER_KIND} most recently added matching claims are ranked; ` +
        'older matches of a word that common come after all ranked ones, articles before claims, newest first, whatever their score. `totalCount` counts every match.',
      args: {
        query: t.arg.string({ required: true }),
        kinds: t.arg({ type: [SearchKindEnum], description: 'Restrict to articles or claims; both by default.' }),
      },
      resolve: (_root, args, ctx) =>
        offsetConnection(
          args,
          (page) => ctx.store.searchText(args.query, args.kinds ?? null, page),
          () => ctx.store.countSearchHits(args.query, args.kinds ?? null),
        ),
    },
    SearchHitConnection,
  ),
}));
