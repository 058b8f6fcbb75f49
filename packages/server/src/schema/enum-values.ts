import { type GraphQLName, graphqlName } from '@sitrep/vocabulary';

export type EnumValues<V extends string> = { [K in V as GraphQLName<K>]: { value: K; description?: string } };

/**
 * A Pothos enum's values from one of the vocabulary's lists, so that the API offers exactly what
 * the database accepts: each value named by the API's rule (`no_comment` → NO_COMMENT).
 */
export function enumValues<const V extends string>(
  values: readonly V[],
  descriptions: Partial<Record<V, string>> = {},
): EnumValues<V> {
  return Object.fromEntries(
    values.map((value) => {
      const description = descriptions[value];
      return [graphqlName(value), description === undefined ? { value } : { value, description }];
    }),
  ) as EnumValues<V>;
}
