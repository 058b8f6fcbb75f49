import { handleStreamOrSingleExecutionResult } from '@envelop/core';
import { SitrepError } from '@sitrep/db';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

function asClientError(error: GraphQLError): GraphQLError {
  const original = error.originalError;
  if (!(original instanceof SitrepError)) return error;
  return new GraphQLError(original.message, {
    nodes: error.nodes,
    path: error.path,
    extensions: { code: original.code, ...original.details },
  });
}

/**
 * Expected failures (SitrepError) reach the client as plain GraphQL errors with their message
 * and `extensions.code`, and are not logged as faults. Anything else stays a fault: Yoga logs
 * it and masks it ("Unexpected error."), so no SQL or stack trace leaks.
 */
export function useExpectedErrors(): Plugin {
  return {
    onExecute: () => ({
      onExecuteDone: (payload) =>
        handleStreamOrSingleExecutionResult(payload, ({ result, setResult }) => {
          if (result.errors?.length) setResult({ ...result, errors: result.errors.map(asClientError) });
        }),
    }),
  };
}
