export type { ClaimFacts, ClaimFeatures, ClaimSource, Quantity, ReadClaim, Stance } from './types';
export {
  FEATURES_VERSION,
  featuresContent,
  featuresFromJson,
  featuresOf,
  featuresToJson,
  forgetFeaturesByContent,
  readClaim,
  withEntities,
  type WordsOfClaim,
  wordsKey,
} from './features';
export { TermStatistics, type TermWeights, UNIFORM_WEIGHTS, termWeightOf } from './term-statistics';
export { type Comparison, compareClaims, sameStatementScore } from './similarity';
export {
  type Contradiction,
  type ContradictionKind,
  type ContradictionOptions,
  contradiction,
  contradictionBetween,
} from './contradiction';
export { type Placement, type Statement, type StatementContradiction, StatementGrouper } from './grouper';
export {
  COMPARED_PER_STATEMENT,
  type CandidateStatement,
  type FoundContradiction,
  type GrouperOptions,
  JOIN_THRESHOLD,
  type PlacementChoice,
  SAME_ARTICLE_THRESHOLD,
  SpeakerContext,
  chooseStatement,
  contradictionsOf,
  joinableStatements,
  placeClaim,
  repeatsOneArticle,
  withinStatementWindow,
} from './placement';
export { type Standing, standingOf } from './assess';
export { CANDIDATE_WINDOW_DAYS, DURABLE_CLASSES, DURABLE_WINDOW_DAYS, dayOf, windowFor, withinWindow } from './window';
export { addDays } from './dates';
