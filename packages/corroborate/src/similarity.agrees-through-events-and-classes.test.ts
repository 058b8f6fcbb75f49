import { describe, expect, it } from 'vitest';
import { featuresOf } from './features';
import {
  DESCRIPTION_AND_EVENT,
  EVENT_AGREEMENT,
  UNRELATED_PREDICATES,
  compareClaims,
  predicateAgreement,
} from './similarity';
import { claim } from './test-support';

const agreement = (a: string, b: string) => predicateAgreement(featuresOf(claim(a)), featuresOf(claim(b)));

describe('predicateAgreement through events and classes', () => {
  it('agrees where one claim names as a noun the event the other predicates', () => {
    expect(
      agreement(
        'The envoy, who once led the navy, was speaking at the start of talks, his first visit to Harbourtown since coming to office',
        'The envoy made a working visit to Harbourtown',
      ),
    ).toBe(EVENT_AGREEMENT.predicate);
  });

  it('agrees where both name one event beside unrelated main verbs', () => {
    expect(
      agreement(
        'They would strengthen ties and review the leases signed before',
        'The two governments are discussing a review of the old leases',
      ),
    ).toBeGreaterThanOrEqual(EVENT_AGREEMENT.shared);
  });

  it('reads "reset", "restart" and "redefine" relations as one kind of predicate', () => {
    expect(
      agreement('Ruritania wants to reset relations with Russia', 'Ruritania seeks to restart ties with Moscow'),
    ).toBe(0.9);
    expect(agreement('We are redefining our relations with Russia', 'They plan to restart relations')).toBe(0.9);
  });

  it('agrees less between a standing description and a report of an event than between two descriptions', () => {
    expect(
      agreement('Russia operates two bases in Ruritania', 'The fate of the two Russian bases would be discussed'),
    ).toBe(DESCRIPTION_AND_EVENT);
    expect(agreement('The fate of the bases would be discussed', 'Russia has a naval base at Harbourtown')).toBe(
      DESCRIPTION_AND_EVENT,
    );
    expect(
      agreement(
        'The Harbourtown base is the only repair hub in the region',
        'The bases are part of its presence abroad',
      ),
    ).toBe(UNRELATED_PREDICATES);
  });

  it('still gives unrelated predicates no credit from events the other does not name', () => {
    expect(agreement('Russian ships have left Harbourtown', 'The envoy made a visit to Harbourtown')).toBe(0);
  });
});

describe('compareClaims: counts beside unrelated predicates', () => {
  it('gives the same-count bonus only to claims reporting one kind of event', () => {
    const [left, sailed] = [
      featuresOf(claim('Two Russian frigates left Harbourtown')),
      featuresOf(claim('Two Russian frigates sailed out of Harbourtown')),
    ];
    const [operates, fate] = [
      featuresOf(claim('Russia operates two bases in Ruritania')),
      featuresOf(claim('The future of the two Russian bases in Ruritania will be discussed')),
    ];
    const bonus = (a: typeof left, b: typeof left) => {
      const c = compareClaims(a, b);
      return c.score - (0.55 * c.terms + 0.2 * c.entities + 0.25 * c.predicate);
    };
    expect(bonus(left, sailed)).toBeCloseTo(0.1);
    expect(bonus(operates, fate)).toBeCloseTo(0);
  });
});
