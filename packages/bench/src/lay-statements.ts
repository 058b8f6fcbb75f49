import { type SitrepDatabase, claimsByIds } from '@sitrep/db';
import { forgetFeaturesByContent, readStored } from '@sitrep/ingest';

/** Claims per statement at most, and one statement in this many is contested (with the next). */
export const CLAIMS_PER_STATEMENT = 3;
export const CONTESTED_ONE_IN = 20;

export interface LaidStatements {
  statements: number;
  contested: number;
  seconds: number;
  /** Storing every claim's features as grouping leaves them (claim_features), after the statements. */
  featureSeconds: number;
}

/** Claims whose features are read and stored per transaction. */
const FEATURES_PER_TRANSACTION = 2_000;

/**
 * Stores every grouped claim's features (claim_features), as grouping leaves them for every claim
 * it placed: an ingest into a database built by grouping reads its candidates' features from there.
 */
function storeFeatures(db: SitrepDatabase): number {
  const started = performance.now();
  const ids = db.sqlite
    .prepare<[], number>('select id from claims where statement_id is not null order by id')
    .pluck()
    .all();
  for (let i = 0; i < ids.length; i += FEATURES_PER_TRANSACTION)
    db.sqlite.transaction(() => readStored(db, claimsByIds(db, ids.slice(i, i + FEATURES_PER_TRANSACTION))))();
  // The ingest measured next reads its candidates' features from the table, as a new process would.
  forgetFeaturesByContent();
  return (performance.now() - started) / 1000;
}

/**
 * Lays statements over the generated claims, in the shape grouping leaves them, so that ingest and
 * the hover meet an entity with thousands of statements: claims about the same first entity said
 * in the same week, in runs of up to CLAIMS_PER_STATEMENT; one statement in CONTESTED_ONE_IN is
 * in conflict with the next. The generated quotes are made-up words, so running the grouping rules
 * on them would say nothing about real text and cost minutes; real ingest measures those rules.
 * Written after the bulk load, with the triggers on, as grouping writes (entity_statement_stats),
 * and with each claim's features stored, as grouping stores them.
 */
export function layStatements(db: SitrepDatabase): LaidStatements {
  const started = performance.now();
  const sqlite = db.sqlite;
  sqlite.transaction(() => {
    sqlite.exec(`
      create temp table laid as
      select claim_id, dense_rank() over (order by entity, week, run) as statement
      from (
        select c.id as claim_id, first.entity, cast(julianday(c.said_on) / 7 as integer) as week,
          (row_number() over (
            partition by first.entity, cast(julianday(c.said_on) / 7 as integer) order by c.id
          ) - 1) / ${CLAIMS_PER_STATEMENT} as run
        from claims c
        join (select claim_id, min(entity_id) as entity from claim_about group by claim_id) first
          on first.claim_id = c.id
        where c.statement_id is null
      );
      create unique index temp.laid_claim on laid (claim_id);
      create temp table laid_offset as select coalesce(max(id), 0) as base from statements;
      insert into statements (id, first_said, last_said, claims, independent_sources, affirming, denying,
          contested, credibility, credibility_reason, reliability)
        select (select base from laid_offset) + l.statement, min(c.said_on), max(c.said_on), count(*), count(*),
          count(*), 0, (l.statement % ${CONTESTED_ONE_IN}) in (1, 2),
          case when count(*) > 1 then 2 else 6 end,
          'laid over generated claims by the benchmark', 'F'
        from laid l join claims c on c.id = l.claim_id group by l.statement;
      update claims set statement_id = (select base from laid_offset) +
          (select statement from laid where laid.claim_id = claims.id)
        where id in (select claim_id from laid);
      insert into statement_about (entity_id, statement_id, last_said, contested)
        select distinct ca.entity_id, s.id, s.last_said, s.contested
        from laid l join claim_about ca on ca.claim_id = l.claim_id
          join statements s on s.id = (select base from laid_offset) + l.statement;
      insert into statement_conflicts (statement_id, other_id, why)
        select s.id, s.id + 1, 'laid by the benchmark' from statements s
        where s.credibility_reason = 'laid over generated claims by the benchmark'
          and s.contested and (s.id - (select base from laid_offset)) % ${CONTESTED_ONE_IN} = 1
          and exists (select 1 from statements t where t.id = s.id + 1);
      insert into statement_conflicts (statement_id, other_id, why)
        select other_id, statement_id, why from statement_conflicts where why = 'laid by the benchmark';
      drop table laid;
      drop table laid_offset;
    `);
  })();
  const count = (sql: string) => (sqlite.prepare(sql).get() as { n: number }).n;
  const seconds = (performance.now() - started) / 1000;
  return {
    statements: count('select count(*) as n from statements'),
    contested: count('select count(*) as n from statements where contested'),
    seconds,
    featureSeconds: storeFeatures(db),
  };
}
