import { MAX_ARTICLE_CHARS } from '@sitrep/vocabulary';
/** Limits on what one request may ask; each has a default and can be set per server. */
export interface QueryLimits {
  /** Deepest field nesting. Default 12 (the editor's hover query needs 7). */
  maxDepth: number;
  /** Most fields selected in one selection set, counting nested ones. Default 150. */
  maxBreadth: number;
  /**
   * Pothos complexity: one per field, what is under a connection multiplied by its page size
   * (`first`), under any other list by 10. Default 25000: a full page of 100 claims with their
   * article, source and subjects costs about 2,500; 100 entities with 100 claims each is refused.
   */
  maxComplexity: number;
  /** Most aliases in one operation. Default 30. */
  maxAliases: number;
  /** Most directives in one operation. Default 50. */
  maxDirectives: number;
  /** Most lexical tokens in one document. Default 2000. */
  maxTokens: number;
  /** Largest request body, in bytes; a bigger one gets HTTP 413. Default 2 MiB (2,097,152). */
  maxBodyBytes: number;
  /**
   * Largest article `ingestArticle` takes, in characters. Default 1,000,000. The body limit
   * bounds it too: a million characters of Latin text fit in 2 MiB, of Arabic text they do not.
   */
  maxArticleChars: number;
}

export const DEFAULT_LIMITS: QueryLimits = {
  maxDepth: 12,
  maxBreadth: 150,
  maxComplexity: 25_000,
  maxAliases: 30,
  maxDirectives: 50,
  maxTokens: 2000,
  maxBodyBytes: 2 * 1024 * 1024,
  maxArticleChars: MAX_ARTICLE_CHARS,
};

/** Limits on all requests together, so many at once cannot exhaust the server's memory. */
export interface ServerLimits {
  /**
   * Most connections open at once. Default 256. A request on one more gets 503 SERVER_BUSY and
   * its connection is closed; beyond four times as many, new connections are closed unanswered.
   */
  maxConnections: number;
  /**
   * Most request body bytes held at once, over all requests in flight. Default 64 MiB
   * (67,108,864). A request whose body would go over gets 503 SERVER_BUSY, its body unread.
   */
  maxInflightBodyBytes: number;
  /** Milliseconds a client has to send a whole request, body too; then 408. Default 15,000. */
  requestTimeoutMs: number;
  /** Milliseconds a client has to send a request's headers; then 408. Default 10,000. */
  headersTimeoutMs: number;
}

export const DEFAULT_SERVER_LIMITS: ServerLimits = {
  maxConnections: 256,
  maxInflightBodyBytes: 64 * 1024 * 1024,
  requestTimeoutMs: 15_000,
  headersTimeoutMs: 10_000,
};
