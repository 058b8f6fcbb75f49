import type { SitrepDatabase } from '@sitrep/db';
import type { TokenScope } from '@sitrep/vocabulary';
import type { QueryLimits } from './limits';
import { type Loaders, createLoaders } from './loaders';
import { DEFAULT_WRITE_POLICY, type WritePolicy } from './write-retry';

/** Who is asking: the scope of the bearer token, or anonymous. */
export interface Viewer {
  scope: TokenScope | null;
  tokenId: number | null;
  /** A bearer token was sent but is unknown or revoked. */
  badToken: boolean;
}

export interface Context {
  db: SitrepDatabase;
  viewer: Viewer;
  /** Per-request batching caches: one SQL statement per kind of row, however wide the query. */
  loaders: Loaders;
  limits: QueryLimits;
  /** How mutations wait for the write lock when another process holds it. */
  writes: WritePolicy;
}

export function createContext(
  db: SitrepDatabase,
  viewer: Viewer,
  limits: QueryLimits,
  writes: WritePolicy = DEFAULT_WRITE_POLICY,
): Context {
  return { db, viewer, limits, writes, loaders: createLoaders(db) };
}
