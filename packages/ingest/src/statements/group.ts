import {
  type ClaimRow,
  type SitrepDatabase,
  articleHeadsByIds,
  articlesWithUngroupedClaims,
  listClaims,
  assignClaims,
  claimAboutForClaims,
  latestClaimIdsOfStatements,
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
  type CandidateStatement,
  type ClaimFacts,
  type ReadClaim,
  TermStatistics,
  chooseStatement,
  contradictionBetween,
  readClaim,
} from '@sitrep/corroborate';
import { refreshStatements } from './figures';

/**
 * Statements read as candidates for one claim (those sharing most of its entities, then those said
 * last), and the latest claims of each it is compared with. Each comparison costs a few
 * microseconds, and every claim of every article pays candidates × claims of them: kept small, so
 * grouping costs a claim tens of comparisons, not hundreds, on an entity in the news every day.
 */
const MAX_CANDIDATES = 8;
const COMPARED = 4;

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

/** The candidates' latest claims, read (from the cache where they were read before). */
function candidatesOf(db: SitrepDatabase, ids: readonly number[]): CandidateStatement[] {
  const latest = latestClaimIdsOfStatements(db, ids, COMPARED);
  const wanted = [...new Set([...latest.values()].flat())];
  const read = new Map<number, ReadClaim>();
  for (const id of wanted) {
    const cached = readCache.get(id);
    if (cached) read.set(id, cached);
  }
  const missing = wanted.filter((id) => !read.has(id));
  for (const [id, claim] of readStored(db, claimsByIds(db, missing))) read.set(id, claim);
  return ids.map((id) => ({
    id: String(id),
    claims: (latest.get(id) ?? []).flatMap((claimId) => read.get(claimId) ?? []),
  }));
}

/**
 * In how many claims each term occurs, as last read, per connection. A term's weight changes
 * slowly as claims arrive, so counts read once serve until the claims counted have grown by a
 * tenth (another process may be ingesting too); this connection's own additions are counted in.
 */
const termCache = new WeakMap<object, { claims: number; counts: Map<string, number> }>();

function weightsFor(db: SitrepDatabase, claims: readonly ReadClaim[]): TermStatistics {
  const total = termCountsOf(db, []).claims;
  let cache = termCache.get(db.sqlite);
  if (!cache || Math.abs(total - cache.claims) > Math.max(50, cache.claims / 10)) {
    cache = { claims: total, counts: new Map() };
    termCache.set(db.sqlite, cache);
  }
  const terms = [...new Set(claims.flatMap((c) => [...c.features.terms]))];
  const missing = terms.filter((t) => !cache.counts.has(t));
  if (missing.length > 0) {
    const { counts } = termCountsOf(db, missing);
    for (const term of missing) cache.counts.set(term, counts.get(term) ?? 0);
  }
  return new TermStatistics(
    terms.map((t) => [t, cache.counts.get(t) ?? 0] as const),
    cache.claims,
  );
}

/** Counts a claim's terms, in the database and in this connection's cache. */
function countTerms(db: SitrepDatabase, claim: ReadClaim): void {
  const terms = [...claim.features.terms];
  countClaimTerms(db, terms);
  const cache = termCache.get(db.sqlite);
  if (!cache) return;
  cache.claims++;
  for (const term of new Set(terms)) if (cache.counts.has(term)) cache.counts.set(term, cache.counts.get(term)! + 1);
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
    countTerms(db, claim);
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
