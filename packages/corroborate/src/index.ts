export type { ClaimFacts, ClaimFeatures, ClaimSource, Quantity, ReadClaim, Stance } from './types';
export { featuresOf, readClaim } from './features';
export { TermStatistics, type TermWeights, UNIFORM_WEIGHTS } from './term-statistics';
export { type Comparison, compareClaims, sameStatementScore } from './similarity';
export {
  type Contradiction,
  type ContradictionKind,
  type ContradictionOptions,
  contradiction,
  contradictionBetween,
} from './contradiction';
export {
  COMPARED_PER_STATEMENT,
  type CandidateStatement,
  type GrouperOptions,
  JOIN_THRESHOLD,
  type Placement,
  SAME_ARTICLE_THRESHOLD,
  type Statement,
  type StatementContradiction,
  StatementGrouper,
  chooseStatement,
  joinableStatements,
} from './grouper';
export { type Standing, standingOf } from './assess';
export { CANDIDATE_WINDOW_DAYS, DURABLE_CLASSES, DURABLE_WINDOW_DAYS, dayOf, windowFor, withinWindow } from './window';
