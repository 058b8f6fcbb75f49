import { describe, expect, it } from 'vitest';
import type { Counts } from './score';
import { totals } from './score';

const counts = (claims: Counts['claims'], stance: Counts['stance'], about: Counts['about']): Counts => ({
  entities: { extracted: claims.extracted, gold: claims.gold, matched: claims.matched },
  claims,
  attribution: stance,
  sourceActor: stance,
  about,
  stance,
  hedged: stance,
  eventDate: { correct: 0, total: 0 },
});

describe('totals', () => {
  it('sums the counts of every article and divides once, rather than averaging the ratios', () => {
    // A short article scored perfectly and a long one scored poorly: the long one weighs more.
    const small = counts({ extracted: 1, gold: 1, matched: 1 }, { correct: 1, total: 1 }, { correct: 1, total: 1 });
    const large = counts({ extracted: 9, gold: 19, matched: 3 }, { correct: 1, total: 3 }, { correct: 0.5, total: 3 });
    const total = totals([{ counts: small }, { counts: large }]);

    expect(total.counts.claims).toEqual({ extracted: 10, gold: 20, matched: 4 });
    expect(total.counts.stance).toEqual({ correct: 2, total: 4 });
    expect(total.ratios).toMatchObject({
      claimPrecision: 0.4, // 4/10, where the mean of 1 and 1/3 would be 0.67
      claimRecall: 0.2,
      claimF1: 8 / 30,
      stance: 0.5,
      about: 1.5 / 4,
      eventDate: null, // no gold claim had a date: nothing to measure
    });
  });

  it('gives ratios of nothing as null, and an F1 of 0 when nothing was extracted', () => {
    const none = counts({ extracted: 0, gold: 5, matched: 0 }, { correct: 0, total: 0 }, { correct: 0, total: 0 });
    const total = totals([{ counts: none }]);
    expect(total.ratios).toMatchObject({ claimPrecision: null, claimRecall: 0, claimF1: 0, stance: null });
    expect(totals([]).ratios.entityF1).toBeNull();
  });
});
