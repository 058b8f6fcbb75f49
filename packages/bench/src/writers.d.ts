import { type NewEntity, type SitrepDatabase } from '@sitrep/db';
import type { PlannedArticle } from './article-plan';
/** `api`: the db package's named functions (the real write path); `sql`: prepared statements, for the large scale only. */
export declare const WRITERS: readonly ["api", "sql"];
export type WriterName = (typeof WRITERS)[number];
/** Writes planned rows; both writers must leave the same rows behind (a test compares them). */
export interface Writer {
    transaction(work: () => void): void;
    /** Returns the new entity's id. */
    entity(row: NewEntity, extraNames: readonly string[]): number;
    /** The article, its mentions, then its claims with what they are about; `ids` maps plan indices to entity ids. */
    article(planned: PlannedArticle, ids: readonly number[]): void;
}
/** The real write path, as ingestion takes it: createEntity, createArticle, createMentions, createClaims inside inTransaction. */
export declare function apiWriter(db: SitrepDatabase): Writer;
/**
 * The same rows through statements prepared once, without the per-row checks and re-reads of the
 * named functions: what the write path could cost. Only for building databases the real path
 * takes too long for; the report says which writer built the database.
 */
export declare function sqlWriter(db: SitrepDatabase): Writer;
