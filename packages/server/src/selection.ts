import type { GraphQLResolveInfo } from 'graphql';

/**
 * `compute(info)` once per place in a document: what it answers must depend on the field's
 * selection only, not on variables. graphql-jit hands the same fieldNodes to every call of a
 * compiled query, so a compiled query computes it once; Yoga's path once per request.
 */
export function perPlace<T>(compute: (info: GraphQLResolveInfo) => T): (info: GraphQLResolveInfo) => T {
  const answers = new WeakMap<object, { value: T }>();
  return (info) => {
    let answer = answers.get(info.fieldNodes);
    if (answer === undefined) {
      answer = { value: compute(info) };
      answers.set(info.fieldNodes, answer);
    }
    return answer.value;
  };
}
