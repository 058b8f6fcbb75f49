import type postgres from 'postgres';
import type { SitrepPostgres } from '../../postgres';
import type {
  ArticleExportRow,
  ClaimExportRow,
  EntityExportRow,
  ExportReads,
  ExportSource,
  StatementExportRow,
} from '../../queries/export';

/*
 * `sitrep export`'s reads on PostgreSQL: the rows SQLite's (queries/export.ts) give, key for key.
 * - Booleans come back as 0/1 (`::int`), as SQLite stores them.
 * - Lists are built with json_agg in SQLite's stated order and written back as JSON text by
 *   JSON.stringify, which writes what json_group_array writes (no spaces); `[]` when there are none.
 * - Text that SQLite compares (max of two times, the outlets' order) is compared `collate "C"`: byte
 *   order, as SQLite's BINARY, whatever the database's collation.
 * Each table is read through a cursor, `batch` rows a round trip, inside one `repeatable read read
 * only` transaction: every table from the snapshot its first statement took, whatever commits meanwhile.
 */

/** Rows a cursor fetches per round trip: a few hundred rows' memory, and few round trips. */
export const EXPORT_BATCH = 500;

type Json = unknown;
const json = (list: Json): string => JSON.stringify(list);
const jsonOrNull = (list: Json | null): string | null => (list == null ? null : JSON.stringify(list));

async function* streamed<Row extends object, Out>(
  query: postgres.PendingQuery<Row[]>,
  batch: number,
  shape: (row: Row) => Out,
): AsyncGenerator<Out> {
  for await (const rows of query.cursor(batch)) for (const row of rows) yield shape(row);
}

type EntityRow = Omit<EntityExportRow, 'aliases'> & { aliases: Json };
type ArticleRow = Omit<ArticleExportRow, 'claimIds' | 'entityIds'> & { claimIds: Json | null; entityIds: Json | null };
type ClaimRow = Omit<ClaimExportRow, 'about'> & { about: Json };
type StatementRow = Omit<StatementExportRow, 'about' | 'conflicts' | 'claimIds'> & {
  about: Json;
  conflicts: Json;
  claimIds: Json | null;
};

/** The reads on one transaction's connection. */
export function exportReadsOn(tx: postgres.TransactionSql, batch = EXPORT_BATCH): ExportReads {
  const nameOf = (id: postgres.Fragment) => tx`(select x.name from entities x where x.id = ${id})`;
  return {
    entities: () =>
      streamed(
        tx<EntityRow[]>`
          select e.id, e.kind, e.name,
            (select coalesce(json_agg(a.name order by a.id), '[]'::json)
               from aliases a where a.entity_id = e.id and a.name <> e.name) as aliases,
            e.description, e.actor_type as "actorType", e.role, ${nameOf(tx`e.affiliation_id`)} as affiliation,
            e.installation_type as "installationType", e.place, e.region, e.country, e.latitude, e.longitude,
            ${nameOf(tx`e.operator_id`)} as operator, ${nameOf(tx`e.host_country_id`)} as "hostCountry",
            e.review_status as "reviewStatus", e.affiliation_id as "affiliationId", e.operator_id as "operatorId",
            e.host_country_id as "hostCountryId", r.grade as reliability, e.created_at as "createdAt",
            greatest(e.created_at collate "C", coalesce(r.set_at, '')) as "changedAt"
          from entities e left join source_reliability r on r.entity_id = e.id
          order by e.id`,
        batch,
        (row): EntityExportRow => ({ ...row, aliases: json(row.aliases) }),
      ),

    articles: (withText, withLinks = false) =>
      streamed(
        tx<ArticleRow[]>`
          select a.id, a.title, a.published_at as "publishedAt", a.dateline, a.outlet, a.url, a.author,
            a.word_count as "wordCount", a.story_id as "copyOf", case when ${withText}::boolean then a.text end as text,
            a.created_at as "createdAt",
            case when ${withLinks}::boolean then greatest(a.created_at collate "C",
              coalesce((select max(c.created_at collate "C") from claims c where c.article_id = a.id), '')) end
              as "changedAt",
            case when ${withLinks}::boolean then (select coalesce(json_agg(c.id order by c.id), '[]'::json)
              from claims c where c.article_id = a.id) end as "claimIds",
            case when ${withLinks}::boolean then (select coalesce(json_agg(m.entity_id order by m.entity_id), '[]'::json)
              from (select distinct entity_id from mentions where article_id = a.id) m) end as "entityIds"
          from articles a
          order by a.id`,
        batch,
        (row): ArticleExportRow => ({
          ...row,
          claimIds: jsonOrNull(row.claimIds),
          entityIds: jsonOrNull(row.entityIds),
        }),
      ),

    claims: () =>
      streamed(
        tx<ClaimRow[]>`
          select c.id, c.article_id as "articleId", c.quote, c.start, c."end", c.stance, c.hedged::int as hedged,
            c.event_date as "eventDate", c.said_on as "saidOn", c.source_text as "sourceText",
            c.source_actor_id as "sourceActorId", ${nameOf(tx`c.source_actor_id`)} as "sourceActor",
            c.source_count as "sourceCount", c.source_anonymous::int as "sourceAnonymous",
            c.statement_id as "statementId", c.review_status as "reviewStatus",
            (select coalesce(json_agg(json_build_object('entityId', a.entity_id, 'name', e.name, 'role', a.role)
                 order by a.entity_id), '[]'::json)
               from claim_about a join entities e on e.id = a.entity_id where a.claim_id = c.id) as about,
            c.created_at as "createdAt"
          from claims c
          order by c.id`,
        batch,
        (row): ClaimExportRow => ({ ...row, about: json(row.about) }),
      ),

    statements: (withLinks = false) =>
      streamed(
        tx<StatementRow[]>`
          select s.id, s.first_said as "firstSaid", s.last_said as "lastSaid", s.event_date as "eventDate", s.claims,
            s.independent_sources as "independentSources", s.affirming, s.denying, s.contested::int as contested,
            s.credibility, s.credibility_reason as "credibilityReason", s.reliability, s.curated::int as curated,
            (select coalesce(json_agg(json_build_object('entityId', a.entity_id, 'name', e.name)
                 order by a.entity_id), '[]'::json)
               from statement_about a join entities e on e.id = a.entity_id where a.statement_id = s.id) as about,
            (select coalesce(json_agg(json_build_object('statementId', k.other_id, 'why', k.why)
                 order by k.other_id), '[]'::json)
               from statement_conflicts k where k.statement_id = s.id) as conflicts,
            s.created_at as "createdAt",
            case when ${withLinks}::boolean then greatest(s.created_at collate "C",
              coalesce((select max(c.created_at collate "C") from claims c where c.statement_id = s.id), '')) end
              as "changedAt",
            case when ${withLinks}::boolean then (select coalesce(json_agg(c.id order by c.id), '[]'::json)
              from claims c where c.statement_id = s.id) end as "claimIds"
          from statements s
          order by s.id`,
        batch,
        (row): StatementExportRow => ({
          ...row,
          about: json(row.about),
          conflicts: json(row.conflicts),
          claimIds: jsonOrNull(row.claimIds),
        }),
      ),

    outlets: () =>
      streamed(
        tx<Array<{ outlet: string }>>`
          select outlet from articles where outlet is not null group by outlet order by outlet collate "C"`,
        batch,
        (row) => row.outlet,
      ),

    async installationIds() {
      const rows = await tx<Array<{ id: number }>>`select id from entities where kind = ${'installation'}`;
      return new Set(rows.map((row) => row.id));
    },
  };
}

/**
 * The export's reads on a PostgreSQL database: one `repeatable read read only` transaction on one
 * connection of the pool, held while the writers stream, committed (nothing to commit) at the end.
 */
export function postgresExportSource(db: SitrepPostgres, batch = EXPORT_BATCH): ExportSource {
  return {
    snapshot: async <T>(work: (reads: ExportReads) => Promise<T>): Promise<T> => {
      let result: T | undefined;
      await db.sql.begin('isolation level repeatable read read only', async (tx) => {
        result = await work(exportReadsOn(tx, batch));
      });
      return result as T;
    },
  };
}
