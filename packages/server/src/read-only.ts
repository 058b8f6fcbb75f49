import { getOperationAST, GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from './context';
import type { ServerStore } from './store';

/** What a mutation on a store that takes no writes (PostgreSQL, so far) answers, before anything runs. */
export const READ_ONLY_MESSAGE =
  'Writes on PostgreSQL are not available yet: this server answers queries and subscriptions only. Write through a SQLite Sitrep and copy it to PostgreSQL (`sitrep copy --to postgres://…`).';

/**
 * Refuses every mutation, whole and typed (NOT_SUPPORTED), where the store has no SQLite database
 * to write to: no resolver half-runs. Before access control, so a client learns it cannot write
 * here rather than that it needs a token to.
 */
export function useReadOnly(store: ServerStore): Plugin<Context> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      if (store.sqlite) return;
      if (getOperationAST(args.document, args.operationName)?.operation !== 'mutation') return;
      setResultAndStopExecution({
        errors: [new GraphQLError(READ_ONLY_MESSAGE, { extensions: { code: 'NOT_SUPPORTED' } })],
      });
    },
  };
}
