import { negatedClass } from './lexicon';
import type { ClaimFeatures } from './types';

/** What a claim asserts, its denial read through: the predicate class and whether the claim says it holds. */
export interface Polarity {
  cls: string | null;
  holds: boolean;
}

/**
 * A denied or negated predicate whose class has one opposite is that opposite affirmed: "is not
 * leaving" and "has no plans to leave" say what "remains" says. Other denials stay denials.
 */
export function polarityOf(f: Pick<ClaimFeatures, 'stance' | 'negated' | 'predicateClass'>): Polarity {
  const holds = f.stance !== 'denies' && !f.negated;
  const opposite = holds ? null : negatedClass(f.predicateClass);
  return opposite !== null ? { cls: opposite, holds: true } : { cls: f.predicateClass, holds };
}
