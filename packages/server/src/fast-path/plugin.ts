import { getOperationAST } from 'graphql';
import type { Plugin, YogaInitialContext } from 'graphql-yoga';
import type { Context } from '../context';
import type { FastPathPlans } from './plans';
import type { ReadTransactions } from './read-transaction';

export interface FastPathState {
  plans: FastPathPlans;
  reads: ReadTransactions;
}

/**
 * What Yoga tells the fast path. A document Yoga executes has passed all its checks (parse,
 * armor limits, validation, introspection rule): it goes to `plans`. A mutation is about to
 * write: no fast-path read transaction may stay open around it (see ReadTransactions).
 */
export function useFastPath({ plans, reads }: FastPathState): Plugin<YogaInitialContext & Context> {
  return {
    onExecute({ args }) {
      if (getOperationAST(args.document, args.operationName)?.operation === 'mutation') {
        reads.beforeWrite(args.contextValue.request);
        return;
      }
      const { params } = args.contextValue;
      if (typeof params?.query === 'string') {
        plans.approve(args.schema, args.document, params.query, params.operationName);
      }
    },
    onResponse({ request }) {
      reads.afterWrite(request);
    },
  };
}
