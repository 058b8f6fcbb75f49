import type { SearchKind } from '@sitrep/vocabulary';
import type { Page } from '../page';
import type { ArticleHead } from '../queries/articles';
import type { SearchHit } from '../queries/search';
import type { AliasRow, ClaimRow, EntityRow, StatementConflictRow, StatementRow } from '../schema';
import type { MaybePromise } from './maybe-promise';
import type { ListReads, RowReads } from './reads-more';

/** How many claims are about an entity, from how many distinct sources, and the latest day said. */
export interface ClaimStats {
  entityId: number;
  claims: number;
  sources: number;
  latest: string | null;
}

/**
 * What the server asks of the knowledge base (the hover's reads here, the others in
 * reads-more.ts), as named reads that both back ends answer alike: the same rows, in the same order, with the same JavaScript types. Lists "by ids" come in id order
 * (callers key them by id); pages come latest first with ids breaking ties, as SQLite lists them.
 * test/postgres/store.*.test.ts holds the two implementations to that.
 */
export interface StoreReads extends RowReads, ListReads {
  /** The entity any spelling of one of its names resolves to (see @sitrep/names' lookupKeys). */
  entityByName(name: string): MaybePromise<EntityRow | undefined>;
  entitiesByIds(ids: readonly number[]): MaybePromise<EntityRow[]>;
  /** Every alias of these entities, in the order they were added. */
  aliasesOfEntities(entityIds: readonly number[]): MaybePromise<AliasRow[]>;
  /** Only entities with claims have stats; the others are left out. */
  claimStatsOf(entityIds: readonly number[]): MaybePromise<ClaimStats[]>;
  /** A page of the claims about an entity, latest said first. */
  latestClaimsAbout(entityId: number, page: Page): MaybePromise<ClaimRow[]>;
  countClaimsAbout(entityId: number): MaybePromise<number>;
  /** A page of the statements about an entity (only contested ones, or only not), last said first. */
  statementsAbout(entityId: number, contested: boolean | null, page: Page): MaybePromise<StatementRow[]>;
  countStatementsAbout(entityId: number, contested: boolean | null): MaybePromise<number>;
  /** A page of each statement's latest claims, every statement asked for a key (an empty list when it has none). */
  latestClaimsOfStatements(statementIds: readonly number[], page: Page): MaybePromise<Map<number, ClaimRow[]>>;
  /** What these statements conflict with, by statement then other statement. */
  statementConflicts(statementIds: readonly number[]): MaybePromise<StatementConflictRow[]>;
  articleHeadsByIds(ids: readonly number[]): MaybePromise<ArticleHead[]>;
  /**
   * Full-text search: the same matches on both back ends; ranks and snippets are each engine's
   * own (bm25 and FTS5's snippet, ts_rank_cd and ts_headline: see pg/search.ts).
   */
  searchText(text: string, kinds: readonly SearchKind[] | null, page: Page): MaybePromise<SearchHit[]>;
  countSearchHits(text: string, kinds: readonly SearchKind[] | null): MaybePromise<number>;
}

type Reader = (...args: never[]) => unknown;

/** A store that answers at once: what the SQLite one is, so its callers need not await. */
export type Synchronous<S> = {
  [K in keyof S]: S[K] extends Reader ? (...args: Parameters<S[K]>) => Awaited<ReturnType<S[K]>> : S[K];
};

/** A store that answers with promises. */
export type Asynchronous<S> = {
  [K in keyof S]: S[K] extends Reader ? (...args: Parameters<S[K]>) => Promise<Awaited<ReturnType<S[K]>>> : S[K];
};
