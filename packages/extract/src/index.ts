export { extractArticle, type ExtractOptions } from './extract';
export { KnowledgeBase, type KnownEntity } from './knowledge-base';
export { parseHeader, deriveTitle, type ArticleHeader } from './header';
export type * from './types';
