import { describe, expect, it } from 'vitest';
import { standingOf } from './assess';
import { StatementGrouper } from './grouper';
import { claim, source } from './test-support';

describe('StatementGrouper', () => {
  it('joins paraphrases and a more specific version from other articles into one statement', () => {
    const grouper = new StatementGrouper();
    const first = grouper.add(claim('Russian warships have left the port of Harbourtown', { saidOn: '2031-03-10' }));
    const second = grouper.add(claim('Two Russian frigates sailed out of Harbourtown', { saidOn: '2031-03-11' }));
    const third = grouper.add(claim('Russia is withdrawing its warships from Harbourtown', { saidOn: '2031-03-12' }));
    expect(first.joined).toBe(false);
    expect(second).toMatchObject({ statementId: first.statementId, joined: true });
    expect(third).toMatchObject({ statementId: first.statementId, joined: true });
    expect(grouper.statement(first.statementId)).toMatchObject({ articles: 3, stories: 3 });
  });

  it('does not group the same kind of event at another installation or a season later', () => {
    const grouper = new StatementGrouper();
    const here = grouper.add(claim('Russian ships have left Harbourtown'));
    const elsewhere = grouper.add(
      claim('Russian ships have left Portville', { about: ['russia', 'portville'], installations: ['portville'] }),
    );
    const later = grouper.add(claim('Russian ships have left Harbourtown', { saidOn: '2031-07-01' }));
    expect(elsewhere.joined).toBe(false);
    expect(later.joined).toBe(false);
    expect(new Set([here.statementId, elsewhere.statementId, later.statementId]).size).toBe(3);
  });

  it('keeps a window that rolls with the statement: a story reported week after week stays one', () => {
    const grouper = new StatementGrouper();
    const days = ['2031-03-01', '2031-03-25', '2031-04-18', '2031-05-12'];
    const placed = days.map((saidOn) =>
      grouper.add(claim('Russia is withdrawing its forces from Harbourtown', { saidOn })),
    );
    expect(new Set(placed.map((p) => p.statementId)).size).toBe(1);
  });

  it('needs a shared entity: claims about other entities are never candidates', () => {
    const grouper = new StatementGrouper();
    grouper.add(claim('Russian ships have left Harbourtown'));
    expect(
      grouper.add(claim('Russian ships have left Harbourtown', { about: ['atlantis'], installations: [] })).joined,
    ).toBe(false);
  });

  it('tells a story repeated by copies from one corroborated by independent sources', () => {
    const grouper = new StatementGrouper();
    const wire = { storyId: 'wire-1', source: source('a Russian official', 'russia') };
    const a = grouper.add(claim('Russian ships have left Harbourtown', { ...wire, articleId: 'x1' }));
    grouper.add(claim('Russian ships have left Harbourtown', { ...wire, articleId: 'x2' }));
    const statement = grouper.statement(a.statementId)!;
    expect(statement).toMatchObject({ articles: 2, stories: 1 });
    expect(standingOf(statement, grouper.contradictions())).toBe('repeated');
    grouper.add(claim('Russian warships sailed out of Harbourtown', { source: source('satellite images') }));
    expect(standingOf(grouper.statement(a.statementId)!, grouper.contradictions())).toBe('established');
  });

  it('leaves each unanswered request for comment alone: it reports on the reporting, not on the world', () => {
    const grouper = new StatementGrouper();
    const silent = (q: string) =>
      grouper.add(claim(q, { stance: 'no_comment', source: source('the ministry', 'mod') }));
    silent('The ministry did not respond to a request for comment');
    expect(silent('The ministry did not immediately respond to a request for comment').joined).toBe(false);
  });

  it('gives the same statements and ids for the same claims in the same order', () => {
    const quotes = [
      'Russian warships have left Harbourtown',
      'Russia remains at Harbourtown',
      'Two frigates sailed out of Harbourtown',
      'The lease of Harbourtown port was cancelled',
    ];
    const run = () => {
      const grouper = new StatementGrouper();
      quotes.forEach((q, i) => grouper.add(claim(q, { id: `q${i}`, articleId: `art${i}` })));
      return grouper.statements().map((s) => [s.id, s.claims.map((c) => c.id)]);
    };
    expect(run()).toEqual(run());
  });
});

describe('StatementGrouper: lasting events', () => {
  it('joins reports of one review months apart, but not of a departure', () => {
    const grouper = new StatementGrouper();
    const about = { about: ['russia', 'ruritania'], installations: [] };
    const first = grouper.add(
      claim('Ruritania and Russia will review the lease agreements signed by the old government', {
        ...about,
        saidOn: '2031-03-01',
      }),
    );
    const later = grouper.add(
      claim('Ruritania and Russia are reviewing the lease agreements of the old government', {
        ...about,
        saidOn: '2031-05-20',
      }),
    );
    expect(later).toMatchObject({ statementId: first.statementId, joined: true });
    const left = grouper.add(claim('Russian ships have left Harbourtown', { saidOn: '2031-03-01' }));
    const leftLater = grouper.add(claim('Russian ships have left Harbourtown', { saidOn: '2031-05-20' }));
    expect(leftLater.statementId).not.toBe(left.statementId);
  });
});

describe('StatementGrouper: one article saying one thing twice', () => {
  it('merges two statements of one article when a claim from elsewhere states what each states', () => {
    const grouper = new StatementGrouper();
    const about = { about: ['russia', 'ruritania'], installations: [], articleId: 'weekly' };
    const summary = grouper.add(
      claim('Russia and Ruritania will strengthen ties and review the leases signed by the old government', about),
    );
    const quote = grouper.add(
      claim(
        'Moscow is ready to help rebuild the country after the war and to review contracts concluded under other conditions',
        {
          ...about,
          source: source('the foreign minister'),
        },
      ),
    );
    expect(quote.statementId).not.toBe(summary.statementId);
    const elsewhere = grouper.add(
      claim(
        'Ruritania and Russia are discussing a review of the leases and contracts concluded under the old government',
        {
          about: ['russia', 'ruritania'],
          installations: [],
          saidOn: '2031-04-20',
        },
      ),
    );
    expect(elsewhere.joined).toBe(true);
    expect(elsewhere.merged).toHaveLength(1);
    const merged = grouper.statement(elsewhere.statementId)!;
    expect(merged.claims).toHaveLength(3);
    expect(grouper.statements()).toHaveLength(1);
  });

  it('does not merge statements of two different articles', () => {
    const grouper = new StatementGrouper();
    const about = { about: ['russia', 'ruritania'], installations: [] };
    grouper.add(claim('Russia and Ruritania will review the leases signed by the old government', about));
    grouper.add(claim('Russia and Ruritania will review the leases signed by the old government', about));
    const third = grouper.add(claim('Ruritania and Russia are reviewing the leases of the old government', about));
    expect(third.merged).toEqual([]);
  });
});
