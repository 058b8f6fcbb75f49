import { describe, expect, it } from 'vitest';
import { isAliasWorthKeeping, isGenericName } from './alias-worth-keeping';

// Invented names throughout: the rule must hold for names nobody has listed.
describe('isAliasWorthKeeping', () => {
  it.each([
    ['Qarvani Air Base', 'Qarvani Air Base'],
    ['Qarvani airbase', 'Qarvani Air Base'],
    ['Ostrel Shipping Monitor', 'Ostrel Monitor'],
    ['OSM', 'Ostrel Shipping Monitor'],
    ['Marek Vollander', 'Marek Vollander'],
    ['Syrian Coastal Brigade', 'Coastal Brigade of Syria'],
    ['Russia’s Ostrel group', 'Ostrel group'],
    ['42nd Veldan Regiment', '42nd Veldan Regiment'],
  ])('keeps %j for %j', (alias, entity) => {
    expect(isAliasWorthKeeping(alias, entity)).toBe(true);
  });

  it.each(['Base', 'Airport', 'Ministry', 'Air Base', 'Defence Ministry', 'Officials', 'Monday', 'Northern Command'])(
    'refuses the common word or bare generic noun %j',
    (alias) => {
      expect(isAliasWorthKeeping(alias, 'Qarvani Air Base')).toBe(false);
    },
  );

  it.each(['Arab', 'Arabs', 'Syrian', 'Syrians', 'Russian', 'the Russians', 'Kurdish', 'Saudi Arabian', 'Barbudan'])(
    'refuses the demonym %j',
    (alias) => {
      expect(isAliasWorthKeeping(alias, 'Velmora Daily')).toBe(false);
    },
  );

  it.each([
    ['Arab', 'The New Arab'],
    ['Velmora', 'The Velmora Courier'],
    ['Courier', 'The Velmora Courier'],
    ['Velmora Courier’s', 'The Velmora Courier Group'],
    ['Qarvani', 'Qarvani Air Base'],
    ['Vollander', 'Marek Vollander'],
  ])('refuses %j, a fragment of the entity’s own name %j', (alias, entity) => {
    expect(isAliasWorthKeeping(alias, entity)).toBe(false);
  });

  it('takes the whole name, with or without its article, for the name itself, not a fragment', () => {
    expect(isAliasWorthKeeping('Velmora Courier', 'The Velmora Courier')).toBe(true);
  });

  it('refuses descriptions and names too long to be names', () => {
    expect(isAliasWorthKeeping('his company', 'Ostrel Monitor')).toBe(false);
    expect(isAliasWorthKeeping('The base', 'Qarvani Air Base')).toBe(false);
    expect(isAliasWorthKeeping(`Qarvani ${'Veldan '.repeat(10)}Base`, 'Qarvani Air Base')).toBe(false);
  });
});

describe('isGenericName', () => {
  it('is true of demonyms, common words and generic nouns, whatever their case or article', () => {
    for (const name of ['Arab', 'the Syrians', 'Kurdish', 'base', 'The Ministry', 'Air Base', 'officials', ''])
      expect(isGenericName(name), name).toBe(true);
  });

  it('is false of a name with a word of its own', () => {
    for (const name of ['Syrian rebels', 'Velmora Daily', 'Qarvani', 'Ministry of Velmora', 'Arab Velmora League'])
      expect(isGenericName(name), name).toBe(false);
  });
});
