import { type Contradiction, contradictionBetween } from './contradiction';
import { sameStatementScore, sameStatementScores } from './similarity';
import type { TermWeights } from './term-statistics';
import type { ClaimFacts, ReadClaim } from './types';
import { CANDIDATE_WINDOW_DAYS, dayOf, windowFor, withinWindow } from './window';

/** A claim joins the best candidate statement whose score reaches this. */
export const JOIN_THRESHOLD = 0.45;
/**
 * An article that says one thing twice (headline and body) may put both in one statement, but
 * only on a closer match: claims of one article share its topic and words without being one claim.
 */
export const SAME_ARTICLE_THRESHOLD = 0.8;
/** A claim is compared with at most this many of a statement's latest claims: the cost per claim stays bounded. */
export const COMPARED_PER_STATEMENT = 12;

export interface GrouperOptions {
  threshold?: number;
  sameArticleThreshold?: number;
  windowDays?: number;
  comparedPerStatement?: number;
}

/**
 * A statement as the placement rules read it. Whoever keeps statements (the in-memory
 * StatementGrouper, or ingest's tables) builds these from the statements that share an entity
 * with the claim and were last said within DURABLE_WINDOW_DAYS of it; the rules keep those in the
 * claim's window themselves.
 */
export interface CandidateStatement {
  id: string;
  /** Its claims, oldest first (only the latest `comparedPerStatement` are read). */
  claims: readonly ReadClaim[];
  /** How many claims it holds in all, where `claims` are only its latest (default: `claims.length`). */
  total?: number;
  /** A curator moved claims into or out of it: claims may join it, it is never merged. */
  curated?: boolean;
  /** The statements it is in a contradiction with. */
  conflicts?: ReadonlySet<string>;
}

const latest = (claims: readonly ReadClaim[], options: GrouperOptions) =>
  claims.slice(-(options.comparedPerStatement ?? COMPARED_PER_STATEMENT));

/**
 * Whether a claim may be compared with a statement: the statement's latest claim was said (or
 * dated) within the window of the claim's day; the longer window where both name a lasting event
 * (a review), read from its latest claims. Undated claims always may.
 */
export function withinStatementWindow(
  claim: ReadClaim,
  statement: Pick<CandidateStatement, 'claims'>,
  options: GrouperOptions = {},
): boolean {
  const claims = latest(statement.claims, options);
  let last: string | null = null;
  const events = new Set<string>();
  for (const member of claims) {
    const day = dayOf(member.facts);
    if (day !== null && (last === null || day > last)) last = day;
    for (const cls of member.features.eventClasses) events.add(cls);
  }
  const windowDays = options.windowDays ?? CANDIDATE_WINDOW_DAYS;
  return withinWindow(dayOf(claim.facts), last, windowFor(claim.features.eventClasses, events, windowDays));
}

/**
 * The candidate statement a claim joins, or null: the best score over each statement's latest
 * claims from other articles (claims of the claim's own article count only at
 * `sameArticleThreshold`); ties go to the earlier candidate. O(candidates × comparedPerStatement).
 */
export function chooseStatement(
  claim: ReadClaim,
  candidates: readonly CandidateStatement[],
  weights: TermWeights,
  options: GrouperOptions = {},
): { id: string; score: number } | null {
  return joinableStatements(claim, candidates, weights, options)[0] ?? null;
}

/**
 * Every candidate statement the claim could join, best first (ties to the earlier candidate): its
 * score over each statement's latest claims, as `chooseStatement` reads them.
 */
export function joinableStatements(
  claim: ReadClaim,
  candidates: readonly CandidateStatement[],
  weights: TermWeights,
  options: GrouperOptions = {},
): Array<{ id: string; score: number }> {
  const threshold = options.threshold ?? JOIN_THRESHOLD;
  const sameArticle = options.sameArticleThreshold ?? SAME_ARTICLE_THRESHOLD;
  const found: Array<{ id: string; score: number; at: number }> = [];
  const scoreOf = sameStatementScores(claim.features, weights);
  candidates.forEach((candidate, at) => {
    let score = 0;
    for (const member of latest(candidate.claims, options)) {
      const s = scoreOf(member.features);
      const own = member.facts.articleId === claim.facts.articleId;
      if (!own || s >= sameArticle) score = Math.max(score, s);
    }
    if (score >= threshold) found.push({ id: candidate.id, score, at });
  });
  return found.sort((x, y) => y.score - x.score || x.at - y.at).map(({ id, score }) => ({ id, score }));
}

/** Where a claim goes: the statement it joins (null: a new one), and the statements merged into that one. */
export interface PlacementChoice {
  joined: { id: string; score: number } | null;
  /**
   * Statements to merge into the joined one: repetitions of one proposition in one article that
   * this claim, from another article, matches each of. A caller moves their claims into it, carries
   * over their contradictions and drops them.
   */
  merged: string[];
}

/**
 * Places a claim among candidate statements (in creation order: ties go to the earlier one), the
 * rules the in-memory grouper and ingest both follow:
 * - only statements in the claim's window count (`withinStatementWindow`);
 * - "X did not respond to a request for comment" reports on the reporting, not on the world: it
 *   stands alone rather than making a statement of every outlet's unanswered call;
 * - it joins the best statement it matches (`joinableStatements`);
 * - the other statements it matches merge into that one where they repeat one article
 *   (`repeatsOneArticle`), unless curated or in a contradiction with it.
 * O(candidates × comparedPerStatement).
 */
export function placeClaim(
  claim: ReadClaim,
  candidates: readonly CandidateStatement[],
  weights: TermWeights,
  options: GrouperOptions = {},
): PlacementChoice {
  if (claim.facts.stance === 'no_comment') return { joined: null, merged: [] };
  const inWindow = candidates.filter((c) => withinStatementWindow(claim, c, options));
  const joinable = joinableStatements(claim, inWindow, weights, options);
  const joined = joinable[0] ?? null;
  if (!joined) return { joined, merged: [] };
  const byId = new Map(inWindow.map((c) => [c.id, c]));
  const chosen = byId.get(joined.id)!;
  // The kept statement as it grows by each merge: its claims and contradictions.
  let into: CandidateStatement = { ...chosen, conflicts: new Set(chosen.conflicts ?? []) };
  const merged: string[] = [];
  for (const { id } of joinable.slice(1)) {
    const other = byId.get(id)!;
    if (!mayMerge(into, other) || !repeatsOneArticle(into, other, claim.facts.articleId, weights, options)) continue;
    merged.push(id);
    into = {
      id: into.id,
      claims: [...into.claims, ...other.claims],
      curated: false,
      conflicts: new Set([...(into.conflicts ?? []), ...(other.conflicts ?? [])]),
    };
  }
  return { joined, merged };
}

/** Neither curated, nor in a contradiction with the other: merging would hide what a person or a contradiction said. */
function mayMerge(a: CandidateStatement, b: CandidateStatement): boolean {
  return !a.curated && !b.curated && !a.conflicts?.has(b.id) && !b.conflicts?.has(a.id);
}

/**
 * Whether two statements are one article saying one thing twice (a summary, then a quote): all
 * their claims (each holds no more than it compares) come from one article, not the joining
 * claim's, and some claim of each matches one of the other at the join threshold. An article's
 * claims join each other only on a close match (`sameArticleThreshold`); a claim from elsewhere
 * that states what each of them states shows they are one proposition.
 */
export function repeatsOneArticle(
  a: CandidateStatement,
  b: CandidateStatement,
  joiningArticle: string,
  weights: TermWeights,
  options: GrouperOptions = {},
): boolean {
  const compared = options.comparedPerStatement ?? COMPARED_PER_STATEMENT;
  const all = (s: CandidateStatement) => (s.total ?? s.claims.length) <= s.claims.length;
  if (!all(a) || !all(b) || b.claims.length > compared) return false;
  const articles = new Set([...a.claims, ...b.claims].map((c) => c.facts.articleId));
  if (articles.size !== 1 || articles.has(joiningArticle)) return false;
  const threshold = options.threshold ?? JOIN_THRESHOLD;
  return latest(a.claims, options).some((x) =>
    b.claims.some((y) => sameStatementScore(x.features, y.features, weights) >= threshold),
  );
}

/** A contradiction a claim reveals between its statement and another. */
export interface FoundContradiction extends Contradiction {
  /** The other statement, and its claim the contradiction was found with. */
  statement: string;
  claim: string;
}

/**
 * Contradictions between a claim, placed in statement `placed`, and the other candidates in its
 * window (those sharing an entity with it or with `context`), one per statement, through their
 * latest claims; statements `placed` already contradicts are skipped.
 */
export function contradictionsOf(
  claim: ReadClaim,
  placed: string,
  candidates: readonly CandidateStatement[],
  weights: TermWeights,
  options: GrouperOptions & { known?: ReadonlySet<string>; context?: ReadonlySet<string> } = {},
): FoundContradiction[] {
  const found: FoundContradiction[] = [];
  for (const other of candidates) {
    if (other.id === placed || options.known?.has(other.id) || !withinStatementWindow(claim, other, options)) continue;
    for (const member of latest(other.claims, options)) {
      const c = contradictionBetween(claim, member, {
        weights,
        windowDays: options.windowDays,
        context: options.context,
      });
      if (!c) continue;
      found.push({ ...c, statement: other.id, claim: member.facts.id });
      break;
    }
  }
  return found;
}

/**
 * What each source of an article spoke of so far, read claim by claim in the article's order:
 * "we did not accept them" is about what the speaker named before, so contradictions are looked
 * for among statements about those entities too. One per article.
 */
export class SpeakerContext {
  private readonly spokenOf = new Map<string, Set<string>>();

  /**
   * What the claim's source spoke of before in its article, beyond the claim's own entities; the
   * claim's entities are added for the source's next claims. Empty for the outlet's own narrative.
   */
  of(facts: ClaimFacts): Set<string> {
    const speaker = facts.source?.actor ?? facts.source?.text.toLowerCase();
    if (speaker === undefined) return new Set();
    const key = `${facts.articleId}\u0000${speaker}`;
    const before = this.spokenOf.get(key) ?? new Set<string>();
    const context = new Set([...before].filter((e) => !facts.about.includes(e)));
    for (const e of facts.about) before.add(e);
    this.spokenOf.set(key, before);
    return context;
  }
}
