import type { TokenScope } from '@sitrep/vocabulary';
import type { Changes } from './changes';
import { ServerExtraction } from './extraction';
import type { QueryLimits } from './limits';
import { type Loaders, createLoaders } from './loaders';
import type { ServerStore } from './store';
import { DEFAULT_WRITE_POLICY, type WritePolicy } from './write-retry';

/** Who is asking: the scope of the bearer token, or anonymous. */
export interface Viewer {
  scope: TokenScope | null;
  tokenId: number | null;
  /** A bearer token was sent but is unknown or revoked. */
  badToken: boolean;
}

export interface Context {
  /** What every query reads through, on either back end. */
  store: ServerStore;
  viewer: Viewer;
  /** Per-request batching caches: one SQL statement per kind of row, however wide the query. */
  loaders: Loaders;
  limits: QueryLimits;
  /** How mutations wait for the write lock when another process holds it. */
  writes: WritePolicy;
  /** Reads articles for ingestArticle off the server's thread. */
  extraction: ServerExtraction;
  /** Commits to the database, for subscriptions; null where nothing watches (the fast path, memory). */
  changes: Changes | null;
  /** Lists read ahead for this request (read-ahead.ts), by their reads' arguments; null until one is. */
  ahead: Map<string, unknown> | null;
}

/** For contexts that never ingest (the fast path answers queries only): reads on this thread. */
const ON_THIS_THREAD = new ServerExtraction({ threads: 0 });

export function createContext(
  store: ServerStore,
  viewer: Viewer,
  limits: QueryLimits,
  writes: WritePolicy = DEFAULT_WRITE_POLICY,
  extraction: ServerExtraction = ON_THIS_THREAD,
  changes: Changes | null = null,
): Context {
  return {
    store,
    viewer,
    limits,
    writes,
    extraction,
    changes,
    loaders: createLoaders(store),
    ahead: null,
  };
}
