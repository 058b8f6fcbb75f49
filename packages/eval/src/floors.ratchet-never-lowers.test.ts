import { describe, expect, it } from 'vitest';
import { raisedFloors, shortfalls } from './floors';
import { type Counts, type Score, totals } from './score';

const none = { correct: 0, total: 0 };
/** A score from counts: entities and claims as [matched, extracted, gold], tallies as [correct, total]. */
function score(over: {
  entities?: [number, number, number];
  claims?: [number, number, number];
  stance?: [number, number];
  about?: [number, number];
}): Score {
  const detection = ([matched, extracted, gold]: [number, number, number]) => ({ matched, extracted, gold });
  const tally = (t?: [number, number]) => (t ? { correct: t[0], total: t[1] } : none);
  const counts: Counts = {
    entities: detection(over.entities ?? [0, 0, 0]),
    claims: detection(over.claims ?? [0, 0, 0]),
    attribution: none,
    sourceActor: none,
    about: tally(over.about),
    stance: tally(over.stance),
    hedged: none,
    eventDate: none,
  };
  return totals([{ counts }]);
}

describe('per-article floors', () => {
  it('start a new article at its first score: ratios rounded down, tallies as counts', () => {
    const floors = raisedFloors(undefined, score({ entities: [7, 9, 10], stance: [9, 10] }));
    expect(floors.entityF1).toBe(0.73);
    expect(floors.stance).toEqual({ correct: 9, of: 10 });
  });

  it('rise with a better score and never fall with a worse one', () => {
    const old = raisedFloors(undefined, score({ entities: [7, 9, 10], stance: [9, 10] }));
    const better = raisedFloors(old, score({ entities: [9, 10, 10], stance: [10, 10] }));
    expect(better.entityF1).toBe(0.9);
    expect(better.stance).toEqual({ correct: 10, of: 10 });
    const worse = raisedFloors(better, score({ entities: [5, 10, 10], stance: [8, 10] }));
    expect(worse).toEqual(better);
  });

  it('name each metric below its floor', () => {
    const floors = raisedFloors(undefined, score({ entities: [9, 10, 10], stance: [10, 10] }));
    expect(shortfalls(score({ entities: [7, 10, 10], stance: [9, 10] }), floors)).toEqual([
      'entityF1 0.700 < 0.9',
      'stance 9/10 < 10/10',
    ]);
  });

  it('let a newly matched claim be read wrongly when every earlier right answer stays right', () => {
    const floors = raisedFloors(undefined, score({ claims: [10, 10, 12], stance: [10, 10] }));
    expect(shortfalls(score({ claims: [11, 11, 12], stance: [10, 11] }), floors)).toEqual([]);
    // One right answer fewer is a regression, however many pairs were added.
    expect(shortfalls(score({ claims: [11, 11, 12], stance: [9, 11] }), floors)).toEqual(['stance 9/11 < 10/10']);
  });

  it('hold a score equal to its floor whatever the last bit of the float', () => {
    const floors = raisedFloors(undefined, score({ about: [5.6, 10] }));
    expect(shortfalls(score({ about: [0.1 * 56, 10] }), floors)).toEqual([]);
  });
});
