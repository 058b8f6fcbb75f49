import { and, asc, desc, eq, gte, lte, sql } from 'drizzle-orm';
import type { SitrepPostgres } from '../../postgres';
import { articles, claims, statementAbout, statements } from '../../pg/schema';
import { PER_ENTITY_FACTOR } from '../../queries/statement-candidates';
import { type TellingRow, lastFiguresOf } from '../../queries/statements';
import type { Asynchronous } from '../reads';
import type { IngestQueries } from '../writes';
import { anyId, idArray } from './bind';
import { rowReads } from './rows';
import { statementReads } from './statements';

type StatementQueries = Pick<
  IngestQueries,
  | 'articlesWithUngroupedClaims'
  | 'createStatement'
  | 'assignClaims'
  | 'assignStatements'
  | 'claimIdsOfStatements'
  | 'deleteStatementIfEmpty'
  | 'conflictsOf'
  | 'recordConflict'
  | 'addTermCounts'
  | 'termCountsOf'
  | 'reliabilityOf'
  | 'tellingsOfStatements'
  | 'saveStatementFigures'
  | 'candidateStatementRows'
  | 'statementsAboutEntity'
>;

const bound = (name: string) => sql.placeholder(name);

/** queries/statements.ts and statement-candidates.ts as grouping writes them, on PostgreSQL. */
export function ingestStatements(db: SitrepPostgres): Asynchronous<StatementQueries> {
  const { orm, sql: client } = db;
  const rows = rowReads(db);
  const tellings = orm
    .select({
      statementId: sql<number>`${claims.statementId}`,
      claimId: claims.id,
      storyId: sql<number>`coalesce(${articles.storyId}, ${articles.id}, ${claims.articleId})`,
      outlet: articles.outlet,
      stance: claims.stance,
      hedged: claims.hedged,
      sourceText: claims.sourceText,
      sourceActorId: claims.sourceActorId,
      sourceCount: claims.sourceCount,
      sourceAnonymous: claims.sourceAnonymous,
      saidOn: claims.saidOn,
      eventDate: claims.eventDate,
    })
    .from(claims)
    .leftJoin(articles, eq(articles.id, claims.articleId))
    .where(anyId(claims.statementId))
    .orderBy(asc(claims.statementId), asc(claims.saidOn), asc(claims.id))
    .prepare('ingest_tellings_of_statements');
  // In statement_about_entity_idx's order, only the rows asked for, as on SQLite.
  const aboutEntity = orm
    .select({ id: statementAbout.statementId, lastSaid: statementAbout.lastSaid })
    .from(statementAbout)
    .where(
      and(
        eq(statementAbout.entityId, bound('entity')),
        gte(statementAbout.lastSaid, bound('since')),
        lte(statementAbout.lastSaid, bound('until')),
      ),
    )
    .orderBy(desc(statementAbout.lastSaid), desc(statementAbout.statementId))
    .limit(bound('limit'))
    .prepare('ingest_statements_about_entity');
  // Each asked id in the order asked (a missing statement too: no claims, not curated).
  const candidates = orm
    .select({
      id: sql<number>`j.id`,
      curated: sql<boolean>`coalesce(${statements.curated}, false)`,
      latest: sql<
        number[]
      >`array(select c.id from claims c where c.statement_id = j.id order by c.id desc limit ${bound('latest')})`,
      conflicts: sql<number[]>`array(select sc.other_id from statement_conflicts sc where sc.statement_id = j.id)`,
    })
    .from(sql`unnest(${bound('ids')}::int[]) with ordinality as j(id, n)`)
    .leftJoin(statements, sql`${statements.id} = j.id`)
    .orderBy(sql`j.n`)
    .prepare('ingest_candidate_statement_rows');

  const ascending = (x: number, y: number) => x - y;
  // As on SQLite: each claim once, in its last statement given.
  async function assignStatements(placements: ReadonlyArray<readonly [number, number]>): Promise<void> {
    if (placements.length === 0) return;
    const last = [...new Map(placements)];
    await client`
      update claims c set statement_id = p.statement_id
        from unnest(${idArray(last.map(([claim]) => claim))}::int[], ${idArray(last.map(([, statement]) => statement))}::int[])
          as p(claim_id, statement_id)
       where c.id = p.claim_id`;
  }

  return {
    async articlesWithUngroupedClaims() {
      const found = await client<Array<{ id: number }>>`
        select article_id as id from claims where statement_id is null
         group by article_id order by min(said_on), article_id`;
      return found.map((row) => row.id);
    },
    async createStatement(saidOn) {
      const [row] = await client<Array<{ id: number }>>`
        insert into statements (first_said, last_said) values (${saidOn}::text, ${saidOn}::text) returning id`;
      return row!.id;
    },
    assignStatements,
    assignClaims: (claimIds, statementId) => assignStatements(claimIds.map((id) => [id, statementId] as const)),
    claimIdsOfStatements: rows.claimIdsOfStatements,
    async deleteStatementIfEmpty(id) {
      // Its statement_about rows and contradictions go by their foreign keys' cascade, as on SQLite.
      const gone = await client`
        delete from statements where id = ${id}::int
           and not exists (select 1 from claims where statement_id = ${id}::int)
        returning id`;
      return gone.length > 0;
    },
    conflictsOf: statementReads(db).statementConflicts,
    async recordConflict(a, b, why) {
      if (a === b) return;
      await client`
        insert into statement_conflicts (statement_id, other_id, why)
        values (${a}::int, ${b}::int, ${why}::text), (${b}::int, ${a}::int, ${why}::text)
        on conflict (statement_id, other_id) do update set why = excluded.why`;
    },
    async addTermCounts(claimCount, counts) {
      if (claimCount <= 0) return;
      // One row a term: SQLite adds a term given twice twice, an upsert may touch a row only once.
      const sums = new Map<string, number>([['', claimCount]]);
      for (const [term, n] of counts) sums.set(term, (sums.get(term) ?? 0) + n);
      await client`
        insert into term_counts as t (term, claims)
        select r ->> 0, (r ->> 1)::int from jsonb_array_elements(${JSON.stringify([...sums])}::jsonb) as r
        on conflict (term) do update set claims = t.claims + excluded.claims`;
    },
    async termCountsOf(terms) {
      const found = await client<Array<{ term: string; claims: number }>>`
        select term, claims from term_counts
         where term in (select jsonb_array_elements_text(${JSON.stringify(['', ...terms])}::jsonb))`;
      const counts = new Map(found.map((r) => [r.term, r.claims]));
      return { claims: counts.get('') ?? 0, counts };
    },
    reliabilityOf: rows.reliabilityOf,
    async tellingsOfStatements(ids) {
      const result = new Map<number, TellingRow[]>(ids.map((id) => [id, []]));
      if (ids.length === 0) return result;
      for (const row of await tellings.execute({ ids: idArray(ids) })) result.get(row.statementId)!.push(row);
      return result;
    },
    async saveStatementFigures(list) {
      if (list.length === 0) return;
      // One row a statement, as SQLite saves them: an update may touch a row only once.
      const rows = lastFiguresOf(list).map(({ id, figures: f }) => ({ id, ...f }));
      // The figures, then each statement's entities (the union of its claims') with its last day and
      // contested flag, only what changed written, all in one statement: the rows it keeps
      // refreshed, those it lost deleted, new ones added; the triggers keep entity_statement_stats,
      // as on SQLite.
      await client`
        with v as (
          select * from json_to_recordset(${JSON.stringify(rows)}::json) as v(
            id int, "firstSaid" text, "lastSaid" text, "eventDate" text, claims int, "independentSources" int,
            affirming int, denying int, contested boolean, credibility int, "credibilityReason" text,
            reliability text)
        ), saved as (
          update statements s set first_said = v."firstSaid", last_said = v."lastSaid", event_date = v."eventDate",
                 claims = v.claims, independent_sources = v."independentSources", affirming = v.affirming,
                 denying = v.denying, contested = v.contested, credibility = v.credibility,
                 credibility_reason = v."credibilityReason", reliability = v.reliability
            from v where s.id = v.id
        ), wanted as (
          select distinct c.statement_id, a.entity_id from claims c join claim_about a on a.claim_id = c.id
           where c.statement_id in (select id from v)
        ), dropped as (
          delete from statement_about sa using v
           where sa.statement_id = v.id
             and not exists (select 1 from wanted w where w.statement_id = sa.statement_id and w.entity_id = sa.entity_id)
        ), refreshed as (
          update statement_about sa set last_said = v."lastSaid", contested = v.contested
            from v
           where sa.statement_id = v.id
             and exists (select 1 from wanted w where w.statement_id = sa.statement_id and w.entity_id = sa.entity_id)
             and (sa.last_said <> v."lastSaid" or sa.contested <> v.contested)
        )
        insert into statement_about (entity_id, statement_id, last_said, contested)
        select w.entity_id, w.statement_id, v."lastSaid", v.contested from wanted w join v on v.id = w.statement_id
         where not exists (select 1 from statement_about sa where sa.statement_id = w.statement_id and sa.entity_id = w.entity_id)
        on conflict do nothing`;
    },
    async candidateStatementRows(ids, latest) {
      if (ids.length === 0) return [];
      // SQLite's negative limit is none at all; PostgreSQL's is `limit null`.
      const found = await candidates.execute({ ids: idArray(ids), latest: latest < 0 ? null : latest });
      return found.map((row) => ({
        id: row.id,
        curated: row.curated,
        latest: [...row.latest].sort(ascending),
        conflicts: [...row.conflicts].sort(ascending),
      }));
    },
    statementsAboutEntity: (entity, since, until, limit) =>
      aboutEntity.execute({ entity, since, until, limit: limit < 0 ? null : limit * PER_ENTITY_FACTOR }),
  };
}
