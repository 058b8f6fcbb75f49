export { extractArticle, type ExtractOptions } from './extract';
export { parseHeader, deriveTitle, type ArticleHeader } from './header';
export type * from './types';
export { KnowledgeBase, type KnownEntity, type KnownMatch, subtypeOfStoredType } from './knowledge-base';
