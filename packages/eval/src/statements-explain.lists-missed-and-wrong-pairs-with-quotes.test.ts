import type { ExtractedClaim, Extraction } from '@sitrep/extract';
import { describe, expect, it } from 'vitest';
import type { GoldArticle } from './gold';
import { explainStatements } from './statements-explain';
import type { StatementsGold } from './statements-gold';
import { groupArticles } from './statements-run';

// Invented articles: each gold claim is the span of one extracted claim.
function article(file: string, published: string, quotes: string[]) {
  const claims: ExtractedClaim[] = quotes.map((quote, i) => ({
    start: i * 200,
    end: i * 200 + quote.length,
    quote,
    source: null,
    about: ['Harbourtown'],
    stance: 'affirms',
    hedged: false,
    event_date: null,
  }));
  const extraction: Extraction = { article: { published, dateline: null, title: file }, entities: [], claims };
  const gold: GoldArticle = {
    file: `${file}.txt`,
    published,
    dateline: null,
    entities: [],
    places: [],
    claims: claims.map((c) => ({
      quote: c.quote,
      start: c.start,
      end: c.end,
      source: 'the article',
      source_actor: null,
      about: ['Harbourtown'],
      stance: 'affirms',
      hedged: false,
    })),
  };
  return { file: `${file}.txt`, extraction, gold, published };
}

describe('explainStatements', () => {
  it('lists the gold pairs not joined and the pairs joined outside a gold group, with their quotes', () => {
    const a = article('a', '2031-03-10', [
      'Russian frigates have left the port of Harbourtown',
      'Russia is withdrawing its warships from Harbourtown',
    ]);
    const b = article('b', '2031-03-11', [
      'The harvest near Harbourtown was plentiful this spring',
      'Russia has begun withdrawing its warships from Harbourtown',
    ]);
    const gold: StatementsGold = {
      groups: [
        {
          id: 'g1',
          proposition: '',
          single: false,
          claims: [
            { file: 'a', i: 0 },
            { file: 'b', i: 0 },
          ],
        },
      ],
      contradictions: [],
      copies: [],
    };
    const text = explainStatements([a, b], groupArticles([a, b]), gold);
    expect(text).toContain('#### Gold pairs not joined: 1');
    expect(text).toContain('The harvest near Harbourtown was plentiful this spring');
    expect(text).toMatch(/#### Pairs joined but not in one gold group: [1-9]/);
    expect(text).toContain('Russia has begun withdrawing its warships from Harbourtown');
    expect(text).toContain('#### Gold contradictions not found: 0');
  });
});
