/**
 * A value now, or a promise of it: what a Store read returns (graphql-js's PromiseOrValue). The
 * SQLite store answers synchronously, so a resolver or DataLoader that accepts both costs SQLite
 * no microtask per read; the PostgreSQL store answers with promises.
 */
export type MaybePromise<T> = T | Promise<T>;

const isPromise = <T>(value: MaybePromise<T>): value is Promise<T> =>
  typeof (value as { then?: unknown } | null)?.then === 'function';

/** `then` for a MaybePromise: synchronous when the value is there, a promise only when it was one. */
export function thenMaybe<T, U>(value: MaybePromise<T>, next: (value: T) => MaybePromise<U>): MaybePromise<U> {
  return isPromise(value) ? value.then(next) : next(value);
}
