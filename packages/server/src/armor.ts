import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import type { GraphQLError } from 'graphql';
import type { QueryLimits } from './limits';

/**
 * graphql-armor's errors carry no code; scripts branch on `extensions.code`, so each refusal is
 * tagged where it is made, like the complexity plugin's (QUERY_TOO_COMPLEX, kind, limit).
 */
const tagged =
  (kind: string, limit: number) =>
  (_ctx: unknown, error: GraphQLError): void => {
    Object.assign(error.extensions, { code: 'QUERY_TOO_COMPLEX', kind, limit });
  };

/**
 * Aliases, directives and tokens: what can be refused before execution, without the schema's costs.
 * "Did you mean …?" after a misspelt field stays while introspection is on: the schema is public
 * then, and the hint is what a person typing in GraphiQL needs; with introspection off it would
 * let a stranger rebuild the schema field by field, so it is hidden too.
 */
export function useArmor(limits: QueryLimits, introspection: boolean) {
  return EnvelopArmorPlugin({
    blockFieldSuggestion: { enabled: !introspection },
    // Depth and cost are Pothos' complexity plugin's job: it knows a connection's page size.
    maxDepth: { enabled: false },
    costLimit: { enabled: false },
    maxAliases: { n: limits.maxAliases, onReject: [tagged('ALIASES', limits.maxAliases)] },
    maxDirectives: { n: limits.maxDirectives, onReject: [tagged('DIRECTIVES', limits.maxDirectives)] },
    maxTokens: { n: limits.maxTokens, onReject: [tagged('TOKENS', limits.maxTokens)] },
  });
}
