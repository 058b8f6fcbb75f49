import type { Page } from '../page';
import type { ArticleHead } from '../queries/articles';
import type { EntityHead } from '../queries/entities';
import type { AliasRow, ClaimRow, StatementConflictRow, StatementRow } from '../schema';
import type { ClaimStats } from './reads';

/**
 * What a look at one entity asks for (the hover's question): its statements, claims and, for each
 * statement listed, its latest claims. A page left out (null) is not read.
 */
export interface GlanceAsk {
  entityId: number;
  /** Entities the entity points at (operator, host country, affiliation): their heads. */
  headIds: readonly number[];
  /** Pages of the entity's statements, each only contested ones, only not, or all (null). */
  statements: ReadonlyArray<{ contested: boolean | null; page: Page }>;
  /** A page of the claims about the entity, latest first. */
  claims: Page | null;
  /** The page of latest claims read for every statement listed. */
  tellings: Page | null;
}

/**
 * Everything a GlanceAsk names, as the Store's single reads answer it: each part equals what
 * the matching read (aliasesOfEntities, claimStatsOf, statementsAbout, countStatementsAbout,
 * latestClaimsAbout, countClaimsAbout, statementConflicts, latestClaimsOfStatements,
 * articleHeadsByIds, entityHeadsByIds) gives for the same arguments.
 */
export interface EntityGlance {
  aliases: AliasRow[];
  /** Null when nothing is claimed about the entity (claimStatsOf leaves it out). */
  claimStats: ClaimStats | null;
  /** One page and count per ask.statements entry, in its order. */
  statements: Array<{ rows: StatementRow[]; count: number }>;
  claims: { rows: ClaimRow[]; count: number } | null;
  /** Conflicts of every statement listed, by statement then other statement. */
  conflicts: StatementConflictRow[];
  /** Every statement listed as a key, when tellings were asked. */
  tellings: Map<number, ClaimRow[]> | null;
  /** The articles of every claim read. */
  articles: ArticleHead[];
  /** Heads of ask.headIds and of every claim's source actor. */
  heads: EntityHead[];
}

/**
 * A store whose reads are round trips (PostgreSQL) reads a glance in one: a hover is then one
 * statement instead of a dozen. SQLite's reads are calls in the same process and need none.
 */
export interface GlanceReads {
  glanceAt(ask: GlanceAsk): Promise<EntityGlance>;
}

/** An entity's statement count under a contested flag, from its two kept counts. */
export function statementCount(
  stats: { statements: number; contested: number } | undefined,
  contested: boolean | null,
) {
  const total = stats?.statements ?? 0;
  const disputed = stats?.contested ?? 0;
  return contested == null ? total : contested ? disputed : total - disputed;
}
