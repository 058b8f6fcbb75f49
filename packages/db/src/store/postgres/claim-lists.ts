import { and, asc, count, desc, eq, gte, lte, sql } from 'drizzle-orm';
import type { SitrepPostgres } from '../../postgres';
import { claimAbout, claims, entityClaimStats } from '../../pg/schema';
import {
  type ClaimFilterField,
  type ClaimOrder,
  claimFilterConditions,
  claimFilterShape,
  claimFilterValues,
} from '../../queries/claims';
import type { ClaimRow } from '../../schema';
import type { Asynchronous } from '../reads';
import type { ListReads } from '../reads-more';
import { claimColumns } from './columns';

/*
 * listClaims and countClaims as queries/claims.ts builds them on SQLite, from the same filter
 * shapes and conditions: which filter fields are set picks one statement, prepared once per store.
 */

type Field = ClaimFilterField;
const bound = (field: Field) => sql.placeholder(field);
const conditions = (shape: readonly Field[]) => claimFilterConditions({ claims, claimAbout }, shape);

type ClaimLists = Pick<ListReads, 'listClaims' | 'countClaims'>;
interface Prepared<R> {
  execute(values: Record<string, unknown>): Promise<R[]>;
}

export function claimLists({ orm }: SitrepPostgres): Asynchronous<ClaimLists> {
  const lists = new Map<string, Prepared<ClaimRow>>();
  const counts = new Map<string, Prepared<{ n: number }>>();

  function list(shape: readonly Field[], order: ClaimOrder): Prepared<ClaimRow> {
    const key = `${order}:${shape.join(',')}`;
    let statement = lists.get(key);
    if (statement) return statement;
    if (shape.includes('about') && order === 'latest') {
      // In claim_about's index order (entity, said_on, claim): only the page is read, as on SQLite.
      const rest = shape.filter((field) => field !== 'about' && field !== 'from' && field !== 'to');
      statement = orm
        .select(claimColumns)
        .from(claimAbout)
        .innerJoin(claims, eq(claims.id, claimAbout.claimId))
        .where(
          and(
            eq(claimAbout.entityId, bound('about')),
            shape.includes('from') ? gte(claimAbout.saidOn, bound('from')) : undefined,
            shape.includes('to') ? lte(claimAbout.saidOn, bound('to')) : undefined,
            conditions(rest),
          ),
        )
        .orderBy(desc(claimAbout.saidOn), desc(claimAbout.claimId))
        .limit(sql.placeholder('limit'))
        .offset(sql.placeholder('offset'))
        .prepare(`store_claims_about:${key}`);
    } else {
      statement = orm
        .select(claimColumns)
        .from(claims)
        .where(conditions(shape))
        .orderBy(
          ...(order === 'latest'
            ? [desc(claims.saidOn), desc(claims.id)]
            : [asc(claims.articleId), asc(claims.start), asc(claims.id)]),
        )
        .limit(sql.placeholder('limit'))
        .offset(sql.placeholder('offset'))
        .prepare(`store_claims:${key}`);
    }
    lists.set(key, statement);
    return statement;
  }

  function counter(shape: readonly Field[]): Prepared<{ n: number }> {
    const key = shape.join(',');
    let statement = counts.get(key);
    if (statement) return statement;
    // All claims about one entity: kept in entity_claim_stats by triggers, as on SQLite.
    statement =
      key === 'about'
        ? orm
            .select({ n: entityClaimStats.claims })
            .from(entityClaimStats)
            .where(eq(entityClaimStats.entityId, bound('about')))
            .prepare('store_count_claims:about')
        : orm.select({ n: count() }).from(claims).where(conditions(shape)).prepare(`store_count_claims:${key}`);
    counts.set(key, statement);
    return statement;
  }

  return {
    listClaims(filter, page, order) {
      const shape = claimFilterShape(filter);
      return list(shape, order).execute({
        ...claimFilterValues(filter, shape),
        limit: page.limit,
        offset: page.offset,
      });
    },
    async countClaims(filter) {
      const shape = claimFilterShape(filter);
      const [row] = await counter(shape).execute(claimFilterValues(filter, shape));
      return row?.n ?? 0;
    },
  };
}
