import { SitrepError } from '@sitrep/db';
import { GraphQLError } from 'graphql';
import { maskError as yogaMaskError } from 'graphql-yoga';

/**
 * Expected failures (SitrepError) reach the client with their message and `extensions.code`;
 * anything else is masked by Yoga ("Unexpected error."), so no SQL or stack trace leaks.
 */
export function maskError(error: unknown, message: string, isDev?: boolean): Error {
  const original = error instanceof GraphQLError ? error.originalError : error;
  if (original instanceof SitrepError) {
    return new GraphQLError(original.message, {
      nodes: error instanceof GraphQLError ? error.nodes : undefined,
      path: error instanceof GraphQLError ? error.path : undefined,
      extensions: { code: original.code, ...original.details },
    });
  }
  return yogaMaskError(error, message, isDev);
}
