export {
  ingestArticle,
  findStoredEntity,
  checkArticle,
  extractInput,
  prepareArticle,
  storeArticle,
  DuplicateArticle,
  type ArticleInput,
  type IngestResult,
  type PreparedArticle,
} from './ingest-article';
export {
  ingestArticles,
  ingestArticlesAhead,
  INGEST_EXTRACTION,
  type ArticleOutcome,
  type GroupLimits,
} from './ingest-batch';
export {
  ingestFiles,
  ingestFilesAhead,
  ingestNamed,
  expandPaths,
  isArticleFile,
  shownPath,
  reasonNamingFile,
  emptySummary,
  tally,
  type FileOutcome,
  type IngestSummary,
  type NamedSource,
  type FileReading,
} from './ingest-files';
export { ingestFeed, storeFeed, recordFeed, type FeedStoreOptions } from './feed/store-feed';
export {
  readFeed,
  DEFAULT_MAX_FEED_ITEMS,
  FULL_TEXT_CHARS,
  type FeedRead,
  type FeedItemRead,
  type FeedReadOptions,
} from './feed/read-feed';
export { HostPacer, DEFAULT_PER_HOST_DELAY_MS } from './feed/host-pacer';
export { feedOutcomeLine, feedSummaryLine } from './feed/feed-lines';
export { parseFeedText, type FeedItem, type ParsedFeed } from './feed/parse-feed';
export { knowledgeOf, knowledgeOfNames, knownEntityNamed, type DatabaseKnowledge } from './knowledge';
export { ExtractionPool, DEFAULT_EXTRACTION, type ExtractionPolicy } from './extraction/pool';
export { COPY_CONTAINMENT, COPY_MIN_SHARED, findStory, type StoryMatch } from './copies/story';
export { FINGERPRINT_SAMPLE, containment, fingerprints, sharedCount, shingles } from './copies/shingles';
export { refreshStatements, sourcesOfStatements } from './statements/figures';
export { credibilityOf, type Credibility } from './statements/credibility';
export {
  independentSources,
  independenceKey,
  sourcesOfTellings,
  type IndependentSource,
  type Telling,
  type TellingFields,
} from './statements/independence';
export { groupClaims, groupUngroupedClaims, readStored, weightsFor } from './statements/group';
// For benchmarks that measure grouping as a new process meets it (see readStored).
export { forgetFeaturesByContent } from '@sitrep/corroborate';
export { readArticleFile, isCalendarDate, todayAnywhere, type GivenMetadata, type IndexMetadata } from './article-file';
export { readPage, readPageArticle, isPageFile, type PageFallback, type PageSource } from './page/read-page';
export { fetchPage, isUrl, DEFAULT_FETCH_LIMITS, type FetchLimits, type FetchedPage } from './page/fetch-page';
export { fetchBounded, type FetchAnswer, type FetchKind, type FetchOptions } from './fetch/bounded-fetch';
export { readPageMetadata, type PageMetadata } from './page/page-metadata';
export { decodePage } from './page/decode-page';
