import type { SitrepDatabase } from '@sitrep/db';
/** Claims per statement at most, and one statement in this many is contested (with the next). */
export declare const CLAIMS_PER_STATEMENT = 3;
export declare const CONTESTED_ONE_IN = 20;
export interface LaidStatements {
    statements: number;
    contested: number;
    seconds: number;
}
/**
 * Lays statements over the generated claims, in the shape grouping leaves them, so that ingest and
 * the hover meet an entity with thousands of statements: claims about the same first entity said
 * in the same week, in runs of up to CLAIMS_PER_STATEMENT; one statement in CONTESTED_ONE_IN is
 * in conflict with the next. The generated quotes are made-up words, so running the grouping rules
 * on them would say nothing about real text and cost minutes; real ingest measures those rules.
 * Written after the bulk load, with the triggers on, as grouping writes (entity_statement_stats).
 */
export declare function layStatements(db: SitrepDatabase): LaidStatements;
