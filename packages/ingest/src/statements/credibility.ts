import { type CredibilityGrade, RELIABILITY_GRADES, type ReliabilityGrade, plural } from '@sitrep/vocabulary';
import type { IndependentSource } from './independence';

export interface Credibility {
  grade: CredibilityGrade;
  /** The rule that gave the grade, in words an analyst can check against the quotes. */
  reason: string;
}

const rank = (grade: ReliabilityGrade) => RELIABILITY_GRADES.indexOf(grade);
/** A or B: a source curators have found reliable. */
const trusted = (source: IndependentSource) => rank(source.reliability) <= rank('B');
/** D or E: one they have found not to be. */
const distrusted = (source: IndependentSource) => rank(source.reliability) >= rank('D') && source.reliability !== 'F';
const best = (sources: readonly IndependentSource[]) => Math.min(...sources.map((s) => rank(s.reliability)));

/**
 * Information credibility on the Admiralty scale, from who stands behind a statement (`backing`:
 * the sources that say it as it is stated) and who against it (`against`: those that say the
 * opposite, or back a statement it conflicts with). The rules, first match wins:
 *
 * 5 improbable   contradicted by more sources than support it, or as many and better graded ones;
 * 4 doubtful     contested otherwise; or its only source is graded D/E, or only hedges;
 * 1 confirmed    3 or more independent sources, or 2 with one graded A/B;
 * 2 probably     2 independent sources, or 1 graded A/B;
 * 3 possibly     1 named source (a person, an office, an outlet in its own voice);
 * 6 cannot judge 1 anonymous source, ungraded: however many outlets repeat it.
 */
export function credibilityOf(
  backing: readonly IndependentSource[],
  against: readonly IndependentSource[],
): Credibility {
  const pro = backing;
  if (against.length > 0) {
    const outnumbered = against.length > pro.length;
    const outgraded = against.length === pro.length && best(against) < best(pro);
    if (outnumbered || outgraded || pro.length === 0) {
      return {
        grade: 5,
        reason: `Contradicted by ${outnumbered || pro.length === 0 ? 'more' : 'better graded'} sources: ${plural(pro.length, 'source')} for, ${against.length} against.`,
      };
    }
    return { grade: 4, reason: `Contested: ${plural(pro.length, 'source')} for, ${against.length} against.` };
  }
  if (pro.length === 0) return { grade: 6, reason: 'No source says it: a request for comment, unanswered.' };
  if (pro.length === 1) {
    const [only] = pro as [IndependentSource];
    if (distrusted(only)) return { grade: 4, reason: `One source, graded ${only.reliability} by curators.` };
    if (only.hedged) return { grade: 4, reason: 'One source, and it hedges.' };
    if (trusted(only))
      return { grade: 2, reason: `One source, graded ${only.reliability} by curators; not yet confirmed.` };
    if (only.anonymous) {
      const count = only.count && only.count > 1 ? ` (${only.count} people)` : '';
      return { grade: 6, reason: `One anonymous source${count}, not confirmed by any other.` };
    }
    return { grade: 3, reason: 'One named source, not confirmed by any other.' };
  }
  if (pro.length >= 3 || pro.some(trusted)) {
    return { grade: 1, reason: `Confirmed by ${plural(pro.length, 'independent source')}, none against.` };
  }
  return { grade: 2, reason: `${plural(pro.length, 'independent source')}, none against; none graded A or B.` };
}
