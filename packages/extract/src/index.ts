export { dateHeaderDate, extractArticle, hasDateHeader, type ExtractOptions } from './extract';
export { datelineDate, readWireDateline, type WireDateline } from './wire-dateline';
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
