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
export { ingestArticles, type ArticleOutcome, type GroupLimits } from './ingest-batch';
export { ingestFiles, expandPaths, type FileOutcome, type IngestSummary } from './ingest-files';
export { knowledgeOf, knownEntityNamed, type DatabaseKnowledge } from './knowledge';
export { ExtractionPool, DEFAULT_EXTRACTION, type ExtractionPolicy } from './extraction/pool';
