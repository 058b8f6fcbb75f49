import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { SitrepError } from '@sitrep/vocabulary';

/*
 * Lists reach PostgreSQL as one bound parameter, as json_each binds them on SQLite: the statement
 * text is the same for any number of values, so it is prepared once.
 */

/** `column = any(ids)`, the ids bound as one `int[]` placeholder named `name` (bind with idArray). */
export const anyId = (column: AnyPgColumn, name = 'ids'): SQL => sql`${column} = any(${sql.placeholder(name)}::int[])`;

/** Ids as an array literal, `{1,2,3}`: integers only, so nothing else can reach the literal. */
export function idArray(ids: readonly number[]): string {
  const bad = ids.find((id) => !Number.isSafeInteger(id));
  if (bad !== undefined) throw new SitrepError('BAD_USER_INPUT', `${bad} is not an id.`);
  return `{${ids.join(',')}}`;
}

/** Whole numbers (fingerprint hashes, not ids) as an array literal, `{1,2,3}`, for a `bigint[]` placeholder. */
export function intArray(values: readonly number[]): string {
  const bad = values.find((value) => !Number.isSafeInteger(value));
  if (bad !== undefined) throw new SitrepError('BAD_USER_INPUT', `${bad} is not a whole number.`);
  return `{${values.join(',')}}`;
}

/**
 * A unique violation (SQLSTATE 23505) as a CONFLICT, other errors as they are. The ingest's own
 * conflicts (a stored text, a taken name) are found without a failing statement, leaving the
 * transaction usable; this is for what only a concurrent writer can still cause, after which the
 * transaction is aborted and must be rolled back.
 */
export function conflictOnDuplicate(error: unknown): never {
  const { code, constraint_name: constraint } = (error ?? {}) as { code?: unknown; constraint_name?: unknown };
  if (code === '23505') {
    throw new SitrepError('CONFLICT', 'Another writer stored the same row first; try again.', {
      constraint: typeof constraint === 'string' ? constraint : null,
    });
  }
  throw error;
}

/** Each query of `queries` with a unique violation turned into a CONFLICT (conflictOnDuplicate). */
export function conflictsAsConflict<Queries extends object>(queries: Queries): Queries {
  return Object.fromEntries(
    Object.entries(queries).map(([name, query]) => [
      name,
      async (...args: unknown[]) => {
        try {
          return await (query as (...rest: unknown[]) => Promise<unknown>)(...args);
        } catch (error) {
          return conflictOnDuplicate(error);
        }
      },
    ]),
  ) as Queries;
}
