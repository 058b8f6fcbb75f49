import { getOperationAST, GraphQLError, Kind } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from './context';
import type { ServerStore } from './store';

/** The mutations a PostgreSQL store takes so far (issue 17 brings the rest). */
export const POSTGRES_MUTATIONS: ReadonlySet<string> = new Set(['ingestArticle']);

/** What a mutation that PostgreSQL does not take yet answers, before anything runs. */
export const READ_ONLY_MESSAGE =
  'On PostgreSQL this server takes ingestArticle; the other mutations are not available there yet. Make them on a SQLite Sitrep and copy it to PostgreSQL (`sitrep copy --to postgres://…`).';

/**
 * Refuses a mutation, whole and typed (NOT_SUPPORTED), where the store has no SQLite database to
 * write to and one of its fields is not among POSTGRES_MUTATIONS: no resolver half-runs. Before
 * access control, so a client learns it cannot write here rather than that it needs a token to.
 */
export function useReadOnly(store: ServerStore): Plugin<Context> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      if (store.sqlite) return;
      const operation = getOperationAST(args.document, args.operationName);
      if (operation?.operation !== 'mutation') return;
      const fields = operation.selectionSet.selections;
      if (fields.every((f) => f.kind === Kind.FIELD && POSTGRES_MUTATIONS.has(f.name.value))) return;
      setResultAndStopExecution({
        errors: [new GraphQLError(READ_ONLY_MESSAGE, { extensions: { code: 'NOT_SUPPORTED' } })],
      });
    },
  };
}
