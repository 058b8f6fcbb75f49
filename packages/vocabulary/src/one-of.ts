/** Whether `value` is one of `values`, narrowing it (`includes` on a readonly tuple takes only its members). */
export const isOneOf = <V extends string>(values: readonly V[], value: string): value is V =>
  (values as readonly string[]).includes(value);
