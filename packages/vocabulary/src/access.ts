/** What an API token may do: `write` adds mutations to `read`. */
export const TOKEN_SCOPES = ['read', 'write'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** What full-text search can find. */
export const SEARCH_KINDS = ['article', 'claim'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];
