import type { SitrepDatabase } from '../database';
import { preparedOnce } from '../prepared';
import type { ClaimAboutRow, ClaimFeaturesRow, EntityRow } from '../schema';
import { type ArticleHead, articleHeadsByIds } from './articles';
import { claimAboutForClaims } from './claims';
import { entitiesByIds } from './entities';

/** Claims' stored features (see claimFeatures), by claim id; claims with none are left out. */
export function claimFeaturesByIds(db: SitrepDatabase, ids: readonly number[]): Map<number, ClaimFeaturesRow> {
  if (ids.length === 0) return new Map();
  const statement = preparedOnce(db, 'claimFeatures.byIds', () =>
    db.sqlite.prepare<[string], ClaimFeaturesRow>(
      `select claim_id as claimId, content, features from claim_features
        where claim_id in (select value from json_each(?))`,
    ),
  );
  return new Map(statement.all(JSON.stringify(ids)).map((row) => [row.claimId, row]));
}

/** Stores claims' features, in place of any they had. */
export function saveClaimFeatures(db: SitrepDatabase, rows: readonly ClaimFeaturesRow[]): void {
  if (rows.length === 0) return;
  const statement = preparedOnce(db, 'claimFeatures.save', () =>
    db.sqlite.prepare<[string]>(
      `insert or replace into claim_features (claim_id, content, features)
         select value ->> '$[0]', value ->> '$[1]', value ->> '$[2]' from json_each(?)`,
    ),
  );
  statement.run(JSON.stringify(rows.map((r) => [r.claimId, r.content, r.features])));
}

/** What grouping reads about stored claims besides their rows: each read as its own function reads it. */
export interface ClaimContext {
  about: ClaimAboutRow[];
  /** The entities `about` names. */
  entities: EntityRow[];
  /** The articles asked for. */
  heads: ArticleHead[];
  features: Map<number, ClaimFeaturesRow>;
}

/**
 * The claims' subjects with their entities, their articles' heads (`articleIds`) and their stored
 * features, in one call: on PostgreSQL one trip through the writer thread instead of four.
 */
export function claimContext(
  db: SitrepDatabase,
  claimIds: readonly number[],
  articleIds: readonly number[],
): ClaimContext {
  const about = claimAboutForClaims(db, claimIds);
  return {
    about,
    entities: entitiesByIds(db, [...new Set(about.map((a) => a.entityId))]),
    heads: articleHeadsByIds(db, articleIds),
    features: claimFeaturesByIds(db, claimIds),
  };
}
