import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FEATURES_VERSION, featuresContent, featuresFromJson, featuresOf, featuresToJson } from './features';
import { claim } from './test-support';

// Invented claims of our own, reading most of what features hold: counts, dates, negation,
// hedges, a passive, a purpose, names, classes.
const CLAIMS = [
  claim('Two AN-124s flew out of Harbourtown on March 3, Russian officials said'),
  claim('The frigates have not left the port, the ministry denied', { stance: 'denies' }),
  claim('Some equipment is being shipped back to Russia', { hedged: true }),
  claim('The pier was built to berth carriers, a review of the lease may follow', { eventDate: '2031-03-02' }),
  claim('twenty-one Russian vessels and 3,000 troops remain at the base', { about: ['russia'], installations: [] }),
];

/**
 * What featuresOf reads from CLAIMS, as stored, at each FEATURES_VERSION. When a change to the rules
 * moves it, raise FEATURES_VERSION (stored features of the old rules then read again) and add the
 * new digest here.
 */
const DIGEST_AT_VERSION: Record<number, string> = {
  1: '74eeba0358885dcfc8f39b14f96933f68b1846e9',
};

describe('stored features', () => {
  it('read back equal to the features stored, sets in their order', () => {
    for (const facts of CLAIMS) {
      const features = featuresOf(facts);
      const back = featuresFromJson(featuresToJson(features))!;
      expect(back).toStrictEqual(features);
      expect([...back.terms]).toEqual([...features.terms]);
      expect(Object.keys(back).sort()).toEqual(Object.keys(features).sort());
    }
  });

  it('of another shape are not read as features', () => {
    expect(featuresFromJson('{"terms":{"set":["ship"]}}')).toBeUndefined();
    expect(featuresFromJson('[["ship"]]')).toBeUndefined();
  });

  it('are stored under content that changes with the quote, the dates, the stance and the entities', () => {
    const [facts] = CLAIMS;
    const content = featuresContent(facts!);
    expect(featuresContent({ ...facts!, id: 'other', articleId: 'other' })).toBe(content);
    for (const changed of [
      { quote: `${facts!.quote}.` },
      { eventDate: '2031-03-03' },
      { stance: 'denies' as const },
      { about: ['russia', 'tartus'] },
    ])
      expect(featuresContent({ ...facts!, ...changed })).not.toBe(content);
  });

  it('are what this version of the rules reads (a change of the rules raises FEATURES_VERSION)', () => {
    const digest = createHash('sha1')
      .update(CLAIMS.map((c) => featuresToJson(featuresOf(c))).join('\n'))
      .digest('hex');
    expect(digest).toBe(DIGEST_AT_VERSION[FEATURES_VERSION]);
  });
});
