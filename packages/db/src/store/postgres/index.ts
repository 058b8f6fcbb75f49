import { asc } from 'drizzle-orm';
import type { SitrepPostgres } from '../../postgres';
import { articles } from '../../pg/schema';
import { countSearchHitsPg, searchTextPg } from '../../pg/search';
import type { StatementFilter } from '../../queries/statements';
import type { Asynchronous, StoreReads } from '../reads';
import { anyId, idArray } from './bind';
import { claimReads } from './claims';
import { articleHeadColumns } from './columns';
import { claimLists } from './claim-lists';
import { nameReads } from './dictionary';
import { entityReads } from './entities';
import { listReads } from './lists';
import { rowReads } from './rows';
import { statementReads } from './statements';

/**
 * The Store on PostgreSQL: the same reads as the SQLite store, each one statement prepared once
 * (postgres.js prepares it on each connection at first use), every value bound.
 */
export function postgresStore(db: SitrepPostgres): Asynchronous<StoreReads> {
  const heads = db.orm
    .select(articleHeadColumns)
    .from(articles)
    .where(anyId(articles.id))
    .orderBy(asc(articles.id))
    .prepare('store_article_heads_by_ids');
  const statements = statementReads(db);
  const lists = listReads(db);
  // An entity's statements in no date range (every hover asks twice): the prepared page in
  // statement_about's index order and the counts the triggers keep, as SQLite's listStatements
  // and countStatements take them; other filters are built for the call.
  const aboutOnly = (filter: StatementFilter): filter is StatementFilter & { about: number } =>
    filter.about != null && !filter.from && !filter.to;
  return {
    ...entityReads(db),
    ...claimReads(db),
    ...statements,
    ...rowReads(db),
    ...claimLists(db),
    ...lists,
    ...nameReads(db),
    listStatements: (filter, page) =>
      aboutOnly(filter)
        ? statements.statementsAbout(filter.about, filter.contested ?? null, page)
        : lists.listStatements(filter, page),
    countStatements: (filter) =>
      aboutOnly(filter)
        ? statements.countStatementsAbout(filter.about, filter.contested ?? null)
        : lists.countStatements(filter),
    articleHeadsByIds: async (ids) => (ids.length === 0 ? [] : heads.execute({ ids: idArray(ids) })),
    searchText: (text, kinds, page) => searchTextPg(db, text, kinds, page),
    countSearchHits: (text, kinds) => countSearchHitsPg(db, text, kinds),
  };
}
