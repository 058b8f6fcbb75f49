import { type SQL, and, asc, count, desc, eq, gte, lte, sql } from 'drizzle-orm';
import type { SitrepPostgres } from '../../postgres';
import { claimAbout, claims, entityClaimStats } from '../../pg/schema';
import type { ClaimFilter, ClaimOrder } from '../../queries/claims';
import type { ClaimRow } from '../../schema';
import type { Asynchronous } from '../reads';
import type { ListReads } from '../reads-more';
import { claimColumns } from './columns';

/*
 * listClaims and countClaims as queries/claims.ts builds them on SQLite: which filter fields are set
 * (the filter's shape) picks one statement, prepared once per store; the values are bound.
 */

const FIELDS = ['about', 'sourceActor', 'stance', 'reviewStatus', 'articleId', 'statementId', 'from', 'to'] as const;
type Field = (typeof FIELDS)[number];

// Dates are skipped when empty (''), the other fields only when null or absent.
const shapeOf = (filter: ClaimFilter): Field[] =>
  FIELDS.filter((field) => (field === 'from' || field === 'to' ? Boolean(filter[field]) : filter[field] != null));

const valuesOf = (filter: ClaimFilter, shape: readonly Field[]) =>
  Object.fromEntries(shape.map((field) => [field, filter[field]]));

const bound = (field: Field) => sql.placeholder(field);

function conditions(shape: readonly Field[]): SQL | undefined {
  return and(
    ...shape.map((field): SQL => {
      switch (field) {
        case 'about':
          return sql`${claims.id} in (select ${claimAbout.claimId} from ${claimAbout} where ${claimAbout.entityId} = ${bound('about')})`;
        case 'sourceActor':
          return eq(claims.sourceActorId, bound(field));
        case 'stance':
          return eq(claims.stance, bound(field));
        case 'reviewStatus':
          return eq(claims.reviewStatus, bound(field));
        case 'articleId':
          return eq(claims.articleId, bound(field));
        case 'statementId':
          return eq(claims.statementId, bound(field));
        case 'from':
          return gte(claims.saidOn, bound(field));
        case 'to':
          return lte(claims.saidOn, bound(field));
      }
    }),
  );
}

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
      const shape = shapeOf(filter);
      return list(shape, order).execute({ ...valuesOf(filter, shape), limit: page.limit, offset: page.offset });
    },
    async countClaims(filter) {
      const shape = shapeOf(filter);
      const [row] = await counter(shape).execute(valuesOf(filter, shape));
      return row?.n ?? 0;
    },
  };
}
