export { extractArticle, type ExtractOptions } from './extract';
export { parseHeader, deriveTitle, type ArticleHeader } from './header';
export type * from './types';
export {
  type Knowledge,
  KnowledgeBase,
  type KnownEntity,
  type KnownMatch,
  layeredKnowledge,
  subtypeOfStoredType,
} from './knowledge-base';
