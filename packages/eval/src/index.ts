export {
  type CorpusArticle,
  type GoldArticle,
  type GoldClaim,
  type GoldEntity,
  defaultCorpusDir,
  loadCorpus,
  parseGold,
} from './gold';
export { normalizeText, words } from './normalize-text';
export { type EvalReport, type ScoredArticle, renderTable, toJsonReport } from './report';
export {
  type Counts,
  type Detection,
  type Ratios,
  type Score,
  type Tally,
  attributionCorrect,
  matchClaims,
  maximumMatching,
  scoreArticle,
  totals,
} from './score';
