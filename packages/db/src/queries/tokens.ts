import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { SitrepDatabase } from '../database';
import { type TokenScope, notFound } from '@sitrep/vocabulary';
import { type ApiTokenRow, apiTokens } from '../schema';

/** Only a secret's hash is stored (a leaked database leaks no working token); both back ends look a token up by it. */
export const hashToken = (secret: string) => createHash('sha256').update(secret, 'utf8').digest('hex');

/** A new secret; its prefix says what it is and what it may do when it turns up in a log. */
export const newTokenSecret = (scope: TokenScope) => `sitrep_${scope}_${randomBytes(24).toString('base64url')}`;

/** Creates a token; the secret is returned once and only its hash is stored. */
export function createToken(
  db: SitrepDatabase,
  scope: TokenScope,
  name: string,
): { token: ApiTokenRow; secret: string } {
  const secret = newTokenSecret(scope);
  const token = db.orm
    .insert(apiTokens)
    .values({ name, scope, tokenHash: hashToken(secret) })
    .returning()
    .get();
  return { token, secret };
}

/** The live (not revoked) token with this secret, if any. */
export function findLiveToken(db: SitrepDatabase, secret: string): ApiTokenRow | undefined {
  return db.orm
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, hashToken(secret)), isNull(apiTokens.revokedAt)))
    .get();
}

export function listTokens(db: SitrepDatabase): ApiTokenRow[] {
  return db.orm.select().from(apiTokens).orderBy(asc(apiTokens.id)).all();
}

export function revokeToken(db: SitrepDatabase, id: number): ApiTokenRow {
  const row = db.orm
    .update(apiTokens)
    .set({ revokedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))` })
    .where(eq(apiTokens.id, id))
    .returning()
    .get();
  if (!row) throw notFound('token', id);
  return row;
}
