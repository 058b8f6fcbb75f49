export { ingestArticle, DuplicateArticle, type ArticleInput, type IngestResult } from './ingest-article';
export { ingestFiles, expandPaths, type FileOutcome, type IngestSummary } from './ingest-files';
