import { asc, desc, eq, sql } from 'drizzle-orm';
import type { SitrepPostgres } from '../../postgres';
import { claimAbout, claims, entityClaimStats } from '../../pg/schema';
import type { ClaimRow } from '../../schema';
import type { Asynchronous, StoreReads } from '../reads';
import { idArray } from './bind';
import { claimColumns } from './columns';

type ClaimReads = Pick<StoreReads, 'latestClaimsAbout' | 'countClaimsAbout' | 'latestClaimsOfStatements'>;

export function claimReads({ orm }: SitrepPostgres): Asynchronous<ClaimReads> {
  // In claim_about_entity_idx's order (entity, said_on, claim), as on SQLite: only the page is read.
  const about = orm
    .select(claimColumns)
    .from(claimAbout)
    .innerJoin(claims, eq(claims.id, claimAbout.claimId))
    .where(eq(claimAbout.entityId, sql.placeholder('entity')))
    .orderBy(desc(claimAbout.saidOn), desc(claimAbout.claimId))
    .limit(sql.placeholder('limit'))
    .offset(sql.placeholder('offset'))
    .prepare('store_latest_claims_about');
  const counted = orm
    .select({ n: entityClaimStats.claims })
    .from(entityClaimStats)
    .where(eq(entityClaimStats.entityId, sql.placeholder('entity')))
    .prepare('store_count_claims_about');
  // Each statement's claims numbered in claims_statement_said_idx's order; only the page's kept.
  const numbered = orm.$with('numbered').as(
    orm
      .select({
        id: claims.id,
        n: sql<number>`row_number() over (partition by ${claims.statementId} order by ${claims.saidOn} desc, ${claims.id} desc)`.as(
          'n',
        ),
      })
      .from(claims)
      .where(sql`${claims.statementId} = any(${sql.placeholder('ids')}::int[])`),
  );
  const ofStatements = orm
    .with(numbered)
    .select(claimColumns)
    .from(claims)
    .innerJoin(numbered, eq(numbered.id, claims.id))
    .where(sql`${numbered.n} > ${sql.placeholder('offset')} and ${numbered.n} <= ${sql.placeholder('end')}`)
    .orderBy(asc(claims.statementId), desc(claims.saidOn), desc(claims.id))
    .prepare('store_latest_claims_of_statements');

  return {
    latestClaimsAbout: (entity, page) => about.execute({ entity, limit: page.limit, offset: page.offset }),
    async countClaimsAbout(entity) {
      const [row] = await counted.execute({ entity });
      return row?.n ?? 0;
    },
    async latestClaimsOfStatements(ids, page) {
      const result = new Map<number, ClaimRow[]>(ids.map((id) => [id, []]));
      if (ids.length === 0) return result;
      const rows = await ofStatements.execute({
        ids: idArray(ids),
        offset: page.offset,
        end: page.offset + page.limit,
      });
      for (const row of rows) result.get(row.statementId!)?.push(row);
      return result;
    },
  };
}
