import { describe, expect, it } from 'vitest';
import { contradiction } from './contradiction';
import { StatementGrouper } from './grouper';
import { claim, source } from './test-support';

describe('contradiction', () => {
  it('finds one source affirming what another denies', () => {
    const found = contradiction(
      claim('Drones struck the Harbourtown airfield', { source: source('the governor') }),
      claim('Drones struck the Harbourtown airfield', { stance: 'denies', source: source('the ministry') }),
    );
    expect(found).toEqual({ kind: 'stance', why: 'The governor affirms what the ministry denies (strike).' });
  });

  it('names the second side in the middle of its sentence: a common opening word in lower case, a name as written', () => {
    const remains = claim('Russian forces remain at the Harbourtown base', { source: source('A spokesman') });
    const left = (who: string) => claim('Russian forces have left Harbourtown', { source: source(who) });
    expect(contradiction(remains, left('Three Syrian officials'))?.why).toBe(
      'A spokesman says it remains, three Syrian officials that it has left or is leaving.',
    );
    expect(contradiction(remains, left('Syrian officials'))?.why).toMatch(/, Syrian officials that/);
    expect(contradiction(remains, left('AFP'))?.why).toMatch(/, AFP that/);
  });

  it('reads a verb that describes a noun as no event of the claim: "the treaties it signed" asserts no signing', () => {
    const honours = claim('Harbourland will honour the treaties it had signed with Northmark');
    expect(contradiction(honours, claim('New treaties are yet to be signed', { stance: 'denies' }))).toBeNull();
    expect(
      contradiction(
        claim('Harbourland signed the treaties with Northmark'),
        claim('Harbourland signed the treaties with Northmark', { stance: 'denies', source: source('the ministry') }),
      )?.kind,
    ).toBe('stance');
  });

  it('finds opposed predicates: "has left" against "remains" or "is not leaving"', () => {
    const left = claim('Russian forces have left Harbourtown');
    expect(contradiction(left, claim('Russian forces remain at the Harbourtown base'))?.kind).toBe('opposite');
    expect(
      contradiction(left, claim('Russian forces are not leaving Harbourtown', { stance: 'denies' })),
    ).toMatchObject({
      kind: 'opposite',
      why: 'One report says it has left or is leaving, another that it remains.',
    });
  });

  it('finds "cancelled" against "remains valid"', () => {
    const found = contradiction(
      claim('The lease of Harbourtown port was cancelled'),
      claim('The Harbourtown port lease remains valid'),
    );
    expect(found?.kind).toBe('opposite');
  });

  it('finds conflicting figures for the same thing', () => {
    expect(contradiction(claim('Two ships left Harbourtown'), claim('Five ships left Harbourtown'))).toEqual({
      kind: 'figures',
      why: 'They give different figures for ship: 2 and 5.',
    });
  });

  it('finds different dates for one event only on a close match', () => {
    const on = (eventDate: string) => claim('The Russian frigate left Harbourtown', { eventDate });
    expect(contradiction(on('2031-03-01'), on('2031-03-05'))?.kind).toBe('dates');
    expect(contradiction(on('2031-03-01'), on('2031-03-02'))).toBeNull();
  });

  it('finds nothing between agreeing, unrelated, distant or no-comment claims', () => {
    const left = claim('Russian ships have left Harbourtown');
    expect(contradiction(left, claim('Two Russian frigates sailed out of Harbourtown'))).toBeNull();
    expect(
      contradiction(left, claim('Russia is not building a new pier at Harbourtown', { stance: 'denies' })),
    ).toBeNull();
    expect(contradiction(left, claim('Russia remains at Harbourtown', { saidOn: '2031-09-01' }))).toBeNull();
    expect(
      contradiction(left, claim('Russia did not respond to a request for comment', { stance: 'no_comment' })),
    ).toBeNull();
    expect(contradiction(left, claim('Russia remains at Harbourtown', { about: ['atlantis'] }))).toBeNull();
  });

  it('reads two claims of one source in one article as consistent, two sources in one article as able to disagree', () => {
    const official = source('the official');
    const pulling = claim('Russia is pulling its ships out of Harbourtown', { articleId: 'one', source: official });
    const staying = claim('Russia is not leaving Harbourtown', {
      articleId: 'one',
      source: official,
      stance: 'denies',
    });
    expect(contradiction(pulling, staying)).toBeNull();
    const other = claim('Russia is not leaving Harbourtown', {
      articleId: 'one',
      source: source('the ministry'),
      stance: 'denies',
    });
    expect(contradiction(pulling, other)?.kind).toBe('opposite');
  });

  it('is flagged by the grouper between statements as claims arrive', () => {
    const grouper = new StatementGrouper();
    const a = grouper.add(claim('Russian forces have left Harbourtown'));
    const b = grouper.add(claim('Russian forces remain at the Harbourtown base'));
    expect(b.contradictions).toMatchObject([{ statements: [b.statementId, a.statementId], kind: 'opposite' }]);
    grouper.add(claim('Russian troops are staying in Harbourtown'));
    expect(grouper.contradictions()).toHaveLength(1);
  });
});

describe('contradiction: roles, purposes and context', () => {
  it('does not oppose a movable part leaving to its holder staying', () => {
    const stays = claim('is not leaving its bases in Harbourtown', { stance: 'denies', source: source('officials') });
    expect(contradiction(claim('Russian frigates have left the Harbourtown base'), stays)).toBeNull();
    expect(contradiction(claim('Russia has left the Harbourtown base'), stays)?.kind).toBe('opposite');
  });

  it('does not read a denied purpose as a denied event', () => {
    const built = claim('A long pier had been built at Harbourtown', { source: source('satellite images') });
    const purpose = claim('the pier at Harbourtown was built to host aircraft carriers', {
      stance: 'denies',
      source: source('the ministry'),
    });
    expect(contradiction(built, purpose)).toBeNull();
    const event = claim('a pier was built at Harbourtown', { stance: 'denies', source: source('the ministry') });
    expect(contradiction(built, event)?.kind).toBe('stance');
  });

  it('opposes every event an undenied claim names to the other claim', () => {
    const found = contradiction(
      claim('Close ties bind us to Russia, and we respect all the Harbourtown leases', {
        source: source('the president'),
      }),
      claim('There were contracts at Harbourtown, and we did not accept them and they were suspended', {
        stance: 'denies',
        source: source('the minister'),
      }),
    );
    expect(found?.kind).toBe('opposite');
  });

  it("finds a contradiction through what the claim's source spoke of before in its article", () => {
    const grouper = new StatementGrouper();
    const minister = source('the minister', 'minister');
    grouper.add(
      claim('Ruritania will honour all the leases it signed with Russia', {
        about: ['ruritania', 'russia'],
        installations: [],
        source: source('the president', 'president'),
      }),
    );
    grouper.add(
      claim('Ruritania and Russia met in Harbourtown', {
        articleId: 'minister-interview',
        about: ['ruritania', 'russia', 'harbourtown'],
        source: minister,
      }),
    );
    const denial = grouper.add(
      claim('There were leases with the old rulers, and we did not accept them and they were suspended', {
        articleId: 'minister-interview',
        about: ['harbourtown'],
        stance: 'denies',
        source: minister,
      }),
    );
    expect(denial.contradictions.map((c) => c.kind)).toEqual(['opposite']);
  });
});
