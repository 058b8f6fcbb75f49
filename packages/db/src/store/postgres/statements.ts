import { and, asc, desc, eq, getTableColumns, sql } from 'drizzle-orm';
import type { SitrepPostgres } from '../../postgres';
import { entityStatementStats, statementAbout, statementConflicts, statements } from '../../pg/schema';
import { statementCount } from '../glance';
import type { Asynchronous, StoreReads } from '../reads';
import { anyId, idArray } from './bind';

type StatementReads = Pick<StoreReads, 'statementsAbout' | 'countStatementsAbout' | 'statementConflicts'>;

export function statementReads({ orm }: SitrepPostgres): Asynchronous<StatementReads> {
  // Through statement_about, in its index's order (entity[, contested], last_said, statement), as on SQLite.
  const page = (contested: boolean) =>
    orm
      .select(getTableColumns(statements))
      .from(statementAbout)
      .innerJoin(statements, eq(statements.id, statementAbout.statementId))
      .where(
        and(
          eq(statementAbout.entityId, sql.placeholder('entity')),
          contested ? eq(statementAbout.contested, sql.placeholder('contested')) : undefined,
        ),
      )
      .orderBy(desc(statementAbout.lastSaid), desc(statementAbout.statementId))
      .limit(sql.placeholder('limit'))
      .offset(sql.placeholder('offset'))
      .prepare(contested ? 'store_statements_about_contested' : 'store_statements_about');
  const all = page(false);
  const byContested = page(true);
  const stats = orm
    .select({ statements: entityStatementStats.statements, contested: entityStatementStats.contested })
    .from(entityStatementStats)
    .where(eq(entityStatementStats.entityId, sql.placeholder('entity')))
    .prepare('store_entity_statement_stats');
  const conflicts = orm
    .select()
    .from(statementConflicts)
    .where(anyId(statementConflicts.statementId))
    .orderBy(asc(statementConflicts.statementId), asc(statementConflicts.otherId))
    .prepare('store_statement_conflicts');

  return {
    statementsAbout: (entity, contested, { limit, offset }) =>
      contested == null
        ? all.execute({ entity, limit, offset })
        : byContested.execute({ entity, contested, limit, offset }),
    // Kept by triggers, as on SQLite: an entity's two statement counts are one row.
    async countStatementsAbout(entity, contested) {
      const [row] = await stats.execute({ entity });
      return statementCount(row, contested);
    },
    statementConflicts: async (ids) => (ids.length === 0 ? [] : conflicts.execute({ ids: idArray(ids) })),
  };
}
