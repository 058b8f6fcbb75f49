import { describe, expect, it } from 'vitest';
import { StatementGrouper } from './grouper';
import { claim } from './test-support';

describe('StatementGrouper: what two claims share besides their proposition', () => {
  it('does not join a claim to one whose circumstance ("amid uncertainty over X") it states', () => {
    const grouper = new StatementGrouper();
    const review = grouper.add(
      claim('Ruritania will review the old leases amid uncertainty over the future of the Russian naval base'),
    );
    const future = grouper.add(claim('The future of the Russian naval base remains uncertain'));
    expect(future.joined).toBe(false);
    expect(future.statementId).not.toBe(review.statementId);
  });

  it('keeps a standing description out of the statement of an event about the same bases', () => {
    const grouper = new StatementGrouper();
    const event = grouper.add(claim('The fate of the Russian base at Harbourtown would be discussed'));
    const description = grouper.add(
      claim('Russia operates two military facilities in Ruritania: the naval base at Harbourtown and an air base'),
    );
    expect(description.joined).toBe(false);
    expect(description.statementId).not.toBe(event.statementId);
  });

  it('still joins two descriptions of how things stand', () => {
    const grouper = new StatementGrouper();
    const first = grouper.add(claim('The Harbourtown base is Russia’s only repair hub in the region'));
    const second = grouper.add(claim('The bases in Ruritania are an integral part of Russia’s presence abroad'));
    expect(second).toMatchObject({ statementId: first.statementId, joined: true });
  });
});
