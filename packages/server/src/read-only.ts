import { getOperationAST, GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from './context';
import type { ServerStore } from './store';

/** What a mutation answers where the server has no database to write to, before anything runs. */
export const READ_ONLY_MESSAGE =
  'This server takes no writes: it was started on a database it only reads. Send mutations to a server started on the primary database (`sitrep serve --db postgres://…`).';

/**
 * Refuses every mutation, whole and typed (NOT_SUPPORTED), where the store takes no writes (a
 * PostgreSQL store opened without the URL to write through): no resolver half-runs. Before access
 * control, so a client learns it cannot write here rather than that it needs a token to.
 */
export function useReadOnly(store: ServerStore): Plugin<Context> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      if (store.writable) return;
      if (getOperationAST(args.document, args.operationName)?.operation !== 'mutation') return;
      setResultAndStopExecution({
        errors: [new GraphQLError(READ_ONLY_MESSAGE, { extensions: { code: 'NOT_SUPPORTED' } })],
      });
    },
  };
}
