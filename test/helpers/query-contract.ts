import type { Asynchronous } from '@sitrep/db';
import { SitrepError } from '@sitrep/vocabulary';
import { expect } from 'vitest';

/*
 * The contract tests of a back end's named queries (test/postgres/*-queries.*): each query runs on
 * SQLite, which answers at once, and on PostgreSQL, and both must give the same answer or the
 * same error.
 */

const TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/** `value` with the timestamps under `keys` (written at the moment, so they differ) checked for their form only. */
export function timeless(value: unknown, keys: ReadonlySet<string>): unknown {
  if (Array.isArray(value)) return value.map((v) => timeless(v, keys));
  if (value instanceof Map) return new Map([...value].map(([k, v]) => [k, timeless(v, keys)]));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => {
      if (keys.has(key) && typeof v === 'string') {
        expect(v).toMatch(TIME);
        return [key, 'a time'];
      }
      return [key, timeless(v, keys)];
    }),
  );
}

type Outcome = { value: unknown } | { error: { name: string; code?: string; message: string; details?: unknown } };

function outcomeOf(error: unknown): Outcome {
  if (error instanceof SitrepError) {
    return { error: { name: error.name, code: error.code, message: error.message, details: error.details } };
  }
  // A database's own refusal (a foreign key, a check): both refuse, in their own words.
  return { error: { name: 'database error', message: 'not compared' } };
}

/**
 * `alike(query)` runs a query on both, SQLite at once, and expects the same answer or the same
 * error, returning SQLite's answer; `refused(query, code)` also expects that error code (or, with
 * 'database', the database's own refusal), after which PostgreSQL's transaction still answers.
 */
export function contractOnBoth<Q>(
  sides: () => { sqlite: Q; postgres: Asynchronous<Q> },
  timeKeys: ReadonlySet<string>,
  /** Checks, after a refusal, that PostgreSQL's transaction still answers. */
  stillAnswers: () => Promise<void>,
) {
  async function alike<T>(query: (q: Q) => T): Promise<T> {
    const { sqlite, postgres } = sides();
    let now: Outcome;
    try {
      const value = query(sqlite);
      expect(value).not.toBeInstanceOf(Promise);
      now = { value };
    } catch (error) {
      now = outcomeOf(error);
    }
    let later: Outcome;
    try {
      later = { value: await (query as unknown as (q: Asynchronous<Q>) => Promise<T>)(postgres) };
    } catch (error) {
      later = outcomeOf(error);
    }
    expect(timeless(later, timeKeys)).toStrictEqual(timeless(now, timeKeys));
    return 'value' in now ? (now.value as T) : (undefined as T);
  }

  async function refused(query: (q: Q) => unknown, code: string | 'database'): Promise<void> {
    let thrown: unknown;
    try {
      query(sides().sqlite);
    } catch (error) {
      thrown = error;
    }
    if (code === 'database') {
      expect(thrown).toBeInstanceOf(Error);
      expect(thrown).not.toBeInstanceOf(SitrepError);
    } else {
      expect(thrown).toBeInstanceOf(SitrepError);
      expect((thrown as SitrepError).code).toBe(code);
    }
    await alike(query);
    await stillAnswers();
  }

  return { alike, refused };
}
