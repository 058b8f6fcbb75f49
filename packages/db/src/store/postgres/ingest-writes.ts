import type { SitrepPostgres } from '../../postgres';
import type { Asynchronous } from '../reads';
import type { IngestQueries } from '../writes';
import { conflictsAsConflict } from './bind';
import { ingestArticles } from './ingest-articles';
import { ingestClaims } from './ingest-claims';
import { ingestEntities } from './ingest-entities';
import { ingestStatements } from './ingest-statements';

/**
 * The ingest's queries on PostgreSQL (store/writes.ts): each answers as its SQLite function does
 * (test/postgres/ingest-queries.answer-as-sqlite-does.test.ts), every value bound, the hot ones
 * prepared. They open no transaction: the caller runs them inside one of its own, on one
 * connection (a pool of one). A name or text already stored is found without a failing statement,
 * so the CONFLICT the ingest catches leaves that transaction usable; a unique violation only a
 * concurrent writer can still cause is a CONFLICT too (and the transaction is then aborted).
 */
export function postgresIngestQueries(db: SitrepPostgres): Asynchronous<IngestQueries> {
  const parts = {
    ...ingestArticles(db),
    ...ingestEntities(db),
    ...ingestClaims(db),
    ...ingestStatements(db),
  };
  return conflictsAsConflict<Asynchronous<IngestQueries>>({
    ...parts,
    // As queries/claim-features.ts composes it: four reads, one trip through the writer thread.
    async claimContext(claimIds, articleIds) {
      const about = await parts.claimAboutForClaims(claimIds);
      const [entities, heads, features] = await Promise.all([
        parts.entitiesByIds([...new Set(about.map((a) => a.entityId))]),
        parts.articleHeadsByIds(articleIds),
        parts.claimFeaturesByIds(claimIds),
      ]);
      return { about, entities, heads, features };
    },
  });
}
