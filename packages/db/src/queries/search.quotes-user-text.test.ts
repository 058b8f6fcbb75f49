import { describe, expect, it } from 'vitest';
import { SitrepError } from '@sitrep/vocabulary';
import { toFtsQuery } from './search';

describe('toFtsQuery', () => {
  it('quotes every word so FTS5 operators are plain words', () => {
    expect(toFtsQuery('Tartus AND NOT Hmeimim')).toBe('"Tartus" "AND" "NOT" "Hmeimim"');
    expect(toFtsQuery('NEAR(a b) title:x "y* ^z')).toBe('"NEAR" "a" "b" "title" "x" "y" "z"');
  });

  it('keeps letters with marks and non-Latin scripts', () => {
    expect(toFtsQuery('Ḥmeimim حميميم')).toBe('"Ḥmeimim" "حميميم"');
  });

  it('refuses text without a letter or digit', () => {
    for (const text of ['', '   ', '"', '*', '()', '""']) {
      expect(() => toFtsQuery(text)).toThrow(SitrepError);
    }
  });
});
