import { describe, expect, it } from 'vitest';
import { raisedFloors, shortfalls } from './floors';
import type { Ratios } from './score';

const ratios = (over: Partial<Ratios>): Ratios => ({
  entityPrecision: null,
  entityRecall: null,
  entityF1: null,
  claimPrecision: null,
  claimRecall: null,
  claimF1: null,
  attribution: null,
  sourceActor: null,
  about: null,
  stance: null,
  hedged: null,
  eventDate: null,
  ...over,
});

describe('per-article floors', () => {
  it('start a new article at its first score, rounded down to two decimals', () => {
    expect(raisedFloors(undefined, ratios({ entityF1: 0.7468, stance: 1 }))).toEqual({ entityF1: 0.74, stance: 1 });
  });

  it('rise with a better score and never fall with a worse one', () => {
    const floors = { entityF1: 0.74, attribution: 0.9 };
    expect(raisedFloors(floors, ratios({ entityF1: 0.81, attribution: 0.5 }))).toEqual({
      entityF1: 0.81,
      attribution: 0.9,
    });
  });

  it('keep a floor whose metric has nothing to measure today', () => {
    expect(raisedFloors({ eventDate: 1 }, ratios({}))).toEqual({ eventDate: 1 });
  });

  it('name each metric below its floor, and a missing measure as below', () => {
    expect(shortfalls(ratios({ entityF1: 0.7, stance: 1 }), { entityF1: 0.74, stance: 1, eventDate: 1 })).toEqual([
      'entityF1 0.700 < 0.74',
      'eventDate – < 1',
    ]);
  });

  it('hold a score equal to its floor whatever the last bit of the float', () => {
    expect(shortfalls(ratios({ about: 0.5599999999999999 }), { about: 0.56 })).toEqual([]);
  });
});
