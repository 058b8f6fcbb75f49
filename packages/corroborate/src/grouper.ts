import type { Contradiction } from './contradiction';
import { readClaim } from './features';
import {
  type CandidateStatement,
  type GrouperOptions,
  SpeakerContext,
  contradictionsOf,
  placeClaim,
} from './placement';
import { TermStatistics } from './term-statistics';
import type { ClaimFacts, ReadClaim } from './types';
import { CANDIDATE_WINDOW_DAYS, DURABLE_WINDOW_DAYS, dayOf, withinWindow } from './window';

export {
  COMPARED_PER_STATEMENT,
  type CandidateStatement,
  type GrouperOptions,
  JOIN_THRESHOLD,
  SAME_ARTICLE_THRESHOLD,
  chooseStatement,
  joinableStatements,
} from './placement';

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

interface Held {
  id: string;
  /** Creation order: candidates are read in it, so ties break the same way every run. */
  order: number;
  claims: ReadClaim[];
  about: Set<string>;
  firstDay: string | null;
  lastDay: string | null;
}

/**
 * Groups claims into statements as they arrive, article by article in publication order, by the
 * rules ingest follows on stored statements (`placeClaim`, `contradictionsOf`). Candidates are
 * the statements that share an entity with the claim; term weights are learnt from the claims
 * seen. Deterministic: the same claims in the same order give the same statements and ids.
 */
export class StatementGrouper {
  private readonly held: Held[] = [];
  private readonly byId = new Map<string, Held>();
  private readonly byEntity = new Map<string, Set<Held>>();
  private readonly found: StatementContradiction[] = [];
  /** The statements each statement is in a contradiction with. */
  private readonly conflicts = new Map<string, Set<string>>();
  /** Each claim's place in arrival order, so merged statements keep their claims oldest first. */
  private readonly arrival = new Map<ReadClaim, number>();
  private opened = 0;
  private readonly context = new SpeakerContext();
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
    const { joined, merged } = placeClaim(claim, candidates.map(this.asCandidate), this.terms, this.options);
    const statement = joined ? this.byId.get(joined.id)! : this.open();
    for (const id of merged) this.merge(statement, this.byId.get(id)!);
    this.join(statement, claim);
    // Contradictions are looked for also among statements about what the claim's source spoke of
    // elsewhere in its article: "we did not accept them" is about what the speaker named before.
    const context = this.context.of(facts);
    const disputed =
      context.size > 0
        ? this.candidatesFor(claim, new Set([...claim.features.about, ...context]))
        : candidates.filter((h) => this.byId.has(h.id));
    const contradictions = contradictionsOf(claim, statement.id, disputed.map(this.asCandidate), this.terms, {
      ...this.options,
      known: this.conflicts.get(statement.id),
      context,
    }).map(({ statement: other, claim: member, ...c }): StatementContradiction => ({
      ...c,
      statements: [statement.id, other],
      claims: [claim.facts.id, member],
    }));
    for (const c of contradictions) this.contest(c);
    return { statementId: statement.id, joined: joined !== null, score: joined?.score ?? 0, contradictions, merged };
  }

  statements(): Statement[] {
    return this.held.map((h) => this.view(h));
  }

  statement(id: string): Statement | undefined {
    const h = this.byId.get(id);
    return h && this.view(h);
  }

  /** Every contradiction found so far, one per pair of statements, in the order found (merged statements renamed to the one kept). */
  contradictions(): StatementContradiction[] {
    return [...this.found];
  }

  private readonly asCandidate = (h: Held): CandidateStatement => ({
    id: h.id,
    claims: h.claims,
    conflicts: this.conflicts.get(h.id),
  });

  /**
   * Statements sharing an entity with the claim, within the longest window (`placeClaim` keeps
   * those in the claim's own), in creation order. Statements that fell out of the longest window
   * leave the index: claims come in publication order, so they would stay out.
   */
  private candidatesFor(claim: ReadClaim, entities: ReadonlySet<string>): Held[] {
    const day = dayOf(claim.facts);
    const longest = Math.max(this.options.windowDays ?? CANDIDATE_WINDOW_DAYS, DURABLE_WINDOW_DAYS);
    const seen = new Set<Held>();
    for (const entity of entities) {
      for (const h of this.byEntity.get(entity) ?? []) {
        if (withinWindow(day, h.lastDay, longest)) seen.add(h);
        else if (day !== null && h.lastDay !== null && h.lastDay < day) this.byEntity.get(entity)!.delete(h);
      }
    }
    return [...seen].sort((x, y) => x.order - y.order);
  }

  private contest(c: StatementContradiction): void {
    this.found.push(c);
    const [a, b] = c.statements;
    this.conflicts.set(a, (this.conflicts.get(a) ?? new Set()).add(b));
    this.conflicts.set(b, (this.conflicts.get(b) ?? new Set()).add(a));
  }

  /** Moves `from`'s claims into `into`, oldest first, carries its contradictions over to `into`, and drops it. */
  private merge(into: Held, from: Held): void {
    const arrival = (c: ReadClaim) => this.arrival.get(c) ?? 0;
    for (const claim of from.claims) this.join(into, claim);
    into.claims.sort((x, y) => arrival(x) - arrival(y));
    for (const entity of from.about) this.byEntity.get(entity)?.delete(from);
    this.held.splice(this.held.indexOf(from), 1);
    this.byId.delete(from.id);
    const carried = this.found.splice(0).flatMap((c) => {
      const statements = c.statements.map((s) => (s === from.id ? into.id : s)) as [string, string];
      return statements[0] === statements[1] ? [] : [{ ...c, statements }];
    });
    this.conflicts.clear();
    // One contradiction per pair of statements: the first found stays.
    const pairs = new Set<string>();
    for (const c of carried) {
      const key = [...c.statements].sort().join(' ');
      if (pairs.has(key)) continue;
      pairs.add(key);
      this.contest(c);
    }
  }

  private open(): Held {
    const order = this.opened++;
    const h: Held = {
      id: `s${order + 1}`,
      order,
      claims: [],
      about: new Set(),
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
