import { type Contradiction, contradictionBetween } from './contradiction';
import { readClaim } from './features';
import { compareClaims } from './similarity';
import { TermStatistics, type TermWeights } from './term-statistics';
import type { ClaimFacts, ReadClaim } from './types';
import { CANDIDATE_WINDOW_DAYS, DURABLE_WINDOW_DAYS, dayOf, windowFor, withinWindow } from './window';

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

/** Claims from different articles stating one proposition. */
export interface Statement {
  id: string;
  claims: readonly ClaimFacts[];
  /** Every entity key its claims are about. */
  about: readonly string[];
  /** Earliest and latest day its claims were said (or dated). */
  firstDay: string | null;
  lastDay: string | null;
  /** Distinct articles, and distinct stories (copies of one wire story count once). */
  articles: number;
  stories: number;
}

/** Two statements that cannot both be true, found through one pair of their claims. */
export interface StatementContradiction extends Contradiction {
  statements: [string, string];
  claims: [string, string];
}

export interface Placement {
  statementId: string;
  /** False when the claim started a statement of its own. */
  joined: boolean;
  /** The score it joined with (0 for a new statement). */
  score: number;
  /** Contradictions this claim revealed with statements already there. */
  contradictions: StatementContradiction[];
  /**
   * Statements merged into this one: repetitions of one proposition in one article that this claim,
   * from another article, matches each of (a caller that stores statements merges them too).
   */
  merged: string[];
}

/** A statement as `chooseStatement` reads it: a caller that stores statements builds these from its candidates. */
export interface CandidateStatement {
  id: string;
  /** Its claims, oldest first (only the latest `comparedPerStatement` are read). */
  claims: readonly ReadClaim[];
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
  const compared = options.comparedPerStatement ?? COMPARED_PER_STATEMENT;
  const found: Array<{ id: string; score: number; at: number }> = [];
  candidates.forEach((candidate, at) => {
    let score = 0;
    for (const member of candidate.claims.slice(-compared)) {
      const s = compareClaims(claim.features, member.features, weights).score;
      const own = member.facts.articleId === claim.facts.articleId;
      if (!own || s >= sameArticle) score = Math.max(score, s);
    }
    if (score >= threshold) found.push({ id: candidate.id, score, at });
  });
  return found.sort((x, y) => y.score - x.score || x.at - y.at).map(({ id, score }) => ({ id, score }));
}

interface Held {
  id: string;
  /** Creation order: candidates are read in it, so ties break the same way every run. */
  order: number;
  claims: ReadClaim[];
  about: Set<string>;
  /** Every event class its claims name: lasting ones widen its window. */
  events: Set<string>;
  firstDay: string | null;
  lastDay: string | null;
}

/**
 * Groups claims into statements as they arrive, article by article in publication order. Candidates
 * are the statements that share an entity with the claim and fall in the candidate window
 * (CANDIDATE_WINDOW_DAYS); term weights are learnt from the claims seen. Deterministic: the same
 * claims in the same order give the same statements and ids.
 */
export class StatementGrouper {
  private readonly held: Held[] = [];
  private readonly byId = new Map<string, Held>();
  private readonly byEntity = new Map<string, Set<Held>>();
  private readonly found: StatementContradiction[] = [];
  private readonly pairs = new Set<string>();
  /** Statements in a contradiction found so far: they are not merged, so the contradiction keeps its ids. */
  private readonly contested = new Set<string>();
  /** Each claim's place in arrival order, so merged statements keep their claims oldest first. */
  private readonly arrival = new Map<ReadClaim, number>();
  private opened = 0;
  /** Entities each source spoke of in each article: the context of its claims there. */
  private readonly spokenOf = new Map<string, Set<string>>();
  readonly terms: TermStatistics;

  constructor(
    private readonly options: GrouperOptions = {},
    terms?: TermStatistics,
  ) {
    this.terms = terms ?? new TermStatistics();
  }

  /** Places a claim: in the statement it joins or a new one, with the contradictions it reveals. */
  add(facts: ClaimFacts): Placement {
    const claim = readClaim(facts);
    this.terms.add(claim.features);
    const candidates = this.candidatesFor(claim, claim.features.about);
    // "X did not respond to a request for comment" reports on the reporting, not on the world:
    // it stands alone rather than making a statement of every outlet's unanswered call.
    const joinable =
      facts.stance === 'no_comment' ? [] : joinableStatements(claim, candidates, this.terms, this.options);
    const chosen = joinable[0] ?? null;
    const statement = chosen ? this.byId.get(chosen.id)! : this.open();
    const merged: string[] = [];
    for (const other of joinable.slice(1)) {
      const held = this.byId.get(other.id)!;
      if (!this.repeatsIn(statement, held, facts.articleId)) continue;
      this.merge(statement, held);
      merged.push(held.id);
    }
    this.join(statement, claim);
    // Contradictions are looked for also among statements about what the claim's source spoke of
    // elsewhere in its article: "we did not accept them" is about what the speaker named before.
    const context = this.contextOf(facts);
    const disputed =
      context.size > 0 ? this.candidatesFor(claim, new Set([...claim.features.about, ...context])) : candidates;
    const contradictions = this.contradictionsWith(claim, statement.id, disputed, context);
    this.found.push(...contradictions);
    return { statementId: statement.id, joined: chosen !== null, score: chosen?.score ?? 0, contradictions, merged };
  }

  statements(): Statement[] {
    return this.held.map((h) => this.view(h));
  }

  statement(id: string): Statement | undefined {
    const h = this.byId.get(id);
    return h && this.view(h);
  }

  /** Every contradiction found so far, one per pair of statements, in the order found. */
  contradictions(): StatementContradiction[] {
    return [...this.found];
  }

  /**
   * Statements sharing an entity with the claim, within the window (the longer one where both name a
   * lasting event, such as a review). Statements that fell out of the longest window leave the index: claims come in publication order, so they would stay out.
   */
  private candidatesFor(claim: ReadClaim, entities: ReadonlySet<string>): Held[] {
    const day = dayOf(claim.facts);
    const windowDays = this.options.windowDays ?? CANDIDATE_WINDOW_DAYS;
    const longest = Math.max(windowDays, DURABLE_WINDOW_DAYS);
    const seen = new Set<Held>();
    for (const entity of entities) {
      for (const h of this.byEntity.get(entity) ?? []) {
        if (withinWindow(day, h.lastDay, windowFor(claim.features.eventClasses, h.events, windowDays))) seen.add(h);
        else if (day !== null && h.lastDay !== null && h.lastDay < day && !withinWindow(day, h.lastDay, longest))
          this.byEntity.get(entity)!.delete(h);
      }
    }
    return [...seen].sort((x, y) => x.order - y.order);
  }

  /** Contradictions between the claim and the other candidates' latest claims, one per pair of statements. */
  /**
   * What the claim's source spoke of before in its article, beyond the claim's own entities; the
   * claim's entities are added for the source's next claims. Empty for the outlet's own narrative.
   */
  private contextOf(facts: ClaimFacts): Set<string> {
    const speaker = facts.source?.actor ?? facts.source?.text.toLowerCase();
    if (speaker === undefined) return new Set();
    const key = `${facts.articleId}\u0000${speaker}`;
    const before = this.spokenOf.get(key) ?? new Set<string>();
    const context = new Set([...before].filter((e) => !facts.about.includes(e)));
    for (const e of facts.about) before.add(e);
    this.spokenOf.set(key, before);
    return context;
  }

  private contradictionsWith(
    claim: ReadClaim,
    placed: string,
    candidates: readonly Held[],
    context: ReadonlySet<string>,
  ) {
    const compared = this.options.comparedPerStatement ?? COMPARED_PER_STATEMENT;
    const found: StatementContradiction[] = [];
    for (const other of candidates) {
      const key = [placed, other.id].sort().join(' ');
      if (other.id === placed || this.pairs.has(key)) continue;
      for (const member of other.claims.slice(-compared)) {
        const c = contradictionBetween(claim, member, {
          weights: this.terms,
          windowDays: this.options.windowDays,
          context,
        });
        if (!c) continue;
        this.pairs.add(key);
        this.contested.add(placed).add(other.id);
        found.push({ ...c, statements: [placed, other.id], claims: [claim.facts.id, member.facts.id] });
        break;
      }
    }
    return found;
  }

  /**
   * Whether two statements are one article saying one thing twice (a summary, then a quote): all
   * their claims come from one article, not the joining claim's, and that claim matches both. An
   * article's claims join each other only on a close match (`sameArticleThreshold`); a claim from
   * elsewhere that states what each of them states shows they are one proposition.
   */
  private repeatsIn(a: Held, b: Held, joiningArticle: string): boolean {
    if (this.contested.has(a.id) || this.contested.has(b.id)) return false;
    const articles = new Set([...a.claims, ...b.claims].map((c) => c.facts.articleId));
    if (articles.size !== 1 || articles.has(joiningArticle)) return false;
    // And they say alike what the claim says: some claim of each matches one of the other at the join threshold.
    const threshold = this.options.threshold ?? JOIN_THRESHOLD;
    const compared = this.options.comparedPerStatement ?? COMPARED_PER_STATEMENT;
    return a.claims
      .slice(-compared)
      .some((x) =>
        b.claims.slice(-compared).some((y) => compareClaims(x.features, y.features, this.terms).score >= threshold),
      );
  }

  /** Moves `from`'s claims into `into`, oldest first, and drops `from`. */
  private merge(into: Held, from: Held): void {
    const arrival = (c: ReadClaim) => this.arrival.get(c) ?? 0;
    for (const claim of from.claims) this.join(into, claim);
    into.claims.sort((x, y) => arrival(x) - arrival(y));
    for (const entity of from.about) this.byEntity.get(entity)?.delete(from);
    this.held.splice(this.held.indexOf(from), 1);
    this.byId.delete(from.id);
  }

  private open(): Held {
    const order = this.opened++;
    const h: Held = {
      id: `s${order + 1}`,
      order,
      claims: [],
      about: new Set(),
      events: new Set(),
      firstDay: null,
      lastDay: null,
    };
    this.held.push(h);
    this.byId.set(h.id, h);
    return h;
  }

  private join(h: Held, claim: ReadClaim): void {
    if (!this.arrival.has(claim)) this.arrival.set(claim, this.arrival.size);
    h.claims.push(claim);
    for (const cls of claim.features.eventClasses) h.events.add(cls);
    const day = dayOf(claim.facts);
    if (day !== null) {
      if (h.firstDay === null || day < h.firstDay) h.firstDay = day;
      if (h.lastDay === null || day > h.lastDay) h.lastDay = day;
    }
    // Re-added under every entity of the claim: a statement that left an entity's index while out of
    // the window is back in it once a new claim joins.
    for (const entity of claim.features.about) {
      h.about.add(entity);
      const list = this.byEntity.get(entity) ?? new Set<Held>();
      list.add(h);
      this.byEntity.set(entity, list);
    }
  }

  private view(h: Held): Statement {
    const facts = h.claims.map((c) => c.facts);
    return {
      id: h.id,
      claims: facts,
      about: [...h.about],
      firstDay: h.firstDay,
      lastDay: h.lastDay,
      articles: new Set(facts.map((c) => c.articleId)).size,
      stories: new Set(facts.map((c) => c.storyId ?? c.articleId)).size,
    };
  }
}
