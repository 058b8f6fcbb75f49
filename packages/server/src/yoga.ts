import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import type { SitrepDatabase } from '@sitrep/db';
import { createYoga } from 'graphql-yoga';
import { useAccessControl, viewerFrom } from './auth';
import { type Context, createContext } from './context';
import { HOVER_QUERY } from './default-query';
import { useExpectedErrors } from './errors';
import { DEFAULT_LIMITS, type QueryLimits } from './limits';
import { schema } from './schema';

export interface SitrepYogaOptions {
  db: SitrepDatabase;
  /** Query limits; each missing one takes its default from DEFAULT_LIMITS. */
  limits?: Partial<QueryLimits>;
  /** Require a token for queries too, not only for mutations. Default: false. */
  readsNeedToken?: boolean;
  /** Serve GraphiQL on GET /graphql from a browser. Default: true. */
  graphiql?: boolean;
}

export const GRAPHQL_PATH = '/graphql';

/** The GraphQL server as a fetch handler, not yet listening: tests call `yoga.fetch`. */
export function createSitrepYoga(options: SitrepYogaOptions) {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  return createYoga<{ request: Request }, Context>({
    schema,
    graphqlEndpoint: GRAPHQL_PATH,
    landingPage: false,
    context: ({ request }) => createContext(options.db, viewerFrom(options.db, request), limits),
    // Served from the installed package, inlined: GraphiQL works on a closed network. The
    // bundle is 9 MB, so it is loaded on the first GraphiQL request, not at start-up.
    renderGraphiQL: async (graphiqlOptions) =>
      (await import('@graphql-yoga/render-graphiql')).renderGraphiQL(graphiqlOptions),
    graphiql: options.graphiql === false ? false : { title: 'Sitrep', defaultQuery: HOVER_QUERY },
    plugins: [
      EnvelopArmorPlugin({
        // Depth and cost are Pothos' complexity plugin's job: it knows a connection's page size.
        maxDepth: { enabled: false },
        costLimit: { enabled: false },
        maxAliases: { n: limits.maxAliases },
        maxDirectives: { n: limits.maxDirectives },
        maxTokens: { n: limits.maxTokens },
      }),
      useExpectedErrors(),
      useAccessControl({ readsNeedToken: options.readsNeedToken ?? false }),
    ],
  });
}

export type SitrepYoga = ReturnType<typeof createSitrepYoga>;
