import { isBusy } from '@sitrep/db';
import { SitrepError } from '@sitrep/vocabulary';
import type { GraphQLFieldResolver, GraphQLSchema } from 'graphql';

/** How a mutation waits for the database's write lock while another process holds it. */
export interface WritePolicy {
  /**
   * How long SQLite itself waits for the lock before SQLITE_BUSY, in milliseconds. It waits on
   * the event loop, blocking every request: keep it short. Default 10.
   */
  busyTimeoutMs: number;
  /**
   * How long a mutation keeps retrying a write that met SQLITE_BUSY, in milliseconds, before it
   * fails with DATABASE_BUSY. Between attempts it waits with a timer, so reads are served. Default 5000.
   */
  deadlineMs: number;
}

export const DEFAULT_WRITE_POLICY: WritePolicy = { busyTimeoutMs: 10, deadlineMs: 5000 };

const FIRST_PAUSE_MS = 10;
const LONGEST_PAUSE_MS = 100;

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `write` and, while it fails because another connection holds the write lock, runs it again
 * from the start after a growing pause (a timer: the event loop serves reads meanwhile), until
 * `deadlineMs` has passed; then fails with DATABASE_BUSY and a `retryAfterSeconds`. A write that
 * met SQLITE_BUSY has changed nothing: its transaction was rolled back (or, with BEGIN IMMEDIATE,
 * never began), so running it again is safe. `write` may be async; any other error passes through.
 */
export async function withWriteRetry<T>(policy: WritePolicy, write: () => T | Promise<T>): Promise<T> {
  const started = performance.now();
  let pauseMs = FIRST_PAUSE_MS;
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (!isBusy(error)) throw error;
      const left = policy.deadlineMs - (performance.now() - started);
      if (left <= 0) {
        const retryAfterSeconds = Math.max(1, Math.ceil(policy.deadlineMs / 1000));
        throw new SitrepError(
          'DATABASE_BUSY',
          `The database is busy: another process (e.g. \`sitrep ingest\`) held its write lock for more than ${policy.deadlineMs} ms. Nothing was written; try again in ${retryAfterSeconds} s.`,
          { retryAfterSeconds, attempts: attempt },
        );
      }
      // Jittered, so writers waiting together do not all wake at once.
      await pause(Math.min(left, pauseMs * (0.5 + Math.random())));
      pauseMs = Math.min(LONGEST_PAUSE_MS, pauseMs * 2);
    }
  }
}

/** A mutation field's extension: its resolver calls withWriteRetry around its writes itself (it has slow work outside them). */
export const RETRIES_ITS_OWN_WRITES = 'sitrepRetriesItsOwnWrites';

/**
 * Every mutation field of `schema` retries on SQLITE_BUSY (withWriteRetry): the whole resolver
 * runs again, so each attempt re-runs its write transaction from the start. In one place, so a new
 * mutation gets it without asking. The policy comes from the context (`ctx.writes`).
 */
export function retryMutationsOnBusy(schema: GraphQLSchema): GraphQLSchema {
  const mutation = schema.getMutationType();
  if (!mutation) return schema;
  for (const field of Object.values(mutation.getFields())) {
    const resolve = field.resolve as GraphQLFieldResolver<unknown, { writes?: WritePolicy }> | undefined;
    if (!resolve || field.extensions[RETRIES_ITS_OWN_WRITES] === true) continue;
    field.resolve = (root, args, ctx, info) =>
      withWriteRetry(ctx.writes ?? DEFAULT_WRITE_POLICY, () => resolve(root, args, ctx, info));
  }
  return schema;
}
