import { describe, expect, it } from 'vitest';
import { featuresOf } from './features';
import { StatementGrouper } from './grouper';
import { differentThingsMoved } from './movers';
import { compareClaims } from './similarity';
import { claim } from './test-support';

const apart = (a: string, b: string) => compareClaims(featuresOf(claim(a)), featuresOf(claim(b))).apart;

describe('differentThingsMoved: who or what moves is part of a report of movement', () => {
  it('keeps ships leaving apart from their holder withdrawing other things', () => {
    expect(
      apart(
        'Russian frigates have left Harbourtown and anchored off the coast',
        'Russia is withdrawing its military hardware from Harbourtown',
      ),
    ).toBe('different things moved');
  });

  it('joins a part leaving and its holder withdrawing that same kind of part', () => {
    expect(
      apart('Russian frigates have left Harbourtown', 'Russia is withdrawing its frigates from Harbourtown'),
    ).toBeNull();
  });

  it('keeps apart parts of different kinds: an event about ships is not one about equipment or troops', () => {
    expect(apart('Russian frigates have left Harbourtown', 'Some equipment is being flown back to Russia')).toBe(
      'different things moved',
    );
    expect(apart('The garrison troops have left Harbourtown', 'Russian frigates have left Harbourtown')).toBe(
      'different things moved',
    );
  });

  it('reads a passive part as what someone moved, which may be its holder’s withdrawal', () => {
    expect(
      apart('Some equipment is being flown back to Russia', 'Russia is withdrawing its military hardware'),
    ).toBeNull();
  });

  it('reads only reports of movement', () => {
    const [ships, holder] = [
      featuresOf(claim('Russian frigates struck a depot near Harbourtown')),
      featuresOf(claim('Russia struck a depot near Harbourtown')),
    ];
    expect(differentThingsMoved(ships, holder)).toBe(false);
  });
});

describe('StatementGrouper: a part moving and its holder withdrawing', () => {
  it('opens a statement for the holder’s withdrawal rather than joining the ships’ departure', () => {
    const grouper = new StatementGrouper();
    const ships = grouper.add(claim('Russian frigates have left Harbourtown and anchored off the coast'));
    const holder = grouper.add(claim('Russia has begun withdrawing its military hardware from Harbourtown'));
    expect(holder.joined).toBe(false);
    expect(holder.statementId).not.toBe(ships.statementId);
    const again = grouper.add(claim('Russia is pulling its military hardware out of Harbourtown'));
    expect(again).toMatchObject({ statementId: holder.statementId, joined: true });
  });
});
