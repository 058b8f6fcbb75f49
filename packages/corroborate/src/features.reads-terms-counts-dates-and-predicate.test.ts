import { describe, expect, it } from 'vitest';
import { featuresOf } from './features';
import { claim } from './test-support';

describe('featuresOf', () => {
  it('keeps content lemmas and their classes, not stop words, hedges or frame verbs', () => {
    const f = featuresOf(claim('The warships have reportedly left the port, officials said'));
    expect([...f.terms]).toEqual(expect.arrayContaining(['warship', '~ship', 'leave', '~depart', 'port', 'official']));
    for (const word of ['the', 'have', 'reportedly', 'say']) expect(f.terms.has(word)).toBe(false);
  });

  it('gives a verb named after a movable thing none of its class, a verb of an event its own', () => {
    expect(featuresOf(claim('Some equipment is being shipped back to Russia')).terms.has('~ship')).toBe(false);
    expect(featuresOf(claim('The frigates have left Harbourtown')).terms.has('~ship')).toBe(true);
    expect(featuresOf(claim('Drones struck the depot at Harbourtown')).terms.has('~strike')).toBe(true);
  });

  it('counts numbers written as digits or words, with the noun they count', () => {
    expect(featuresOf(claim('Two AN-124s flew out')).quantities).toEqual([{ value: 2, unit: 'an-124' }]);
    expect(featuresOf(claim('twenty-one Russian vessels and 3,000 troops')).quantities).toEqual([
      { value: 21, unit: 'ship' },
      { value: 3000, unit: 'troop' },
    ]);
  });

  it('reads years and days of months as dates, not counts', () => {
    const f = featuresOf(
      claim('The ships left on December 12, 2030 and returned in January', { saidOn: '2031-01-20' }),
    );
    expect(f.quantities).toEqual([]);
    expect(f.dates).toEqual(['2030-12-12', '2031-01']);
  });

  it('puts a month with no year in the year it was said, or the year before when it would lie ahead', () => {
    expect(featuresOf(claim('ships left in December', { saidOn: '2031-01-05' })).dates).toEqual(['2030-12']);
    expect(featuresOf(claim('ships left in February', { saidOn: '2031-01-05' })).dates).toEqual(['2031-02']);
  });

  it('finds the main predicate past carrier verbs, with its particle, or from a noun in a verbless headline', () => {
    expect(featuresOf(claim('Moscow has begun pulling out its troops')).predicate).toBe('pull out');
    expect(featuresOf(claim('Moscow has begun pulling out its troops')).predicateClass).toBe('depart');
    expect(featuresOf(claim('Russia plans to keep the base')).predicateClass).toBe('stay');
    expect(featuresOf(claim('Russian withdrawal from Harbourtown')).predicate).toBe('withdraw');
  });

  it('notes negation and keeps the event date among the dates', () => {
    const f = featuresOf(claim('Russia is not leaving Harbourtown', { eventDate: '2031-03-08' }));
    expect(f.negated).toBe(true);
    expect(f.dates).toEqual(['2031-03-08']);
  });
});
