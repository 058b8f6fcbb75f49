import { type EntityPlan } from './entity-plan';
import type { Scale } from './scales';
import { type LaidStatements } from './lay-statements';
import { type WriterName } from './writers';
/** How skewed mentions are: with s = 1.1 over 20k entities the top name is in about one claim in five. */
export declare const ENTITY_ZIPF_S = 1.1;
/** Claims per write transaction. */
export declare const CLAIMS_PER_TRANSACTION = 2000;
export interface BuildFigures {
    /** `api` is the real write path; `sql` prepared statements (see writers.ts). */
    writer: WriterName;
    entities: number;
    aliases: number;
    articles: number;
    claims: number;
    mentions: number;
    claimAbout: number;
    entitySeconds: number;
    articleSeconds: number;
    /** Building the indexes, full-text index and per-entity counts once, after the rows (see bulkLoad). */
    indexSeconds: number;
    /** indexSeconds per step: each index, each search index and count catch-up, the commit. */
    indexSteps: Record<string, number>;
    checkpointSeconds: number;
    /** Making up the articles and claims to write (the bench's own work, left out of the rest). */
    planSeconds: number;
    /** Everything written: entities, articles with claims and mentions, and the final WAL checkpoint. */
    seconds: number;
    claimsPerSecond: number;
    /** The database file after the checkpoint (the WAL is then empty). */
    fileBytes: number;
    /** Statements laid over the claims after the load (see lay-statements.ts); not part of `seconds`. */
    statements: LaidStatements;
    /** Share of claims about the most talked-about entity. */
    topEntityShare: number;
    topEntity: string;
}
export interface BuiltDatabase {
    figures: BuildFigures;
    plan: EntityPlan;
}
export declare class BuildTimeout extends Error {
    readonly claims: number;
    readonly seconds: number;
    constructor(claims: number, seconds: number);
}
export interface BuildOptions {
    file: string;
    scale: Scale;
    seed: number;
    /** Default `api`, the real write path. */
    writer?: WriterName;
    /** Called every few seconds while articles are written. */
    onProgress?: (claims: number, total: number, seconds: number) => void;
    signal?: AbortSignal;
}
/**
 * Builds the benchmark database, by default through the real write path: createEntity (with its
 * aliases), createArticle, createMentions and createClaims, in transactions of about 2,000 claims,
 * all inside one bulkLoad (indexes and triggers built once at the end, as `sitrep ingest --bulk` does).
 */
export declare function buildDatabase(options: BuildOptions): Promise<BuiltDatabase>;
