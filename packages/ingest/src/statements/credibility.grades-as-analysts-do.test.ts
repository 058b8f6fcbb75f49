import type { ReliabilityGrade } from '@sitrep/vocabulary';
import { describe, expect, it } from 'vitest';
import { credibilityOf } from './credibility';
import { type Telling, independentSources } from './independence';

let nextClaim = 1;
const telling = (storyId: number, source: Telling['source'], more: Partial<Telling> = {}): Telling => ({
  claimId: nextClaim++,
  storyId,
  outlet: `Outlet ${storyId}`,
  stance: 'affirms',
  hedged: false,
  source,
  ...more,
});
const anonymous = (actorId: number | null, count: number | null = null) => ({
  actorId,
  text: 'officials',
  anonymous: true,
  count,
});
const named = (actorId: number, text = 'a spokesman') => ({ actorId, text, anonymous: false, count: null });
const grades = new Map<number, ReliabilityGrade>([
  [50, 'A'],
  [60, 'D'],
]);
const sources = (tellings: Telling[]) => independentSources(tellings, (id) => grades.get(id));

describe('independent sources', () => {
  it('count one anonymous source repeated by ten copies of a story once, with its head count', () => {
    const copies = Array.from({ length: 10 }, () => telling(7, anonymous(1, 4)));
    const [only, ...rest] = sources(copies);
    expect(rest).toEqual([]);
    expect(only).toMatchObject({ anonymous: true, count: 4, claims: 10 });
    expect(credibilityOf([only!], [])).toEqual({
      grade: 6,
      reason: 'One anonymous source (4 people), not confirmed by any other.',
    });
  });

  it('count anonymous officials of one side in one story as one source, and in another story as another', () => {
    const found = sources([telling(1, anonymous(1, 2)), telling(1, anonymous(1)), telling(2, anonymous(1))]);
    expect(found.map((s) => s.key)).toEqual(['anonymous:1:1', 'anonymous:2:1']);
  });

  it('count a named person and their office as one, wherever they are quoted', () => {
    const found = sources([telling(1, named(9, 'Dmitry Peskov')), telling(2, named(9, 'the Kremlin'))]);
    expect(found).toHaveLength(1);
  });

  it('take the grade curators gave the source actor, F where none', () => {
    expect(sources([telling(1, named(50)), telling(2, named(3))]).map((s) => s.reliability)).toEqual(['A', 'F']);
  });
});

describe('credibility', () => {
  it('is 1 when three independent sources confirm and none denies', () => {
    const behind = sources([telling(1, named(3)), telling(2, anonymous(4)), telling(3, null)]);
    expect(credibilityOf(behind, [])).toEqual({
      grade: 1,
      reason: 'Confirmed by 3 independent sources, none against.',
    });
  });

  it('is 1 with two sources when one is graded A or B, else 2', () => {
    expect(credibilityOf(sources([telling(1, named(50)), telling(2, anonymous(4))]), []).grade).toBe(1);
    expect(credibilityOf(sources([telling(1, named(3)), telling(2, anonymous(4))]), []).grade).toBe(2);
  });

  it('is 3 for one named source, 4 when it only hedges or is graded D', () => {
    expect(credibilityOf(sources([telling(1, named(3))]), []).grade).toBe(3);
    expect(credibilityOf(sources([telling(1, named(3), { hedged: true })]), [])).toEqual({
      grade: 4,
      reason: 'One source, and it hedges.',
    });
    expect(credibilityOf(sources([telling(1, named(60))]), []).reason).toBe('One source, graded D by curators.');
  });

  it('is 4 when contested by fewer sources, 5 when contradicted by more or better ones', () => {
    const three = sources([telling(1, named(3)), telling(2, named(4)), telling(3, null)]);
    const one = sources([telling(4, named(5), { stance: 'denies' })]);
    expect(credibilityOf(three, one)).toEqual({ grade: 4, reason: 'Contested: 3 sources for, 1 against.' });
    expect(
      credibilityOf(
        one.map((s) => ({ ...s, affirms: true, denies: false })),
        three,
      ).grade,
    ).toBe(5);
    const graded = sources([telling(5, named(50), { stance: 'denies' })]);
    expect(credibilityOf(sources([telling(6, named(3))]), graded)).toEqual({
      grade: 5,
      reason: 'Contradicted by better graded sources: 1 source for, 1 against.',
    });
  });
});
