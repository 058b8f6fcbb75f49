import { handleStreamOrSingleExecutionResult } from '@envelop/core';
import { SitrepError } from '@sitrep/vocabulary';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { encodeGlobalId, entityTypename } from './global-id';

// Row ids in error details become the global IDs clients know.
const GLOBAL_ID_DETAILS: Record<string, string> = { articleId: 'Article', claimId: 'Claim' };

function clientDetails(details: Record<string, unknown>): Record<string, unknown> {
  const { entityId, entityKind, ...rest } = details;
  // An entity's global ID names its kind (Actor, Installation): the row's kind comes beside its id.
  const entity =
    typeof entityId === 'number' && (entityKind === 'actor' || entityKind === 'installation')
      ? { entity: encodeGlobalId(entityTypename({ kind: entityKind }), entityId) }
      : {};
  return {
    ...Object.fromEntries(
      Object.entries(rest).map(([key, value]) =>
        GLOBAL_ID_DETAILS[key] && typeof value === 'number'
          ? [key.replace(/Id$/, ''), encodeGlobalId(GLOBAL_ID_DETAILS[key]!, value)]
          : [key, value],
      ),
    ),
    ...entity,
  };
}

function asClientError(error: GraphQLError): GraphQLError {
  const original = error.originalError;
  if (!(original instanceof SitrepError)) return error;
  return new GraphQLError(original.message, {
    nodes: error.nodes,
    path: error.path,
    extensions: { code: original.code, ...clientDetails(original.details) },
  });
}

/** Requests answered with DATABASE_BUSY or SERVER_BUSY, and the seconds their clients should wait: for `Retry-After`. */
const retryAfter = new WeakMap<Request, number>();

function busyRetryAfter(errors: readonly GraphQLError[]): number | undefined {
  for (const error of errors) {
    const seconds = error.extensions?.retryAfterSeconds;
    const code = error.extensions?.code;
    if ((code === 'DATABASE_BUSY' || code === 'SERVER_BUSY') && typeof seconds === 'number') return seconds;
  }
  return undefined;
}

/**
 * Expected failures (SitrepError) reach the client as plain GraphQL errors with their message
 * and `extensions.code`, and are not logged as faults. Anything else stays a fault: Yoga logs
 * it and masks it ("Unexpected error."), so no SQL or stack trace leaks. A DATABASE_BUSY or SERVER_BUSY answer
 * carries an HTTP `Retry-After` header too.
 */
export function useExpectedErrors(): Plugin {
  return {
    onExecute: () => ({
      onExecuteDone: (payload) =>
        handleStreamOrSingleExecutionResult(payload, ({ result, setResult }) => {
          if (result.errors?.length) setResult({ ...result, errors: result.errors.map(asClientError) });
        }),
    }),
    // Variables that do not fit their types are refused before execution, without a code.
    onResultProcess({ request, result, setResult }) {
      if (Array.isArray(result) || !('errors' in result) || !result.errors?.length) return;
      const seconds = busyRetryAfter(result.errors);
      if (seconds !== undefined) retryAfter.set(request, seconds);
      const errors = result.errors.map((error) =>
        error.extensions?.code === undefined && error.message.startsWith('Variable "$')
          ? new GraphQLError(error.message, {
              nodes: error.nodes,
              extensions: { ...error.extensions, code: 'BAD_USER_INPUT' },
            })
          : error,
      );
      setResult({ ...result, errors });
    },
    onResponse({ request, response }) {
      const seconds = retryAfter.get(request);
      if (seconds !== undefined) response.headers.set('Retry-After', String(seconds));
    },
  };
}
