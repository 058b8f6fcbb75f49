import type { ExtractedClaim, Extraction } from '@sitrep/extract';
import { describe, expect, it } from 'vitest';
import type { GoldArticle, GoldClaim } from './gold';
import type { StatementsGold } from './statements-gold';
import { scoreStatements } from './statements-score';

// Invented articles: each claim is a span [start, end); extracted claims copy the gold spans.
const goldClaim = (start: number): GoldClaim => ({
  quote: 'x',
  start,
  end: start + 10,
  source: 'the article',
  source_actor: null,
  about: [],
  stance: 'affirms',
  hedged: false,
});
const extracted = (g: GoldClaim): ExtractedClaim => ({
  start: g.start,
  end: g.end,
  quote: g.quote,
  source: null,
  about: [],
  stance: g.stance,
  hedged: g.hedged,
  event_date: null,
});
function article(file: string, claims: number) {
  const gold: GoldArticle = {
    file: `${file}.txt`,
    published: null,
    dateline: null,
    entities: [],
    places: [],
    claims: Array.from({ length: claims }, (_, i) => goldClaim(i * 20)),
  };
  const extraction: Extraction = {
    article: { published: null, dateline: null, title: file },
    entities: [],
    claims: gold.claims.map(extracted),
  };
  return { file: `${file}.txt`, extraction, gold };
}

describe('scoreStatements', () => {
  const [a, b, c] = [article('a', 3), article('b', 2), article('c', 1)];
  const gold: StatementsGold = {
    groups: [
      {
        id: 'g1',
        proposition: '',
        single: false,
        claims: [
          { file: 'a', i: 0 },
          { file: 'b', i: 0 },
          { file: 'c', i: 0 },
        ],
      },
      { id: 's1', proposition: '', single: true, claims: [{ file: 'a', i: 1 }] },
      { id: 's2', proposition: '', single: true, claims: [{ file: 'a', i: 2 }] },
    ],
    contradictions: [{ a: 's1', b: 's2', why: '', withinArticle: true }],
    copies: [],
  };
  const statementOf = (pairs: Array<[ExtractedClaim, string]>) => new Map(pairs);

  it('counts pairs of matched gold claims from different articles, in one gold group and in one statement', () => {
    const grouping = {
      // a0 and b0 together (right), c0 alone (two pairs missed), a1 with b1 (a pair in no gold group).
      statementOf: statementOf([
        [a.extraction.claims[0]!, 'x'],
        [b.extraction.claims[0]!, 'x'],
        [c.extraction.claims[0]!, 'y'],
        [a.extraction.claims[1]!, 'z'],
        [b.extraction.claims[1]!, 'z'],
        [a.extraction.claims[2]!, 'w'],
      ]),
      contradictions: [],
    };
    const score = scoreStatements([a, b, c], grouping, gold);
    expect(score.pairs).toMatchObject({ truePositive: 1, falsePositive: 1, falseNegative: 2 });
    expect(score.pairs.f1).toBeCloseTo(2 / 5);
  });

  it('finds a gold contradiction through the statements of its sides and counts wrong flags against precision', () => {
    const grouping = {
      statementOf: statementOf([
        [a.extraction.claims[0]!, 'x'],
        [a.extraction.claims[1]!, 'z'],
        [a.extraction.claims[2]!, 'w'],
      ]),
      contradictions: [{ statements: ['w', 'z'] as const }, { statements: ['x', 'z'] as const }],
    };
    expect(scoreStatements([a], grouping, gold).contradictions).toMatchObject({
      reachable: 1,
      found: 1,
      flagged: 2,
      correct: 1,
      recall: 1,
      precision: 0.5,
    });
  });
});
