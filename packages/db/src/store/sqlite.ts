import type { SitrepDatabase } from '../database';
import { articleHeadsByIds, articleTextsByIds, countArticles, listArticles } from '../queries/articles';
import {
  claimAboutForClaims,
  claimStatsFor,
  claimsByIds,
  countClaims,
  latestClaimsOfStatements,
  listClaims,
} from '../queries/claims';
import {
  aliasDictionaryVersion,
  aliasesForEntities,
  allAliases,
  allEntityNames,
  countEntities,
  entitiesByIds,
  entityHeadsByIds,
  findEntityByAlias,
  listEntities,
} from '../queries/entities';
import { countMentions, listMentions, mentionsByIds } from '../queries/mentions';
import { countSearchHits, searchText } from '../queries/search';
import {
  claimIdsOfStatements,
  conflictsOf,
  countStatements,
  countTimeline,
  listStatements,
  reliabilityChanges,
  reliabilityOf,
  statementAboutFor,
  statementsByIds,
  timelineOf,
} from '../queries/statements';
import { copiesOfArticles } from '../queries/stories';
import { findLiveToken } from '../queries/tokens';
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

    entityHeadsByIds: (ids) => entityHeadsByIds(db, ids),
    articleTextsByIds: (ids) => articleTextsByIds(db, ids),
    copiesOfArticles: (ids) => copiesOfArticles(db, ids),
    claimsByIds: (ids) => claimsByIds(db, ids),
    claimAboutForClaims: (ids) => claimAboutForClaims(db, ids),
    mentionsByIds: (ids) => mentionsByIds(db, ids),
    statementsByIds: (ids) => statementsByIds(db, ids),
    statementAboutFor: (ids) => statementAboutFor(db, ids),
    claimIdsOfStatements: (ids) => claimIdsOfStatements(db, ids),
    reliabilityOf: (ids) => reliabilityOf(db, ids),
    reliabilityChanges: (ids) => reliabilityChanges(db, ids),
    liveToken: (secret) => findLiveToken(db, secret),

    listEntities: (filter, page) => listEntities(db, filter, page),
    countEntities: (filter) => countEntities(db, filter),
    listArticles: (filter, page) => listArticles(db, filter, page),
    countArticles: (filter) => countArticles(db, filter),
    listClaims: (filter, page, order) => listClaims(db, filter, page, order),
    countClaims: (filter) => countClaims(db, filter),
    listMentions: (filter, page) => listMentions(db, filter, page),
    countMentions: (filter) => countMentions(db, filter),
    listStatements: (filter, page) => listStatements(db, filter, page),
    countStatements: (filter) => countStatements(db, filter),
    timelineOf: (entityId, range, page) => timelineOf(db, entityId, range, page),
    countTimeline: (entityId, range) => countTimeline(db, entityId, range),
    allAliases: () => allAliases(db),
    aliasDictionaryVersion: () => aliasDictionaryVersion(db),
    entityNames: () => allEntityNames(db),
  };
}
