import { describe, expect, it } from 'vitest';
import { featuresOf } from './features';
import { JOIN_THRESHOLD } from './grouper';
import { compareClaims, sameStatementScore } from './similarity';
import { claim } from './test-support';

const score = (a: string, b: string, overA = {}, overB = {}) =>
  sameStatementScore(featuresOf(claim(a, overA)), featuresOf(claim(b, overB)));

describe('sameStatementScore', () => {
  it('scores paraphrases and more specific versions of one claim at or above the join threshold', () => {
    expect(
      score('Russian warships have left the port of Harbourtown', 'Two Russian frigates sailed out of Harbourtown'),
    ).toBeGreaterThanOrEqual(JOIN_THRESHOLD);
    expect(
      score(
        'Russia is withdrawing its forces from Harbourtown',
        'Moscow has begun pulling out troops from the Harbourtown base',
      ),
    ).toBeGreaterThanOrEqual(JOIN_THRESHOLD);
    expect(
      score('Russia has no plans to leave Harbourtown', 'Russia will keep its naval base at Harbourtown', {
        stance: 'denies',
      }),
    ).toBeGreaterThanOrEqual(JOIN_THRESHOLD);
  });

  it('scores other events about the same entities below the threshold', () => {
    expect(score('Russia is building a new pier at Harbourtown', 'Russian ships have left Harbourtown')).toBeLessThan(
      JOIN_THRESHOLD,
    );
    expect(
      score('Russia signed a lease for the port of Harbourtown', 'Drones struck the Harbourtown port overnight'),
    ).toBeLessThan(JOIN_THRESHOLD);
  });

  it('keeps apart the same kind of event at another installation or in another month', () => {
    const elsewhere = { about: ['russia', 'portville'], installations: ['portville'] };
    expect(score('Russian ships have left Harbourtown', 'Russian ships have left Portville', {}, elsewhere)).toBe(0);
    expect(score('Russian ships left Harbourtown in January', 'Russian ships left Harbourtown in March')).toBe(0);
    expect(
      score(
        'Russian ships left Harbourtown',
        'Russian ships left Harbourtown',
        { eventDate: '2031-03-01' },
        { eventDate: '2031-03-09' },
      ),
    ).toBe(0);
  });

  it('gives the reason two claims cannot be one statement', () => {
    const apart = (a: string, b: string, overA = {}) =>
      compareClaims(featuresOf(claim(a, overA)), featuresOf(claim(b))).apart;
    expect(apart('two ships left Harbourtown', 'five ships left Harbourtown')).toBe('different counts');
    expect(apart('Russian ships have left Harbourtown', 'Russia remains at Harbourtown')).toBe('opposite predicates');
    // A denied "leaving" is "remaining": the opposite predicate, not merely the other stance.
    expect(apart('Russia is leaving Harbourtown', 'Russia is leaving Harbourtown', { stance: 'denies' })).toBe(
      'opposite predicates',
    );
    expect(apart('Drones struck Harbourtown', 'Drones struck Harbourtown', { stance: 'denies' })).toBe(
      'stances differ',
    );
  });

  it('is symmetric', () => {
    const [a, b] = [
      'Russia moved air defense systems out of Harbourtown',
      'Air defence equipment was withdrawn from Harbourtown',
    ];
    expect(score(a, b)).toBeCloseTo(score(b, a), 10);
  });
});
