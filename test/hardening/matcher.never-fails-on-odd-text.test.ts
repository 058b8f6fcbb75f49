import { NameMatcher } from '@sitrep/names';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const matcher = new NameMatcher([
  { name: 'Hmeimim Air Base', entity: 'H', kind: 'INSTALLATION' },
  { name: 'Khmeimim', entity: 'H', kind: 'INSTALLATION' },
  { name: 'حميميم', entity: 'H', kind: 'INSTALLATION' },
  { name: 'Bashar al-Assad', entity: 'A', kind: 'ACTOR' },
  { name: 'Russia', entity: 'R', kind: 'ACTOR' },
  { name: 'the Kremlin', entity: 'K', kind: 'ACTOR' },
]);

// Pieces real notes are made of, and the odd ones: RTL script, joiners, combining marks, lone surrogates.
const piece = fc.oneof(
  fc.constantFrom('Hmeimim', 'Air', 'Base', 'Khmeimim', 'حميميم', 'Russia’s', 'al-Assad', 'Bashar', 'Kremlin', 'the'),
  fc.constantFrom(' ', '\n', '\n\n', '\r\n', '-', '‑', '’', "'", '\u200d', '\u200b', '\u0301', '\ud800', '.', '“'),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
);
const text = fc.array(piece, { maxLength: 400 }).map((parts) => parts.join(''));

describe('the name matcher on generated text', () => {
  it('never throws, and every match lies inside the text on word boundaries', () => {
    fc.assert(
      fc.property(text, (t) => {
        const found = matcher.findAll(t);
        let last = -1;
        for (const m of found) {
          expect(m.start).toBeGreaterThan(last);
          expect(m.end).toBeLessThanOrEqual(t.length);
          expect(m.end).toBeGreaterThan(m.start);
          expect(/[\p{L}\p{N}]/u.test(t[m.end] ?? ' ') && !/['’ʼ]/u.test(t[m.end - 1] ?? '')).toBe(false);
          last = m.end - 1;
        }
        return true;
      }),
      { numRuns: 400 },
    );
  });

  it('answers findAt at every offset of generated text without throwing', () => {
    fc.assert(
      fc.property(text, fc.nat(), (t, n) => {
        const at = matcher.findAt(t, t.length === 0 ? 0 : n % t.length);
        if (at) expect(t.slice(at.start, at.end).length).toBeGreaterThan(0);
        return true;
      }),
      { numRuns: 400 },
    );
  });

  it('scans thousands of lines without a full stop', () => {
    const long = Array.from({ length: 5000 }, (_, i) => `line ${i} near Khmeimim and the Kremlin`).join('\n');
    expect(matcher.findAll(long)).toHaveLength(10_000);
  });
});
