import { asc, eq, sql } from 'drizzle-orm';
import { type TokenScope, notFound } from '@sitrep/vocabulary';
import type { SitrepPostgres } from '../postgres';
import { hashToken, newTokenSecret } from '../queries/tokens';
import type { ApiTokenRow } from '../schema';
import { apiTokens } from './schema';

/*
 * queries/tokens.ts's writes and list on PostgreSQL (a token is looked up by the Store: liveToken): the same rows (the timestamps are written in the same ISO form
 * by the column default), returned as promises.
 */

export async function createPgToken(
  db: SitrepPostgres,
  scope: TokenScope,
  name: string,
): Promise<{ token: ApiTokenRow; secret: string }> {
  const secret = newTokenSecret(scope);
  const [token] = await db.orm
    .insert(apiTokens)
    .values({ name, scope, tokenHash: hashToken(secret) })
    .returning();
  return { token: token!, secret };
}

export function listPgTokens(db: SitrepPostgres): Promise<ApiTokenRow[]> {
  return db.orm.select().from(apiTokens).orderBy(asc(apiTokens.id));
}

export async function revokePgToken(db: SitrepPostgres, id: number): Promise<ApiTokenRow> {
  const [row] = await db.orm
    .update(apiTokens)
    .set({ revokedAt: sql`to_char(statement_timestamp() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')` })
    .where(eq(apiTokens.id, id))
    .returning();
  if (!row) throw notFound('token', id);
  return row;
}
