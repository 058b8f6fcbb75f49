import type { Page } from '../page';
import type { ArticleHead } from '../queries/articles';
import type { EntityHead } from '../queries/entities';
import type { AliasRow, ClaimAboutRow, ClaimRow, StatementConflictRow, StatementRow } from '../schema';
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

/** What a page of claims shows beside each claim: read for the claims and ids a page names. */
export interface ClaimsAsk {
  /** The claims whose subjects (claim_about rows, and their entities' heads) are asked; none when empty. */
  aboutOf: readonly number[];
  /** Entities whose heads are asked (the claims' source actors). */
  headIds: readonly number[];
  /** Articles whose heads are asked. */
  articleIds: readonly number[];
}

/** A ClaimsAsk's answer, each part as claimAboutForClaims, entityHeadsByIds and articleHeadsByIds give it. */
export interface ClaimsSurroundings {
  about: ClaimAboutRow[];
  /** Heads of headIds and of every subject in `about`. */
  heads: EntityHead[];
  articles: ArticleHead[];
}

/**
 * A store whose reads are round trips (PostgreSQL) reads a glance in one: a hover is then one
 * statement instead of a dozen. SQLite's reads are calls in the same process and need none.
 */
export interface GlanceReads {
  glanceAt(ask: GlanceAsk): Promise<EntityGlance>;
  /** What a page of claims shows beside them (subjects, sources, articles), in one statement. */
  aroundClaims(ask: ClaimsAsk): Promise<ClaimsSurroundings>;
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
