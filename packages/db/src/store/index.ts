export type { MaybePromise } from './maybe-promise';
export { thenMaybe } from './maybe-promise';
export type { Asynchronous, ClaimStats, StoreReads, Synchronous } from './reads';
export { sqliteStore } from './sqlite';
export { postgresStore } from './postgres/index';
export { postgresIngestQueries } from './postgres/ingest-writes';
export type { DictionaryAlias, ListReads, RowReads } from './reads-more';
export type { CurationQueries, IngestQueries, IngestTarget, IngestWrites, StatementWatch } from './writes';
export { sqliteIngestWrites, writesOf } from './writes';
