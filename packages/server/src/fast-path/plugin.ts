import { getOperationAST } from 'graphql';
import type { Plugin, YogaInitialContext } from 'graphql-yoga';
import type { Context } from '../context';
import type { FastPathPlans, Plan } from './plans';
import type { FastReads } from './read-transaction';
import { resumeInYoga, yogaPhaseHookOf } from './yoga-mirror';

export interface FastPathState {
  plans: FastPathPlans;
  reads: FastReads;
  /** Plugins were added (SitrepYogaOptions.plugins): the fast path runs envelop's phases for them. */
  runsPlugins: boolean;
  /** Why the fast path is off although asked for (a plugin it cannot run for Yoga), or null. */
  stepsAside: string | null;
}

const PLAN = Symbol('fast-path plan');

/** Marks a request's context: envelop's execute phase runs `plan` instead of Yoga's executor. */
export function withPlan<T extends object>(context: T, plan: Plan): T {
  return Object.assign(context, { [PLAN]: plan });
}

type SitrepPlugin = Plugin<YogaInitialContext & Context>;

/**
 * What Yoga tells the fast path. A document Yoga executes has passed all its checks (parse,
 * armor limits, validation, introspection rule): it goes to `plans`. A mutation is about to
 * write: no fast-path read transaction may stay open around it (see ReadTransactions). A request
 * the fast path has started is executed with its plan, and resumed where it was handed back.
 */
function useFastPath(state: FastPathState): SitrepPlugin {
  const { plans, reads } = state;
  return {
    onExecute({ args, setExecuteFn }) {
      if (getOperationAST(args.document, args.operationName)?.operation === 'mutation') {
        reads.beforeWrite(args.contextValue.request);
        return;
      }
      const plan = (args.contextValue as { [PLAN]?: Plan })[PLAN];
      if (plan) {
        setExecuteFn(plan.execute);
        return;
      }
      const { params } = args.contextValue;
      if (state.stepsAside === null && typeof params?.query === 'string') {
        plans.approve(args.schema, args.document, params.query, params.operationName);
      }
    },
    onResponse({ request }) {
      reads.afterWrite(request);
    },
    onParams: resumeInYoga.onParams,
  };
}

/**
 * The fast path's plugin, then `extras`, then a check of what they need. Without extras, the fast
 * path answers a known query with its plan alone: it knows Sitrep's own plugins (yoga.ts) and
 * applies their rules itself (see handler.ts). With extras, it runs envelop's phases (parse,
 * validate, context, execute) through Yoga's orchestrator, so plugins hooking only into those see
 * fast-path requests as Yoga's; that costs the hover a fifth to two fifths more server CPU
 * (`pnpm bench --variants fast-path-plugin`), so only servers with plugins pay it. Yoga's own
 * phases around them (the HTTP request, parameters, result processing, the response) it skips: a
 * plugin hooking into one of those, or adding one that does, would miss requests, so the fast path
 * steps aside for the server's life rather than serve without it.
 */
export function fastPathPlugins(state: FastPathState, extras: readonly object[]): object[] {
  const first = useFastPath(state);
  const check: Plugin = {
    onPluginInit({ plugins }) {
      // Plugins add plugins right after themselves: whatever the extras brought lies in between.
      const added = plugins.slice(plugins.indexOf(first as Plugin) + 1, plugins.indexOf(check));
      state.runsPlugins = added.length > 0;
      for (const plugin of added) {
        const hook = yogaPhaseHookOf(plugin);
        if (hook) {
          state.stepsAside = `a plugin hooks into Yoga's ${hook}, which the fast path would skip`;
          return;
        }
      }
    },
  };
  return [first, ...extras, check];
}
