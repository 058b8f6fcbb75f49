/** Limits on what one request may ask; each has a default and can be set per server. */
export interface QueryLimits {
  /** Deepest field nesting. Default 12 (the editor's hover query needs 7). */
  maxDepth: number;
  /** Most aliases in one operation. Default 30. */
  maxAliases: number;
  /** Most directives in one operation. Default 50. */
  maxDirectives: number;
  /** Most lexical tokens in one document. Default 2000. */
  maxTokens: number;
  /** graphql-armor cost (objects × 2 + scalars, × depth factor). Default 5000. */
  maxCost: number;
}

export const DEFAULT_LIMITS: QueryLimits = {
  maxDepth: 12,
  maxAliases: 30,
  maxDirectives: 50,
  maxTokens: 2000,
  maxCost: 5000,
};
