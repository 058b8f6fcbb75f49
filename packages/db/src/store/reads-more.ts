import type { EntityKind, ReliabilityGrade } from '@sitrep/vocabulary';
import type { Page, DateRange } from '../page';
import type { ArticleFilter, ArticleHead } from '../queries/articles';
import type { ClaimFilter, ClaimOrder } from '../queries/claims';
import type { EntityFilter, EntityHead, EntityNames } from '../queries/entities';
import type { MentionFilter } from '../queries/mentions';
import type { StatementFilter } from '../queries/statements';
import type {
  ApiTokenRow,
  ClaimAboutRow,
  ClaimRow,
  EntityRow,
  MentionRow,
  SourceReliabilityChangeRow,
  StatementRow,
} from '../schema';
import type { MaybePromise } from './maybe-promise';

/** An alias as the editor's dictionary lists it. */
export interface DictionaryAlias {
  name: string;
  entityId: number;
  kind: EntityKind;
  primary: boolean;
}

/**
 * Rows by id: in no particular order (callers key them by id), missing ids left out. Lists of
 * children (claim_about, statement_about, grade changes) come in the order their SQLite query gives.
 */
export interface RowReads {
  entityHeadsByIds(ids: readonly number[]): MaybePromise<EntityHead[]>;
  articleTextsByIds(ids: readonly number[]): MaybePromise<Array<{ id: number; text: string }>>;
  /** The other articles of each article's story, oldest first, every article asked for a key. */
  copiesOfArticles(ids: readonly number[]): MaybePromise<Map<number, ArticleHead[]>>;
  claimsByIds(ids: readonly number[]): MaybePromise<ClaimRow[]>;
  /** Each claim's subjects by entity id (the claims themselves in no particular order). */
  claimAboutForClaims(claimIds: readonly number[]): MaybePromise<ClaimAboutRow[]>;
  mentionsByIds(ids: readonly number[]): MaybePromise<MentionRow[]>;
  statementsByIds(ids: readonly number[]): MaybePromise<StatementRow[]>;
  /** The entities each statement is about, by statement then entity. */
  statementAboutFor(ids: readonly number[]): MaybePromise<Array<{ statementId: number; entityId: number }>>;
  /** Claim ids of each statement, oldest said first, every statement asked for a key. */
  claimIdsOfStatements(ids: readonly number[]): MaybePromise<Map<number, number[]>>;
  /** The curators' grades of these source actors; one without a grade is left out. */
  reliabilityOf(actorIds: readonly number[]): MaybePromise<Map<number, ReliabilityGrade>>;
  /** Grade changes of these actors, newest first. */
  reliabilityChanges(entityIds: readonly number[]): MaybePromise<SourceReliabilityChangeRow[]>;
  /** The live (not revoked) token with this secret. */
  liveToken(secret: string): MaybePromise<ApiTokenRow | undefined>;
}

/** Filtered lists, paged in the order SQLite lists them, and their counts. */
export interface ListReads {
  listEntities(filter: EntityFilter, page: Page): MaybePromise<EntityRow[]>;
  countEntities(filter: EntityFilter): MaybePromise<number>;
  listArticles(filter: ArticleFilter, page: Page): MaybePromise<ArticleHead[]>;
  countArticles(filter: ArticleFilter): MaybePromise<number>;
  listClaims(filter: ClaimFilter, page: Page, order: ClaimOrder): MaybePromise<ClaimRow[]>;
  countClaims(filter: ClaimFilter): MaybePromise<number>;
  listMentions(filter: MentionFilter, page: Page): MaybePromise<MentionRow[]>;
  countMentions(filter: MentionFilter): MaybePromise<number>;
  listStatements(filter: StatementFilter, page: Page): MaybePromise<StatementRow[]>;
  countStatements(filter: StatementFilter): MaybePromise<number>;
  /** An entity's statements in the order things happened (event date, else first said). */
  timelineOf(entityId: number, range: DateRange, page: Page): MaybePromise<StatementRow[]>;
  countTimeline(entityId: number, range: DateRange): MaybePromise<number>;
  /** Every alias with its entity, in the order added: the editor's dictionary. */
  allAliases(): MaybePromise<DictionaryAlias[]>;
  /** Changes whenever a name is added, moved or removed. */
  aliasDictionaryVersion(): MaybePromise<string>;
  /** Every entity with its kind, type and other names, by id: what a knowledge base of names is built from. */
  entityNames(): MaybePromise<EntityNames[]>;
}
