import { createServer, type Server } from 'node:http';
import { writesOf } from '@sitrep/db';
import type { AddressInfo } from 'node:net';
import { type FastPathStats, createFastPath } from './fast-path/handler';
import { FastPathPlans } from './fast-path/plans';
import type { FastPathState } from './fast-path/plugin';
import { EACH_READ_ON_ITS_OWN, ReadTransactions } from './fast-path/read-transaction';
import { createCapacity, type CapacityStats } from './capacity';
import { HEALTH_PATH, healthOf } from './health';
import { DEFAULT_LIMITS, DEFAULT_SERVER_LIMITS, type QueryLimits, type ServerLimits } from './limits';
import { GRAPHQL_PATH, type SitrepYogaOptions, createSitrepYoga, storeOf } from './yoga';

export interface ServeOptions extends SitrepYogaOptions {
  /** Default: 4000; 0 picks a free port. */
  port?: number;
  /** Default: 127.0.0.1 (only this machine); 0.0.0.0 to serve the network. */
  host?: string;
  /** Query, request and server limits; each missing one takes its default (DEFAULT_LIMITS, DEFAULT_SERVER_LIMITS). */
  limits?: Partial<QueryLimits & ServerLimits>;
}

export interface RunningServer {
  server: Server;
  /** e.g. http://127.0.0.1:4000/graphql */
  url: string;
  /** What the fast path did so far; null when it is off (`fastPath: false`, or a plugin it cannot run for Yoga). */
  fastPath: FastPathStats | null;
  /** Connections and body bytes held now, and requests refused as busy. */
  capacity: CapacityStats;
  /** Subscriptions listening for commits now, and whether the database is being polled for them. */
  readonly changes: { listeners: number; watching: boolean };
  close(): Promise<void>;
}

/** Starts the HTTP server; resolves once it is listening. */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const store = storeOf(options);
  // On SQLite a query's reads share one read transaction; on PostgreSQL each is its own statement.
  const state: FastPathState | undefined =
    options.fastPath === false
      ? undefined
      : {
          plans: new FastPathPlans(),
          reads: store.sqlite ? new ReadTransactions(store.sqlite) : EACH_READ_ON_ITS_OWN,
          runsPlugins: false,
          stepsAside: null,
        };
  const changes = store.watchChanges(options.changePollMs);
  const yoga = createSitrepYoga(options, state, store, changes);
  // Slower, not wrong: say so once, where whoever added the plugin looks.
  if (state?.stepsAside) yoga.logger.warn(`The fast path is off: ${state.stepsAside}.`);
  const fastPath =
    state && state.stepsAside === null
      ? createFastPath({
          ...state,
          store,
          ...(options.readStore && { readStore: options.readStore }),
          limits: { ...DEFAULT_LIMITS, ...options.limits },
          readsNeedToken: options.readsNeedToken ?? false,
          path: GRAPHQL_PATH,
          yoga,
        })
      : null;
  const limits = { ...DEFAULT_LIMITS, ...DEFAULT_SERVER_LIMITS, ...options.limits };
  // Node checks the request and headers timeouts this often (default 30 s: too coarse for them).
  const connectionsCheckingInterval = Math.max(250, Math.min(1000, limits.headersTimeoutMs / 4));
  const server = createServer({ connectionsCheckingInterval }, (req, res) => {
    if (!capacity.admit(req, res)) return;
    // The root is not an API: send people to GraphiQL.
    if (req.url === '/' || req.url === '') {
      res.writeHead(302, { location: GRAPHQL_PATH }).end();
      return;
    }
    if (req.url === HEALTH_PATH && req.method === 'GET') {
      void healthOf(store, options.readStore).then(({ status, body }) =>
        res
          .writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' })
          .end(JSON.stringify(body)),
      );
      return;
    }
    if (fastPath?.handle(req, res)) return;
    void yoga(req, res);
  });
  const capacity = createCapacity(server, limits);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4000, options.host ?? '127.0.0.1', () => resolve());
  });
  // Once listening (a port in use must leave no thread behind): a write that found the log long
  // would copy all of it before answering, and every request would wait.
  const checkpoints = store.sqlite ? writesOf(store.sqlite).checkpointsOffThread() : null;
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  return {
    server,
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}${GRAPHQL_PATH}`,
    fastPath: fastPath?.stats ?? null,
    capacity: capacity.stats,
    get changes() {
      return changes.state;
    },
    close: async () => {
      try {
        await new Promise<void>((resolve, reject) => {
          server.close((err) => (err ? reject(err) : resolve()));
          server.closeAllConnections();
        });
        // Stops the extraction threads (onDispose in createSitrepYoga).
        await yoga.dispose();
      } finally {
        await checkpoints?.stop();
      }
    },
  };
}
