import { describe, expect, it } from 'vitest';
import {
  COPY_CONTAINMENT,
  COPY_MIN_SHARED,
  FINGERPRINT_SAMPLE,
  containment,
  fingerprints,
  sharedCount,
  shingles,
} from '@sitrep/ingest';
import { OTHER_REPORT, WIRE_COPY, WIRE_STORY } from '../helpers/wire-story';

describe('shingles', () => {
  it('find a cut, re-datelined copy almost wholly inside its story', () => {
    const story = shingles(WIRE_STORY);
    const copy = shingles(WIRE_COPY);
    expect(containment(copy, story)).toBeGreaterThan(0.9);
    expect(sharedCount(copy, story)).toBeGreaterThanOrEqual(COPY_MIN_SHARED);
  });

  it('find almost nothing shared between two reports of one event in their own words', () => {
    expect(containment(shingles(OTHER_REPORT), shingles(WIRE_STORY))).toBeLessThan(COPY_CONTAINMENT / 6);
  });

  it('ignore case, punctuation and the date line', () => {
    const a = shingles('date 2025-01-02 MOSCOW:\n\nThe convoy, officials said, left the base at dawn.');
    const b = shingles('date 2026-07-08 TARTOUS:\n\nthe CONVOY officials said left the base — at dawn');
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(a.length).toBe(5); // nine words, five 5-word runs
  });

  it('keep as fingerprints the same fixed share of every text', () => {
    const all = shingles(WIRE_STORY);
    const kept = fingerprints(all);
    expect(kept.every((h) => h % FINGERPRINT_SAMPLE === 0)).toBe(true);
    expect(kept.length).toBeGreaterThan(all.length / FINGERPRINT_SAMPLE / 2);
    expect(kept.length).toBeLessThan((all.length / FINGERPRINT_SAMPLE) * 2);
  });
});
