/** A prepared drizzle statement, as the store runs it. */
export interface Prepared<R> {
  execute(values?: Record<string, unknown>): Promise<R[]>;
}

/**
 * One prepared statement per filter shape: which fields a filter sets picks the statement text,
 * built and prepared on first use; the values are bound. `values` lists the set fields only, in
 * a fixed order, so their names are the shape.
 */
export function byShape<R>(name: string, build: (shape: readonly string[], name: string) => Prepared<R>) {
  const prepared = new Map<string, Prepared<R>>();
  return (values: Record<string, unknown>, extra: Record<string, unknown> = {}): Promise<R[]> => {
    const shape = Object.keys(values);
    const key = shape.join(',');
    let statement = prepared.get(key);
    if (!statement) {
      statement = build(shape, `${name}:${key}`);
      prepared.set(key, statement);
    }
    return statement.execute({ ...values, ...extra });
  };
}

/** The filter's set fields, in the order given: dates only when not empty, the others when not null. */
export function setFields<F extends object>(
  filter: F,
  fields: ReadonlyArray<keyof F & string>,
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of fields) {
    const value = filter[field];
    if (value == null || value === '') continue;
    values[field] = value;
  }
  return values;
}
