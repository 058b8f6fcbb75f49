export type { MaybePromise } from './maybe-promise';
export { thenMaybe } from './maybe-promise';
export type { Asynchronous, ClaimStats, StoreReads, Synchronous } from './reads';
export { sqliteStore } from './sqlite';
export { postgresStore } from './postgres/index';
export type { DictionaryAlias, ListReads, RowReads } from './reads-more';
