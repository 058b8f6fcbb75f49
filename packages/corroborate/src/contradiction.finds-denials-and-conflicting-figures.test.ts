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
