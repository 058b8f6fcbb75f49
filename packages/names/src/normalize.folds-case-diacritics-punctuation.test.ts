import { describe, expect, it } from 'vitest';
import { lookupKeys, normalizeName } from './normalize';

describe('normalizeName', () => {
  it.each([
    ['Hmeimim', 'hmeimim'],
    ['Ḥmeimim', 'hmeimim'],
    ['KHMEIMIM  Air   Base', 'khmeimim air base'],
    ['al-Golani', 'al golani'],
    ['Al Golani', 'al golani'],
    ['al‑Jolani', 'al jolani'],
    ['the Kremlin', 'kremlin'],
    ['The  Kremlin', 'kremlin'],
    ["Hay'at Tahrir al-Sham", 'hayat tahrir al sham'],
    ['Hay’at Tahrir al-Sham', 'hayat tahrir al sham'],
    ['Türkiye', 'turkiye'],
    ['Théâtre', 'theatre'],
    ['  Tartous\n', 'tartous'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeName(input)).toBe(expected);
  });

  it('keeps words that merely start with “the”', () => {
    expect(normalizeName('Thessaloniki')).toBe('thessaloniki');
  });

  it('keeps Arabic script as letters', () => {
    expect(normalizeName('حميميم')).toBe('حميميم');
  });
});

describe('lookupKeys', () => {
  it('tries the name, then without a possessive', () => {
    expect(lookupKeys('Russia’s')).toEqual(['russias', 'russia']);
    expect(lookupKeys("Russia's")).toEqual(['russias', 'russia']);
    expect(lookupKeys('Russia')).toEqual(['russia']);
  });
});
