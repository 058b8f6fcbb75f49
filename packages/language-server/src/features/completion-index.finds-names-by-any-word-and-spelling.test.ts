import { describe, expect, it } from 'vitest';
import { CompletionIndex } from './completion-index';

const entry = (name: string, entity: string, primary: boolean, kind: 'ACTOR' | 'INSTALLATION' = 'INSTALLATION') => ({
  name,
  entity,
  kind,
  primary,
});
const ENTRIES = [
  entry('Hmeimim', 'I1', false),
  entry('Hmeimim Air Base', 'I1', true),
  entry('Tartus naval facility', 'I2', true),
  entry('Tartous', 'I2', false),
  entry('Abu Mohammad al-Golani', 'A1', true, 'ACTOR'),
  entry('al-Golani', 'A1', false, 'ACTOR'),
];
const names = (prefix: string, limit = 10) => new CompletionIndex(ENTRIES).find(prefix, limit).map((e) => e.name);

describe('CompletionIndex', () => {
  it('finds names by the start of any of their words, own names first, then shorter ones', () => {
    expect(names('Hmei')).toEqual(['Hmeimim Air Base', 'Hmeimim']);
    expect(names('Gol')).toEqual(['Abu Mohammad al-Golani', 'al-Golani']);
    expect(names('al-Go')).toEqual(['Abu Mohammad al-Golani', 'al-Golani']);
    expect(names('nav')).toEqual(['Tartus naval facility']);
  });

  it('meets transliterated spellings as the matcher does, and ignores case and diacritics', () => {
    expect(names('Khmeimim')).toEqual(['Hmeimim Air Base', 'Hmeimim']);
    expect(names('TARTOUS')).toEqual(['Tartus naval facility', 'Tartous']);
    expect(names('Golâ')).toEqual(['Abu Mohammad al-Golani', 'al-Golani']);
  });

  it('offers at most the limit, and nothing for a prefix no name has', () => {
    expect(names('Hme', 1)).toEqual(['Hmeimim Air Base']);
    expect(names('Zzz')).toEqual([]);
  });
});
