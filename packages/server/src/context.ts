import type { SitrepDatabase } from '@sitrep/db';
import type { TokenScope } from '@sitrep/vocabulary';
import type { QueryLimits } from './limits';
import { type Loaders, createLoaders } from './loaders';

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
}

export function createContext(db: SitrepDatabase, viewer: Viewer, limits: QueryLimits): Context {
  return { db, viewer, limits, loaders: createLoaders(db) };
}
