import type { Plugin as EnvelopPlugin } from '@envelop/core';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import { type SitrepDatabase, thenMaybe } from '@sitrep/db';
import { HOVER_QUERY } from '@sitrep/vocabulary';
import { type Plugin, type YogaInitialContext, createYoga } from 'graphql-yoga';
import { useArmor } from './armor';
import { useCompressedPages } from './compress-pages';
import { useAccessControl, viewerFrom } from './auth';
import { useBodyLimit } from './body-limit';
import { corsFor, useCsrfPrevention } from './browser-guards';
import type { Changes } from './changes';
import { type Context, createContext } from './context';
import { CHANGES_SUBSCRIPTION } from './default-query';
import { useExpectedErrors } from './errors';
import { ServerExtraction } from './extraction';
import { linkVariables } from './graphiql-link';
import { type FastPathState, fastPathPlugins } from './fast-path/plugin';
import { DEFAULT_LIMITS, type QueryLimits } from './limits';
import type { ExtractionPolicy } from '@sitrep/ingest';
import { useReadOnly } from './read-only';
import { useWritesAndSubscriptionsOnPrimary } from './read-replica';
import { schema } from './schema';
import { type ServerStore, sqliteServerStore } from './store';
import { DEFAULT_WRITE_POLICY, type WritePolicy } from './write-retry';

export interface SitrepYogaOptions {
  /** A SQLite database: the server reads through sqliteServerStore(db) and writes to it. */
  db?: SitrepDatabase;
  /**
   * Or the store to read through (postgresServerStore: PostgreSQL; writes only
   * when given the URL to write through). Give `db` or `store`.
   */
  store?: ServerStore;
  /**
   * A read replica of `store`'s database (`--read-db`): queries read from it; mutations,
   * subscriptions and bearer tokens keep to the primary (see read-replica.ts).
   */
  readStore?: ServerStore;
  /** Query and request limits; each missing one takes its default from DEFAULT_LIMITS. */
  limits?: Partial<QueryLimits>;
  /** Require a token for queries too, not only for mutations. Default: false. */
  readsNeedToken?: boolean;
  /** Serve GraphiQL on GET /graphql from a browser. Default: true. */
  graphiql?: boolean;
  /** Answer `__schema` and `__type` queries (GraphiQL's docs and completion need them). Default: true. */
  introspection?: boolean;
  /**
   * Browser origins (e.g. `https://desk.example.org`) whose pages may call the API. Default: none,
   * so only pages served by this server (GraphiQL) can read its answers.
   */
  corsOrigins?: readonly string[];
  /**
   * Let startServer answer queries Yoga has already accepted with a compiled plan, without
   * Yoga's per-request machinery (see fast-path/handler.ts). Default: true.
   */
  fastPath?: boolean;
  /**
   * More envelop or Yoga plugins (logging, metrics, limits), run after Sitrep's own on every
   * request. The fast path runs envelop's hooks (parse, validate, context, execute) for the
   * requests it answers; while a plugin hooks into Yoga's own phases (onRequest, onParams,
   * onResultProcess, onResponse, …), it is off. See fast-path/plugin.ts.
   */
  plugins?: readonly (ServerPlugin | Plugin | EnvelopPlugin)[];
  /**
   * How a mutation waits while another process (e.g. `sitrep ingest`) holds the write lock:
   * SQLite's own wait on the event loop (`busyTimeoutMs`, default 10 ms, set on `db`'s connection)
   * and the retries with timers in between up to `deadlineMs` (default 5000), after which it
   * fails with DATABASE_BUSY. See write-retry.ts.
   */
  writes?: Partial<WritePolicy>;
  /**
   * How ingestArticle reads articles: on a pool of threads (`threads`, default one fewer than the
   * machine's cores), at most `queue` waiting (default 16; then SERVER_BUSY), each for at most
   * `timeoutMs` (default 60 s). `threads: 0` reads on the server's thread. See ExtractionPool.
   */
  extraction?: Partial<ExtractionPolicy>;
  /** How often subscriptions ask the database whether anyone committed, in ms (default 250). */
  changePollMs?: number;
}

/** A Yoga plugin typed for Sitrep's context, for writing one; SitrepYogaOptions.plugins takes envelop's too. */
export type ServerPlugin = Plugin<YogaInitialContext & Context>;

export const GRAPHQL_PATH = '/graphql';

/** The store the options name: theirs, or SQLite's on `db`. */
export function storeOf(options: Pick<SitrepYogaOptions, 'db' | 'store'>): ServerStore {
  if (options.store) return options.store;
  if (!options.db) throw new TypeError('Sitrep needs a database: pass `db` (SQLite) or `store`.');
  return sqliteServerStore(options.db);
}

/**
 * The GraphQL server as a fetch handler, not yet listening: tests call `yoga.fetch`. With
 * `fastPath`, it tells the HTTP server's fast path what it accepts and when it writes, and runs
 * envelop's phases for it.
 */
export function createSitrepYoga(
  options: SitrepYogaOptions,
  fastPath?: FastPathState,
  store: ServerStore = storeOf(options),
  changes: Changes = store.watchChanges(options.changePollMs),
) {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const writes = { ...DEFAULT_WRITE_POLICY, ...options.writes };
  // SQLite waits for a lock by sleeping in the thread that serves every request: only briefly.
  // Reads in WAL mode do not wait for writers; mutations retry with timers (write-retry.ts).
  store.sqlite?.sqlite.pragma(`busy_timeout = ${Math.max(0, Math.trunc(writes.busyTimeoutMs))}`);
  const extraction = new ServerExtraction(options.extraction);
  return createYoga<{ request: Request }, Context>({
    schema,
    graphqlEndpoint: GRAPHQL_PATH,
    landingPage: false,
    cors: corsFor(options.corsOrigins ?? []),
    context: ({ request }) =>
      thenMaybe(viewerFrom(store, request), (viewer) =>
        createContext(options.readStore ?? store, viewer, limits, writes, extraction, changes),
      ),
    // Served from the installed package, inlined: GraphiQL works on a closed network. The
    // bundle is 9 MB, so it is loaded on the first GraphiQL request, not at start-up.
    renderGraphiQL: async (graphiqlOptions) =>
      (await import('@graphql-yoga/render-graphiql')).renderGraphiQL(graphiqlOptions),
    graphiql:
      options.graphiql === false
        ? false
        : (request) => ({
            title: 'Sitrep',
            // The editor's hover question; with no variables it asks about Hmeimim.
            defaultQuery: HOVER_QUERY,
            defaultTabs: [{ query: HOVER_QUERY }, { query: CHANGES_SUBSCRIPTION }],
            subscriptionsProtocol: 'SSE',
            // GraphiQL hands its options to its HTTP executor, which sends a subscription as a GET
            // (EventSource style) unless told a method: a JSON POST passes the CSRF guard, a bare
            // GET does not. The option is the executor's, not in yoga's GraphiQLOptions type.
            ...({ method: 'POST' } as object),
            // A link's variables (the editor's "Open in GraphiQL" names its entity by ID), which
            // GraphiQL takes only from here; also not in yoga's type, though its page reads it.
            ...({ variables: linkVariables(new URL(request.url)) } as object),
          }),
    plugins: [
      {
        onDispose: () => {
          changes.close();
          return extraction.close();
        },
      },
      useBodyLimit(limits.maxBodyBytes),
      useCompressedPages(),
      useCsrfPrevention(),
      useArmor(limits, options.introspection !== false),
      useExpectedErrors(),
      useReadOnly(store),
      ...(options.readStore ? [useWritesAndSubscriptionsOnPrimary(store)] : []),
      useAccessControl({ readsNeedToken: options.readsNeedToken ?? false }),
      ...(options.introspection === false ? [useDisableIntrospection()] : []),
      ...(fastPath ? fastPathPlugins(fastPath, options.plugins ?? []) : (options.plugins ?? [])),
    ],
  });
}

export type SitrepYoga = ReturnType<typeof createSitrepYoga>;
