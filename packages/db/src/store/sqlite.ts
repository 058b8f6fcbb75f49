import type { SitrepDatabase } from '../database';
import { articleHeadsByIds } from '../queries/articles';
import { claimStatsFor, countClaims, latestClaimsOfStatements, listClaims } from '../queries/claims';
import { aliasesForEntities, entitiesByIds, findEntityByAlias } from '../queries/entities';
import { countSearchHits, searchText } from '../queries/search';
import { conflictsOf, countStatements, listStatements } from '../queries/statements';
import type { StoreReads, Synchronous } from './reads';

/**
 * The Store on SQLite: each read is the existing query function (prepared once per connection),
 * answered synchronously, so moving a caller onto the Store costs SQLite nothing.
 */
export function sqliteStore(db: SitrepDatabase): Synchronous<StoreReads> {
  return {
    entityByName: (name) => findEntityByAlias(db, name),
    entitiesByIds: (ids) => entitiesByIds(db, ids),
    aliasesOfEntities: (ids) => aliasesForEntities(db, ids),
    claimStatsOf: (ids) => claimStatsFor(db, ids),
    latestClaimsAbout: (entityId, page) => listClaims(db, { about: entityId }, page, 'latest'),
    countClaimsAbout: (entityId) => countClaims(db, { about: entityId }),
    statementsAbout: (entityId, contested, page) => listStatements(db, { about: entityId, contested }, page),
    countStatementsAbout: (entityId, contested) => countStatements(db, { about: entityId, contested }),
    latestClaimsOfStatements: (ids, page) => latestClaimsOfStatements(db, ids, page),
    statementConflicts: (ids) => conflictsOf(db, ids),
    articleHeadsByIds: (ids) => articleHeadsByIds(db, ids),
    searchText: (text, kinds, page) => searchText(db, text, kinds, page),
    countSearchHits: (text, kinds) => countSearchHits(db, text, kinds),
  };
}
