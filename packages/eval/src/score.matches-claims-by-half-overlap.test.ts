import type { ExtractedClaim, Extraction } from '@sitrep/extract';
import { describe, expect, it } from 'vitest';
import type { GoldArticle, GoldClaim } from './gold';
import { scoreArticle } from './score';

const claim = (start: number, end: number, more: Partial<ExtractedClaim> = {}): ExtractedClaim => ({
  start,
  end,
  quote: '',
  source: null,
  about: [],
  stance: 'affirms',
  hedged: false,
  event_date: null,
  ...more,
});
const goldClaim = (start: number, end: number, more: Partial<GoldClaim> = {}): GoldClaim => ({
  quote: '',
  start,
  end,
  source: 'the article',
  source_actor: null,
  about: [],
  stance: 'affirms',
  hedged: false,
  ...more,
});
const score = (claims: ExtractedClaim[], goldClaims: GoldClaim[]) => {
  const extraction: Extraction = { article: { published: null, dateline: null, title: '' }, entities: [], claims };
  const gold: GoldArticle = {
    file: 'x.txt',
    published: null,
    dateline: null,
    entities: [],
    places: [],
    claims: goldClaims,
  };
  return scoreArticle(extraction, gold);
};

describe('claim matching', () => {
  it('matches when the spans share at least half of the gold span', () => {
    expect(score([claim(50, 150)], [goldClaim(100, 200)]).counts.claims.matched).toBe(1); // exactly half
    expect(score([claim(0, 1000)], [goldClaim(100, 200)]).counts.claims.matched).toBe(1); // a longer span is fine
  });

  it('does not match below half of the gold span, however much of the extracted span it covers', () => {
    expect(score([claim(0, 149)], [goldClaim(100, 200)]).counts.claims.matched).toBe(0);
    expect(score([claim(120, 130)], [goldClaim(100, 200)]).counts.claims.matched).toBe(0);
    expect(score([claim(0, 10)], [goldClaim(10, 20)]).counts.claims.matched).toBe(0); // touching
  });

  it('pairs one to one, the largest overlap first', () => {
    // Both extracted claims qualify for the first gold claim; the larger overlap takes it and the
    // other is left to the second gold claim, which it also covers by half.
    const s = score([claim(0, 60), claim(0, 100)], [goldClaim(0, 100), goldClaim(50, 70)]);
    expect(s.counts.claims).toEqual({ extracted: 2, gold: 2, matched: 2 });
    const t = score([claim(0, 100), claim(10, 100)], [goldClaim(0, 100)]);
    expect(t.counts.claims).toEqual({ extracted: 2, gold: 1, matched: 1 });
    expect(t.ratios).toMatchObject({ claimPrecision: 0.5, claimRecall: 1 });
  });

  it('scores stance and hedging on matched pairs, event dates only where the gold has one', () => {
    const s = score(
      [
        claim(0, 10, { stance: 'denies', hedged: true, event_date: '2025-01-02' }),
        claim(20, 30, { stance: 'affirms', hedged: false, event_date: '2025-01-03' }),
        claim(40, 50, { event_date: '2025-01-09' }),
        claim(90, 99, { stance: 'no_comment' }), // matches nothing: not scored
      ],
      [
        goldClaim(0, 10, { stance: 'denies', hedged: false, event_date: '2025-01-02' }),
        goldClaim(20, 30, { stance: 'denies', hedged: false, event_date: '2025-01-04' }),
        goldClaim(40, 50),
      ],
    );
    expect(s.counts.stance).toEqual({ correct: 2, total: 3 });
    expect(s.counts.hedged).toEqual({ correct: 2, total: 3 });
    expect(s.counts.eventDate).toEqual({ correct: 1, total: 2 });
  });
});
