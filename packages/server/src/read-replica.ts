import { getOperationAST } from 'graphql';
import type { Plugin, YogaInitialContext } from 'graphql-yoga';
import type { Context } from './context';
import { createLoaders } from './loaders';
import type { ServerStore } from './store';

/*
 * With a read replica (`--read-db`), queries read from it and everything else from the primary:
 * - a mutation, because what it returns must show what it just wrote;
 * - a subscription, because it is woken by a commit on the primary (NOTIFY is not replicated) and
 *   must read what that commit wrote, which the replica may not have yet;
 * - a bearer token, because a token just made or revoked must count at once.
 * The context starts on the replica (createSitrepYoga); this moves the two kinds of operation back.
 */
export function useWritesAndSubscriptionsOnPrimary(primary: ServerStore): Plugin<YogaInitialContext & Context> {
  const onPrimary = () => ({ store: primary, loaders: createLoaders(primary) });
  return {
    onExecute({ args, extendContext }) {
      const operation = getOperationAST(args.document, args.operationName ?? undefined);
      if (operation?.operation === 'mutation') extendContext(onPrimary());
    },
    onSubscribe({ extendContext }) {
      extendContext(onPrimary());
    },
  };
}
