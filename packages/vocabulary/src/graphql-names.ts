/**
 * How the API names a value: its GraphQL enum value is the stored value in upper case
 * (`no_comment` → `NO_COMMENT`). The server builds its enums by this rule and clients such as
 * the language server read them by it, so neither spells the names out again.
 */
export type GraphQLName<V extends string> = Uppercase<V>;

export const graphqlName = <V extends string>(value: V): GraphQLName<V> => value.toUpperCase() as GraphQLName<V>;
