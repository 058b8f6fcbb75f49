import { describe, expect, it } from 'vitest';
import { featuresOf } from './features';
import { claim } from './test-support';

describe('featuresOf: roles, events and circumstances', () => {
  it('does not take a participle before its noun for the predicate', () => {
    expect(
      featuresOf(claim('There are close relations and shared interests, and we respect the lease')).predicate,
    ).toBe('respect');
    expect(featuresOf(claim('There were contracts with the old rulers, and we did not accept them')).predicate).toBe(
      'accept',
    );
  });

  it('reads no event from a noun in a circumstance phrase ("during the talks")', () => {
    const f = featuresOf(claim('The pier question was on the table during the recent talks'));
    expect(f.predicate).toBeNull();
    expect(f.eventClasses.has('discuss')).toBe(false);
    expect(featuresOf(claim('The envoy held talks in Harbourtown')).eventClasses.has('discuss')).toBe(true);
  });

  it('leaves the words of a circumstance phrase out of the content terms: they set the scene', () => {
    const f = featuresOf(
      claim('Ruritania will review the old leases amid uncertainty over the future of the naval base'),
    );
    expect([...f.terms]).toEqual(expect.arrayContaining(['review', 'old', 'lease']));
    for (const word of ['uncertainty', 'future', 'naval', 'base']) expect(f.terms.has(word)).toBe(false);
    expect(featuresOf(claim('The future of the naval base is uncertain')).terms.has('future')).toBe(true);
  });

  it('reads a participle-shaped preposition ("following the fall") as a circumstance, through hyphenated names', () => {
    const f = featuresOf(
      claim('Frigates have left Harbourtown following the fall of President Jean-Luc Dupont by rebel forces'),
    );
    for (const word of ['fall', 'president', 'dupont', 'rebel', 'force']) expect(f.terms.has(word)).toBe(false);
    expect(featuresOf(claim('Russian frigates were following the convoy')).terms.has('convoy')).toBe(true);
  });

  it('gathers the classes of every event named, by verb or by noun', () => {
    const f = featuresOf(claim('The envoy was speaking at the opening, his first visit to Harbourtown'));
    expect(f.eventClasses.has('discuss')).toBe(true);
    expect([...featuresOf(claim('We did not accept the lease and it was suspended')).eventVerbs]).toEqual(
      expect.arrayContaining(['accept', 'suspend']),
    );
  });

  it("reads the class of the predicate's subject, and none when the quote has no subject", () => {
    expect(featuresOf(claim('Russian frigates have reportedly left Harbourtown')).subjectClass).toBe('ship');
    expect(featuresOf(claim('The garrison troops remain in Harbourtown')).subjectClass).toBe('troop');
    expect(featuresOf(claim('is not leaving its bases in Harbourtown')).subjectClass).toBeNull();
  });

  it('reads whether the subject is named and whether the predicate is passive, past carrying verbs', () => {
    const holder = featuresOf(claim('Russia has reportedly begun withdrawing its hardware from Harbourtown'));
    expect(holder).toMatchObject({ predicate: 'withdraw', subjectNamed: true, passive: false });
    expect(featuresOf(claim('Some equipment is being flown back to Russia'))).toMatchObject({
      subjectClass: 'weapon',
      subjectNamed: false,
      passive: true,
    });
    expect(featuresOf(claim('Moscow was pulling its frigates out of Harbourtown')).passive).toBe(false);
  });

  it('reads the purpose a predicate is done for', () => {
    expect(featuresOf(claim('the pier was built to host aircraft carriers')).purpose).toBe('host');
    expect(featuresOf(claim('a long pier was built at Harbourtown')).purpose).toBeNull();
  });

  it('drops discourse markers such as "of course"', () => {
    expect(featuresOf(claim('We did, of course, sign the lease')).terms.has('course')).toBe(false);
  });
});

describe('featuresOf: coordinated predicates', () => {
  it('takes a classed verb coordinated with an unclassed one for the predicate', () => {
    expect(featuresOf(claim('The two navies would deepen ties and review the old leases')).predicate).toBe('review');
    expect(featuresOf(claim('Russian ships have left Harbourtown and anchored offshore')).predicate).toBe('leave');
  });
});
