import {
  type ClaimRow,
  type SitrepDatabase,
  articleHeadsByIds,
  articlesWithUngroupedClaims,
  listClaims,
  assignClaims,
  claimAboutForClaims,
  claimIdsOfStatements,
  claimsByIds,
  countClaimTerms,
  createStatement,
  entitiesByIds,
  recordConflict,
  statementCandidates,
  termCountsOf,
} from '@sitrep/db';
import {
  CANDIDATE_WINDOW_DAYS,
  COMPARED_PER_STATEMENT,
  type CandidateStatement,
  type ClaimFacts,
  type ReadClaim,
  TermStatistics,
  chooseStatement,
  contradictionBetween,
  readClaim,
} from '@sitrep/corroborate';
import { refreshStatements } from './figures';

/** Statements read as candidates for one claim, those said last first. */
const MAX_CANDIDATES = 24;

/**
 * Claims as the grouping reads them, by id: reading one (lemmas, counts, dates) costs a pass of the
 * language model, and a statement's latest claims are read again for every claim that may join it.
 */
const readCache = new Map<number, ReadClaim>();
const CACHE_LIMIT = 50_000;

function remember(id: number, claim: ReadClaim): ReadClaim {
  if (readCache.size >= CACHE_LIMIT) readCache.delete(readCache.keys().next().value!);
  readCache.set(id, claim);
  return claim;
}

const daysBefore = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

/** Stored claims as the corroboration library reads them, entities as their ids. */
function readStored(db: SitrepDatabase, rows: readonly ClaimRow[]): Map<number, ReadClaim> {
  const result = new Map<number, ReadClaim>();
  const missing = rows.filter((row) => {
    const cached = readCache.get(row.id);
    if (cached) result.set(row.id, cached);
    return !cached;
  });
  if (missing.length === 0) return result;
  const about = new Map<number, number[]>();
  for (const a of claimAboutForClaims(
    db,
    missing.map((c) => c.id),
  )) {
    about.set(a.claimId, [...(about.get(a.claimId) ?? []), a.entityId]);
  }
  const kinds = new Map(entitiesByIds(db, [...new Set([...about.values()].flat())]).map((e) => [e.id, e.kind]));
  const stories = new Map(
    articleHeadsByIds(db, [...new Set(missing.map((c) => c.articleId))]).map((a) => [a.id, a.storyId ?? a.id]),
  );
  for (const row of missing) {
    const entities = about.get(row.id) ?? [];
    const facts: ClaimFacts = {
      id: String(row.id),
      articleId: String(row.articleId),
      storyId: String(stories.get(row.articleId) ?? row.articleId),
      quote: row.quote,
      about: entities.map(String),
      installations: entities.filter((id) => kinds.get(id) === 'installation').map(String),
      stance: row.stance,
      hedged: row.hedged,
      eventDate: row.eventDate,
      saidOn: row.saidOn,
      source:
        row.sourceText == null && row.sourceActorId == null
          ? null
          : {
              text: row.sourceText ?? '',
              actor: row.sourceActorId == null ? null : String(row.sourceActorId),
              count: row.sourceCount,
              anonymous: row.sourceAnonymous,
            },
    };
    result.set(row.id, remember(row.id, readClaim(facts)));
  }
  return result;
}

/** The candidates' latest claims, read. */
function candidatesOf(db: SitrepDatabase, ids: readonly number[]): CandidateStatement[] {
  const claimIds = claimIdsOfStatements(db, ids);
  const latest = new Map([...claimIds].map(([id, claims]) => [id, claims.slice(-COMPARED_PER_STATEMENT)]));
  const read = readStored(db, claimsByIds(db, [...latest.values()].flat()));
  return ids.map((id) => ({
    id: String(id),
    claims: (latest.get(id) ?? []).flatMap((claimId) => read.get(claimId) ?? []),
  }));
}

/** Term weights over every claim counted so far, for the terms these claims hold. */
function weightsFor(db: SitrepDatabase, claims: readonly ReadClaim[]): TermStatistics {
  const terms = [...new Set(claims.flatMap((c) => [...c.features.terms]))];
  const { claims: counted, counts } = termCountsOf(db, terms);
  return new TermStatistics(counts, counted);
}

/**
 * Places an article's new claims in statements, as they are stored (inside the ingest's
 * transaction): each joins the statement among those about its entities, said in the last
 * CANDIDATE_WINDOW_DAYS, that says the same thing, or starts one; contradictions with the other
 * candidates are recorded; every statement touched is regraded. Returns each claim's statement.
 */
export function groupClaims(db: SitrepDatabase, claims: readonly ClaimRow[]): Map<number, number> {
  const placed = new Map<number, number>();
  if (claims.length === 0) return placed;
  const touched = new Set<number>();
  // Statements this article started: not yet in statement_about, which regrading fills at the end.
  const started: Array<{ id: number; about: Set<string> }> = [];
  const read = readStored(db, claims);
  for (const row of claims) {
    const claim = read.get(row.id)!;
    const since = daysBefore(
      row.eventDate && row.eventDate < row.saidOn ? row.eventDate : row.saidOn,
      CANDIDATE_WINDOW_DAYS,
    );
    const stored = statementCandidates(db, claim.facts.about.map(Number), since, MAX_CANDIDATES);
    const fresh = started.filter((s) => claim.facts.about.some((e) => s.about.has(e))).map((s) => s.id);
    const candidates = candidatesOf(db, [...new Set([...stored, ...fresh])]);
    const weights = weightsFor(db, [claim, ...candidates.flatMap((c) => c.claims)]);
    // "X did not respond to a request for comment" reports on the reporting: it stands alone.
    const chosen = row.stance === 'no_comment' ? null : chooseStatement(claim, candidates, weights);
    let statementId: number;
    if (chosen) statementId = Number(chosen.id);
    else {
      statementId = createStatement(db, row.saidOn);
      started.push({ id: statementId, about: new Set(claim.facts.about) });
    }
    assignClaims(db, [row.id], statementId);
    placed.set(row.id, statementId);
    touched.add(statementId);
    for (const other of candidates) {
      if (Number(other.id) === statementId) continue;
      for (const member of other.claims) {
        const conflict = contradictionBetween(claim, member, { weights });
        if (!conflict) continue;
        recordConflict(db, statementId, Number(other.id), conflict.why);
        touched.add(Number(other.id));
        break;
      }
    }
    countClaimTerms(db, [...claim.features.terms]);
  }
  refreshStatements(db, [...touched]);
  return placed;
}

/**
 * Groups the claims a bulk load stored without grouping (its indexes were set aside), article by
 * article in publication order, each article in a transaction of its own.
 */
export function groupUngroupedClaims(db: SitrepDatabase, onArticle?: (done: number, total: number) => void): number {
  const articles = articlesWithUngroupedClaims(db);
  articles.forEach((articleId, i) => {
    db.sqlite.transaction(() => {
      const rows = listClaims(db, { articleId }, { limit: 100_000, offset: 0 }, 'position');
      groupClaims(
        db,
        rows.filter((c) => c.statementId == null),
      );
    })();
    onArticle?.(i + 1, articles.length);
  });
  return articles.length;
}
