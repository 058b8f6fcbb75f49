import {
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLSchema,
  type VariableDefinitionNode,
  getOperationAST,
  getVariableValues,
  valueFromASTUntyped,
} from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import { jsErrorsFor } from './js-errors';

/** A query compiled by graphql-jit: runs the same resolvers as Yoga, without its per-request walk. */
export interface Plan {
  /** Whether graphql-js (Yoga's executor) refuses these variables; graphql-jit words its refusals differently. */
  refuses(variables: Record<string, unknown> | null | undefined): boolean;
  /** Runs the query, answering in graphql-js's shape. */
  run(contextValue: unknown, variables: Record<string, unknown> | null | undefined): Promise<ExecutionResult>;
  /** The same, as envelop's execute phase calls it. */
  execute(args: ExecutionArgs): Promise<ExecutionResult>;
}

const keyOf = (query: string, operationName: string | null | undefined) => `${operationName ?? ''}\u0000${query}`;

/**
 * The queries Yoga has accepted: parsed, within the armor limits, valid against the schema
 * (introspection rules included), a query and not a mutation or subscription. The fast path
 * answers only these; everything else still goes through Yoga.
 *
 * A document is compiled the second time Yoga runs it, so one-off documents cost no compilation.
 * At most `max` plans are kept, the least recently used going first.
 */
export class FastPathPlans {
  /** null: seen twice, but not a query or not compilable; Yoga keeps answering it. */
  private readonly plans = new Map<string, Plan | null>();
  private readonly seenOnce = new Set<string>();

  constructor(private readonly max = 500) {}

  get size(): number {
    return this.plans.size;
  }

  get(query: string, operationName: string | null | undefined): Plan | null {
    const key = keyOf(query, operationName);
    const plan = this.plans.get(key);
    if (plan === undefined) return null;
    this.plans.delete(key);
    this.plans.set(key, plan);
    return plan;
  }

  /** Called by the Yoga plugin once Yoga has parsed and validated `document` and runs it. */
  approve(
    schema: GraphQLSchema,
    document: DocumentNode,
    query: string,
    operationName: string | null | undefined,
  ): void {
    if (operationName === '') return;
    const key = keyOf(query, operationName);
    if (this.plans.has(key)) return;
    if (!this.seenOnce.has(key)) {
      if (this.seenOnce.size >= this.max) this.seenOnce.clear();
      this.seenOnce.add(key);
      return;
    }
    this.seenOnce.delete(key);
    if (this.plans.size >= this.max) this.plans.delete(this.plans.keys().next().value!);
    this.plans.set(key, compile(schema, document, operationName ?? undefined));
  }
}

function compile(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined): Plan | null {
  const operation = getOperationAST(document, operationName);
  if (operation?.operation !== 'query') return null;
  let compiled;
  try {
    // Stack traces are not captured: no error of a plan is shown with one.
    compiled = compileQuery(schema, document, operationName, { disablingCapturingStackErrors: true });
  } catch {
    return null;
  }
  if (!isCompiledQuery(compiled)) return null;
  const query = compiled.query;
  const jsErrors = jsErrorsFor(document);
  const definitions: readonly VariableDefinitionNode[] = operation.variableDefinitions ?? [];
  // graphql-jit applies a default only to a nullable variable; graphql-js to every one left out.
  // Defaults go in as the client would have written them (enum values by name), so jit coerces
  // them as it coerces what was sent.
  const defaults = definitions.flatMap((d) =>
    d.defaultValue ? [[d.variable.name.value, valueFromASTUntyped(d.defaultValue)] as const] : [],
  );
  const withDefaults = (variables: Record<string, unknown> | null | undefined) => {
    if (defaults.length === 0) return variables;
    const filled: Record<string, unknown> = { ...variables };
    for (const [name, value] of defaults) if (!(name in filled)) filled[name] = value;
    return filled;
  };
  const run: Plan['run'] = async (contextValue, variables) => {
    const { data, errors } = await query(undefined, contextValue, withDefaults(variables));
    // graphql-js's shape, errors first: Yoga serialises the result as it is.
    return errors?.length ? { errors: jsErrors(errors), data } : { data };
  };
  return {
    refuses: (variables) => getVariableValues(schema, definitions, variables ?? {}).errors !== undefined,
    run,
    execute: ({ contextValue, variableValues }) => run(contextValue, variableValues),
  };
}
