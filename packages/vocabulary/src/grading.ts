// The NATO / Admiralty system analysts already grade reports with (STANAG 2511, AJP-2.1):
// a letter for how reliable the source has been, a digit for how credible the information is.

/** Source reliability, A (best) to F. */
export const RELIABILITY_GRADES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type ReliabilityGrade = (typeof RELIABILITY_GRADES)[number];

export const RELIABILITY_MEANINGS: Record<ReliabilityGrade, string> = {
  A: 'completely reliable',
  B: 'usually reliable',
  C: 'fairly reliable',
  D: 'not usually reliable',
  E: 'unreliable',
  F: 'reliability cannot be judged',
};

/** A source no curator has graded. */
export const DEFAULT_RELIABILITY: ReliabilityGrade = 'F';

/** Information credibility, 1 (best) to 6. */
export const CREDIBILITY_GRADES = [1, 2, 3, 4, 5, 6] as const;
export type CredibilityGrade = (typeof CREDIBILITY_GRADES)[number];

export const CREDIBILITY_MEANINGS: Record<CredibilityGrade, string> = {
  1: 'confirmed by other sources',
  2: 'probably true',
  3: 'possibly true',
  4: 'doubtful',
  5: 'improbable',
  6: 'truth cannot be judged',
};
