import type { ClaimFeatures } from './types';

/** How much a shared term says that two claims state the same thing. */
export interface TermWeights {
  weight(term: string): number;
  /**
   * True when every weight, once asked for, stays as it was for the object's life: comparisons
   * under it are then pure and may be remembered (`compareClaims`). A TermStatistics still
   * counting claims is not frozen.
   */
  readonly frozen?: boolean;
}

/** Claims assumed seen before the first, none with any term: weights start even and sharpen as claims arrive. */
export const PRIOR_CLAIMS = 20;

/** Every term alike: what a comparison uses before any claim has been seen. */
export const UNIFORM_WEIGHTS: TermWeights = { weight: () => 1 };

/**
 * Document frequencies of terms over the claims seen so far, for a BM25-style inverse document
 * frequency: a term most claims share ("Russia" in a corpus about Russia's bases) says little, a
 * rare one ("AN-124") says much. Counts only grow, so weights drift slowly as claims arrive; a
 * caller that stores statements can keep `entries()` and `claims` and build the same table again.
 */
export class TermStatistics implements TermWeights {
  private readonly counts: Map<string, number>;

  constructor(
    entries: Iterable<readonly [string, number]> = [],
    /** Claims counted so far. */
    public claims = 0,
  ) {
    this.counts = new Map(entries);
  }

  /** Counts one claim's terms. */
  add(features: Pick<ClaimFeatures, 'terms'>): void {
    this.claims++;
    for (const term of features.terms) this.counts.set(term, (this.counts.get(term) ?? 0) + 1);
  }

  /**
   * BM25's idf, always positive: ln(1 + (N − df + 0.5) / (df + 0.5)), with N counting PRIOR_CLAIMS
   * more claims that hold none of the terms. Without them, while few claims have been seen, the
   * terms two claims share are the ones counted in both and would weigh least exactly when they match.
   */
  weight(term: string): number {
    return termWeightOf(this.counts.get(term) ?? 0, this.claims);
  }

  entries(): IterableIterator<[string, number]> {
    return this.counts.entries();
  }
}

/** A term's weight (`TermStatistics.weight`) from the claims it occurs in and the claims counted. */
export function termWeightOf(df: number, claims: number): number {
  return Math.log(1 + (claims + PRIOR_CLAIMS - df + 0.5) / (df + 0.5));
}

/**
 * `compute(a, b, weights)`, remembered per pair of features while `weights` is frozen (its
 * weights no longer change, so the result cannot either); computed every time otherwise. A claim
 * meets the same features in many members of one statement: copies of a wire story share their
 * quotes, and claims that read alike share one features object (`readClaim`).
 */
export function rememberedPerPair<T>(
  compute: (a: ClaimFeatures, b: ClaimFeatures, weights: TermWeights) => T,
): PairMemory<T> {
  const byWeights = new WeakMap<TermWeights, WeakMap<ClaimFeatures, Map<ClaimFeatures, T>>>();
  // An article's comparisons all run under one weights object: the last one's table is kept at hand.
  let lastWeights: TermWeights | undefined;
  let lastByA: WeakMap<ClaimFeatures, Map<ClaimFeatures, T>> | undefined;
  const memoryOf = (a: ClaimFeatures, weights: TermWeights): Map<ClaimFeatures, T> => {
    let byA = weights === lastWeights ? lastByA : byWeights.get(weights);
    if (!byA) byWeights.set(weights, (byA = new WeakMap()));
    lastWeights = weights;
    lastByA = byA;
    let byB = byA.get(a);
    if (!byB) byA.set(a, (byB = new Map()));
    return byB;
  };
  const recall = (byB: Map<ClaimFeatures, T>, a: ClaimFeatures, b: ClaimFeatures, weights: TermWeights): T => {
    const known = byB.get(b);
    if (known !== undefined || byB.has(b)) return known as T;
    const found = compute(a, b, weights);
    byB.set(b, found);
    return found;
  };
  const remembered = (a: ClaimFeatures, b: ClaimFeatures, weights: TermWeights): T =>
    weights.frozen ? recall(memoryOf(a, weights), a, b, weights) : compute(a, b, weights);
  remembered.from = (a: ClaimFeatures, weights: TermWeights): ((b: ClaimFeatures) => T) => {
    if (!weights.frozen) return (b) => compute(a, b, weights);
    const byB = memoryOf(a, weights);
    return (b) => recall(byB, a, b, weights);
  };
  return remembered;
}

/** `compute(a, b, weights)` remembered (`rememberedPerPair`). */
export interface PairMemory<T> {
  (a: ClaimFeatures, b: ClaimFeatures, weights: TermWeights): T;
  /** The same for one `a` against many `b`, its memory looked up once: a claim against every candidate's claims. */
  from(a: ClaimFeatures, weights: TermWeights): (b: ClaimFeatures) => T;
}

/** A number per features object, for keying pairs without holding either object alive. */
const featureIds = new WeakMap<ClaimFeatures, number>();
let nextFeatureId = 1;

function featureId(f: ClaimFeatures): number {
  let id = featureIds.get(f);
  if (id === undefined) featureIds.set(f, (id = nextFeatureId++));
  return id;
}

/**
 * `compute(a, b)` for what a comparison reads that no term weight changes (stances, predicates,
 * counts, dates, entities), remembered per pair of features across articles, where
 * `rememberedPerPair` holds only under one article's weights: copies of a wire story meet the same
 * statements article after article. Features never change once read, so a remembered answer is
 * the answer. At most `limit` pairs: past it the memory starts over.
 */
export function settledPerPair<T>(compute: (a: ClaimFeatures, b: ClaimFeatures) => T, limit = 250_000) {
  let byA = new Map<number, Map<number, T>>();
  let size = 0;
  return (a: ClaimFeatures, b: ClaimFeatures): T => {
    const ia = featureId(a);
    const ib = featureId(b);
    const byB = byA.get(ia);
    if (byB !== undefined) {
      const known = byB.get(ib);
      if (known !== undefined || byB.has(ib)) return known as T;
    }
    const found = compute(a, b);
    if (size >= limit) {
      byA = new Map();
      size = 0;
    }
    let into = byA.get(ia);
    if (into === undefined) byA.set(ia, (into = new Map()));
    into.set(ib, found);
    size++;
    return found;
  };
}
