import { type Column, getTableColumns, getTableName } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { SitrepPostgres } from '../../postgres';
import {
  aliases,
  articles,
  claimAbout,
  claims,
  entities,
  entityClaimStats,
  entityStatementStats,
  statementAbout,
  statementConflicts,
  statements,
} from '../../pg/schema';
import type { ArticleHead } from '../../queries/articles';
import type { EntityHead } from '../../queries/entities';
import type { AliasRow, ClaimAboutRow, ClaimRow, StatementConflictRow, StatementRow } from '../../schema';
import {
  type ClaimsSurroundings,
  type EntityGlance,
  type GlanceAsk,
  type GlanceReads,
  statementCount,
} from '../glance';
import type { ClaimStats } from '../reads';
import { idArray } from './bind';
import { articleHeadColumns, claimColumns, entityHeadColumns } from './columns';

/*
 * The hover's dozen reads as one prepared statement: each part is the query of the matching
 * single read (same filter, same order, same page), its rows turned into JSON objects keyed as
 * drizzle keys them. test/postgres/glance.* holds every part equal to the single read's answer.
 *
 * The text is built from the schema's own table and column names, never from a value; every
 * value is a bound parameter.
 */

const name = (table: PgTable) => `"${getTableName(table)}"`;
const column = (alias: string, c: Column) => `${alias}."${c.name}"`;
const columnList = (alias: string, columns: Record<string, Column>) =>
  Object.values(columns)
    .map((c) => column(alias, c))
    .join(', ');

/** A row as a JSON object with drizzle's keys (json_build_object takes at most 50 pairs). */
function jsonRow(alias: string, columns: Record<string, Column>): string {
  const pairs = Object.entries(columns);
  if (pairs.length > 50) throw new Error(`glance: ${pairs.length} columns are more than one JSON object takes`);
  return `json_build_object(${pairs.map(([key, c]) => `'${key}', ${column(alias, c)}`).join(', ')})`;
}

/** The rows of `from` as a JSON array in `order` (an empty array when none). */
const jsonRows = (alias: string, columns: Record<string, Column>, from: string, order: string) =>
  `(select coalesce(json_agg(${jsonRow(alias, columns)} order by ${order}), '[]'::json) from ${from})`;

const statementColumns = getTableColumns(statements);

/** A page's own order, carried out of its CTE: the index's keys, latest first. */
const PAGE_ORDER = 's.k_said desc, s.k_id desc';

// $1 entity, $2 head ids, $3–$5 first statement page (contested, limit, offset), $6–$8 second,
// $9–$10 claims page, $11–$12 tellings (offset, limit). Lists of ids go through `= any(array(…))`:
// the generic plan then looks each id up in its index rather than scanning a table.
const PARAMS = 12;

/** An entity's statements through statement_about, in its index's order, as statementsAbout reads them. */
function statementPage(first: number, byContested: boolean): string {
  const sa = name(statementAbout);
  // Unused, the flag is still named so that every text has the same parameters, typed.
  const flag = byContested ? `sa."${statementAbout.contested.name}" = $${first}` : `$${first}::boolean is not null`;
  return `select ${columnList('s', statementColumns)},
      sa."${statementAbout.lastSaid.name}" as k_said, sa."${statementAbout.statementId.name}" as k_id
    from ${sa} sa join ${name(statements)} s on s."${statements.id.name}" = sa."${statementAbout.statementId.name}"
    where sa."${statementAbout.entityId.name}" = $1 and ${flag}
    order by sa."${statementAbout.lastSaid.name}" desc, sa."${statementAbout.statementId.name}" desc
    limit $${first + 1} offset $${first + 2}`;
}

function glanceText(firstByContested: boolean, secondByContested: boolean): string {
  const c = claims;
  const ca = claimAbout;
  const claimOrder = `c."${c.saidOn.name}" desc, c."${c.id.name}" desc`;
  return `with
  page_a as (${statementPage(3, firstByContested)}),
  page_b as (${statementPage(6, secondByContested)}),
  listed as (select "${statements.id.name}" as id from page_a union select "${statements.id.name}" from page_b),
  claim_page as (
    select ${columnList('c', claimColumns)}, ca."${ca.saidOn.name}" as k_said, ca."${ca.claimId.name}" as k_id
    from ${name(claimAbout)} ca join ${name(claims)} c on c."${c.id.name}" = ca."${ca.claimId.name}"
    where ca."${ca.entityId.name}" = $1
    order by ca."${ca.saidOn.name}" desc, ca."${ca.claimId.name}" desc
    limit $9 offset $10),
  tellings as (
    select t.* from listed l cross join lateral (
      select ${columnList('c', claimColumns)} from ${name(claims)} c
      where c."${c.statementId.name}" = l.id order by ${claimOrder} limit $12 offset $11) t),
  told as (
    select "${c.articleId.name}" as article, "${c.sourceActorId.name}" as actor from claim_page
    union select "${c.articleId.name}", "${c.sourceActorId.name}" from tellings)
select
  ${jsonRows('a', getTableColumns(aliases), `${name(aliases)} a where a."${aliases.entityId.name}" = $1`, `a."${aliases.id.name}"`)} as aliases,
  (select json_build_object('entityId', "${entityClaimStats.entityId.name}", 'claims', "${entityClaimStats.claims.name}",
      'sources', "${entityClaimStats.sources.name}",
      'latest', (select max(x."${ca.saidOn.name}") from ${name(claimAbout)} x where x."${ca.entityId.name}" = $1))
    from ${name(entityClaimStats)} where "${entityClaimStats.entityId.name}" = $1) as claim_stats,
  (select json_build_object('statements', "${entityStatementStats.statements.name}", 'contested', "${entityStatementStats.contested.name}")
    from ${name(entityStatementStats)} where "${entityStatementStats.entityId.name}" = $1) as statement_stats,
  ${jsonRows('s', statementColumns, 'page_a s', PAGE_ORDER)} as page_a,
  ${jsonRows('s', statementColumns, 'page_b s', PAGE_ORDER)} as page_b,
  ${jsonRows('c', claimColumns, 'claim_page c', PAGE_ORDER.replaceAll('s.', 'c.'))} as claim_page,
  ${jsonRows(
    'k',
    getTableColumns(statementConflicts),
    `${name(statementConflicts)} k where k."${statementConflicts.statementId.name}" = any(array(select id from listed))`,
    `k."${statementConflicts.statementId.name}", k."${statementConflicts.otherId.name}"`,
  )} as conflicts,
  ${jsonRows('c', claimColumns, 'tellings c', `c."${c.statementId.name}", ${claimOrder}`)} as tellings,
  ${jsonRows('a', articleHeadColumns, `${name(articles)} a where a."${articles.id.name}" = any(array(select article from told))`, `a."${articles.id.name}"`)} as articles,
  ${jsonRows(
    'e',
    entityHeadColumns,
    `${name(entities)} e where e."${entities.id.name}" = any($2::int[] || array(select actor from told where actor is not null))`,
    `e."${entities.id.name}"`,
  )} as heads`;
}

/** $1 claims whose subjects are asked, $2 entity ids, $3 article ids: each bound as one int[]. */
function aroundText(): string {
  const ca = claimAbout;
  return `with about as (
    select ${columnList('ca', getTableColumns(claimAbout))} from ${name(claimAbout)} ca
    where ca."${ca.claimId.name}" = any($1::int[]))
select
  ${jsonRows('a', getTableColumns(claimAbout), 'about a', `a."${ca.claimId.name}", a."${ca.entityId.name}"`)} as about,
  ${jsonRows(
    'e',
    entityHeadColumns,
    `${name(entities)} e where e."${entities.id.name}" = any($2::int[] || array(select "${ca.entityId.name}" from about))`,
    `e."${entities.id.name}"`,
  )} as heads,
  ${jsonRows('a', articleHeadColumns, `${name(articles)} a where a."${articles.id.name}" = any($3::int[])`, `a."${articles.id.name}"`)} as articles`;
}

interface GlanceRow {
  aliases: AliasRow[];
  claim_stats: ClaimStats | null;
  statement_stats: { statements: number; contested: number } | null;
  page_a: StatementRow[];
  page_b: StatementRow[];
  claim_page: ClaimRow[];
  conflicts: StatementConflictRow[];
  tellings: ClaimRow[];
  articles: ArticleHead[];
  heads: EntityHead[];
}

const NO_PAGE = { contested: null, page: { limit: 0, offset: 0 } };

export function glanceReads(db: SitrepPostgres): GlanceReads {
  const texts = new Map<string, string>();
  const textFor = (a: boolean, b: boolean) => {
    const key = `${a}:${b}`;
    let text = texts.get(key);
    if (text === undefined) texts.set(key, (text = glanceText(a, b)));
    return text;
  };
  let around: string | undefined;
  return {
    async aroundClaims(ask): Promise<ClaimsSurroundings> {
      const params = [idArray(ask.aboutOf), idArray(ask.headIds), idArray(ask.articleIds)];
      const [row] = (await db.sql.unsafe((around ??= aroundText()), params, { prepare: true })) as unknown as Array<{
        about: ClaimAboutRow[];
        heads: EntityHead[];
        articles: ArticleHead[];
      }>;
      return row!;
    },
    async glanceAt(ask: GlanceAsk): Promise<EntityGlance> {
      if (ask.statements.length > 2) throw new Error('glance: at most two statement pages');
      const [first = NO_PAGE, second = NO_PAGE] = ask.statements;
      const tellings = ask.tellings ?? { limit: 0, offset: 0 };
      const params: unknown[] = [
        ask.entityId,
        idArray(ask.headIds),
        first.contested ?? false,
        first.page.limit,
        first.page.offset,
        second.contested ?? false,
        second.page.limit,
        second.page.offset,
        ask.claims?.limit ?? 0,
        ask.claims?.offset ?? 0,
        tellings.offset,
        tellings.limit,
      ];
      if (params.length !== PARAMS) throw new Error('glance: parameters out of step with the text');
      const text = textFor(first.contested != null, second.contested != null);
      // Prepared on each connection at first use, as drizzle's prepared reads are.
      const [row] = (await db.sql.unsafe(text, params as never[], { prepare: true })) as unknown as GlanceRow[];
      const stats = row!.statement_stats ?? undefined;
      const pages = [row!.page_a, row!.page_b];
      const statementsRead = ask.statements.map((s, i) => ({
        rows: pages[i]!,
        count: statementCount(stats, s.contested),
      }));
      let told: Map<number, ClaimRow[]> | null = null;
      if (ask.tellings) {
        told = new Map(statementsRead.flatMap((s) => s.rows.map((r) => [r.id, [] as ClaimRow[]])));
        for (const claim of row!.tellings) told.get(claim.statementId!)?.push(claim);
      }
      return {
        aliases: row!.aliases,
        claimStats: row!.claim_stats,
        statements: statementsRead,
        claims: ask.claims ? { rows: row!.claim_page, count: row!.claim_stats?.claims ?? 0 } : null,
        conflicts: row!.conflicts,
        tellings: told,
        articles: row!.articles,
        heads: row!.heads,
      };
    },
  };
}
