import { describe, expect, it } from 'vitest';
import { NearNames } from './near-names';

const entry = (name: string, entity: string, primary: boolean) => ({
  name,
  entity,
  kind: 'INSTALLATION' as const,
  primary,
});
const near = new NearNames([
  entry('Hmeimim Air Base', 'I1', true),
  entry('Hmeimim', 'I1', false),
  entry('Tartus naval facility', 'I2', true),
  entry('Latakia', 'P1', true),
]);

describe('NearNames', () => {
  it('finds the entity a misspelt or differently transliterated word is a few letters from', () => {
    expect(near.nearest('Humaymim')?.entity).toBe('I1');
    expect(near.nearest('Tartoos')?.entity).toBe('I2');
    expect(near.nearest('Latakiya')?.entity).toBe('P1');
  });

  it('prefers the entity under its own name, and ignores words already known, short or far', () => {
    expect(near.nearest('Hmeimin')?.name).toBe('Hmeimim Air Base');
    expect(near.nearest('Hmeimim')).toBeNull();
    // The matcher's folding meets this one already: nothing to add.
    expect(near.nearest('Lattakia')).toBeNull();
    expect(near.nearest('Tart')).toBeNull();
    expect(near.nearest('Homs')).toBeNull();
    expect(near.nearest('Hamburg')).toBeNull();
  });
});
