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
    const df = this.counts.get(term) ?? 0;
    return Math.log(1 + (this.claims + PRIOR_CLAIMS - df + 0.5) / (df + 0.5));
  }

  entries(): IterableIterator<[string, number]> {
    return this.counts.entries();
  }
}

/**
 * `compute(a, b, weights)`, remembered per pair of features while `weights` is frozen (its
 * weights no longer change, so the result cannot either); computed every time otherwise. A claim
 * meets the same features in many members of one statement: copies of a wire story share their
 * quotes, and claims that read alike share one features object (`readClaim`).
 */
export function rememberedPerPair<T>(
  compute: (a: ClaimFeatures, b: ClaimFeatures, weights: TermWeights) => T,
): (a: ClaimFeatures, b: ClaimFeatures, weights: TermWeights) => T {
  const byWeights = new WeakMap<TermWeights, WeakMap<ClaimFeatures, Map<ClaimFeatures, T>>>();
  return (a, b, weights) => {
    if (!weights.frozen) return compute(a, b, weights);
    let byA = byWeights.get(weights);
    if (!byA) byWeights.set(weights, (byA = new WeakMap()));
    let byB = byA.get(a);
    if (!byB) byA.set(a, (byB = new Map()));
    if (byB.has(b)) return byB.get(b)!;
    const found = compute(a, b, weights);
    byB.set(b, found);
    return found;
  };
}
