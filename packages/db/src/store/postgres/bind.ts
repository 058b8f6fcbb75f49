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
