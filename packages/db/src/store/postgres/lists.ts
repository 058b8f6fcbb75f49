import { type SQL, and, asc, count, desc, eq, getTableColumns, gte, lte, or, sql } from 'drizzle-orm';
import { normalizeName } from '@sitrep/names';
import type { SitrepPostgres } from '../../postgres';
import { aliases, articles, entities, mentions, statementAbout, statements } from '../../pg/schema';
import type { ArticleFilter } from '../../queries/articles';
import type { EntityFilter, EntityNames } from '../../queries/entities';
import type { MentionFilter } from '../../queries/mentions';
import type { StatementFilter } from '../../queries/statements';
import type { Asynchronous } from '../reads';
import type { ListReads } from '../reads-more';
import { articleHeadColumns } from './columns';

/*
 * The other filtered lists, in SQLite's orders. drizzle binds every filter value as a parameter
 * (postgres.js prepares each statement text on first use); user text reaches LIKE escaped.
 */

type Lists = Omit<ListReads, 'listClaims' | 'countClaims'>;

function entityConditions(filter: EntityFilter): SQL | undefined {
  return and(
    filter.kind ? eq(entities.kind, filter.kind) : undefined,
    filter.reviewStatus ? eq(entities.reviewStatus, filter.reviewStatus) : undefined,
    filter.type ? or(eq(entities.actorType, filter.type), eq(entities.installationType, filter.type)) : undefined,
    filter.nameContains
      ? sql`${entities.id} in (select ${aliases.entityId} from ${aliases} where ${aliases.normalized} like ${`%${normalizeName(
          filter.nameContains,
        ).replace(/[\\%_]/g, (c) => `\\${c}`)}%`} escape '\\')`
      : undefined,
  );
}

function articleConditions(filter: ArticleFilter): SQL | undefined {
  return and(
    filter.from ? gte(articles.publishedAt, filter.from) : undefined,
    filter.to ? lte(articles.publishedAt, filter.to) : undefined,
    filter.mentioning != null
      ? sql`exists (select 1 from ${mentions} where ${mentions.articleId} = ${articles.id} and ${mentions.entityId} = ${filter.mentioning})`
      : undefined,
  );
}

const mentionConditions = (filter: MentionFilter): SQL | undefined =>
  and(
    filter.articleId != null ? eq(mentions.articleId, filter.articleId) : undefined,
    filter.entityId != null ? eq(mentions.entityId, filter.entityId) : undefined,
  );

// A statement is in a range when it was said in it: first said on or before its end, last on or after its start.
const statementConditions = (filter: StatementFilter): SQL | undefined =>
  and(
    filter.about != null ? eq(statementAbout.entityId, filter.about) : undefined,
    filter.contested != null
      ? eq(filter.about != null ? statementAbout.contested : statements.contested, filter.contested)
      : undefined,
    filter.from ? gte(statements.lastSaid, filter.from) : undefined,
    filter.to ? lte(statements.firstSaid, filter.to) : undefined,
  );

// When an event happened, as far as known: the order of a timeline.
const happened = sql`coalesce(${statements.eventDate}, ${statements.firstSaid})`;
const inRange = (entityId: number, from: string | null | undefined, to: string | null | undefined) =>
  and(
    eq(statementAbout.entityId, entityId),
    sql`${happened} >= ${from || '0000-00-00'}`,
    sql`${happened} <= ${to || '9999-99-99'}`,
  );

export function listReads({ orm }: SitrepPostgres): Asynchronous<Lists> {
  const first = async (rows: Promise<Array<{ n: number }>>) => (await rows)[0]?.n ?? 0;
  const statementColumns = getTableColumns(statements);
  const dictionary = orm
    .select({
      name: aliases.name,
      entityId: aliases.entityId,
      kind: entities.kind,
      primary: sql<boolean>`${aliases.name} = ${entities.name}`,
    })
    .from(aliases)
    .innerJoin(entities, eq(entities.id, aliases.entityId))
    .orderBy(asc(aliases.id))
    .prepare('store_all_aliases');
  const version = orm
    .select({
      n: sql<number>`count(*)::int`,
      top: sql<number>`coalesce(max(${aliases.id}), 0)::int`,
      owners: sql<string>`coalesce(sum(${aliases.entityId}), 0)::text`,
    })
    .from(aliases)
    .prepare('store_alias_dictionary_version');

  // The entity's type: an actor's or an installation's, as SQLite's allEntityNames reads it.
  const type = sql<
    string | null
  >`case ${entities.kind} when 'actor' then ${entities.actorType} else ${entities.installationType} end`;

  return {
    async entityNames() {
      // One snapshot, as on SQLite: a commit between the two reads would split an entity from its names.
      const [rows, names] = await orm.transaction(
        (tx) =>
          Promise.all([
            tx
              .select({ id: entities.id, kind: entities.kind, name: entities.name, type })
              .from(entities)
              .orderBy(asc(entities.id)),
            tx.select({ entityId: aliases.entityId, name: aliases.name }).from(aliases).orderBy(asc(aliases.id)),
          ]),
        { isolationLevel: 'repeatable read', accessMode: 'read only' },
      );
      const byId = new Map<number, EntityNames>(rows.map((row) => [row.id, { ...row, aliases: [] }]));
      for (const { entityId, name } of names) {
        const entity = byId.get(entityId);
        if (entity && name !== entity.name) entity.aliases.push(name);
      }
      return [...byId.values()];
    },
    listEntities: (filter, page) =>
      orm
        .select()
        .from(entities)
        .where(entityConditions(filter))
        // Byte order, as SQLite's BINARY collation sorts: not the database's locale.
        .orderBy(sql`${entities.name} collate "C"`, asc(entities.id))
        .limit(page.limit)
        .offset(page.offset),
    countEntities: (filter) => first(orm.select({ n: count() }).from(entities).where(entityConditions(filter))),
    listArticles: (filter, page) =>
      orm
        .select(articleHeadColumns)
        .from(articles)
        .where(articleConditions(filter))
        .orderBy(desc(articles.publishedAt), desc(articles.id))
        .limit(page.limit)
        .offset(page.offset),
    countArticles: (filter) => first(orm.select({ n: count() }).from(articles).where(articleConditions(filter))),
    listMentions: (filter, page) =>
      orm
        .select()
        .from(mentions)
        .where(mentionConditions(filter))
        .orderBy(asc(mentions.articleId), asc(mentions.start), asc(mentions.id))
        .limit(page.limit)
        .offset(page.offset),
    countMentions: (filter) => first(orm.select({ n: count() }).from(mentions).where(mentionConditions(filter))),
    listStatements(filter, page) {
      if (filter.about == null) {
        return orm
          .select()
          .from(statements)
          .where(statementConditions(filter))
          .orderBy(desc(statements.lastSaid), desc(statements.id))
          .limit(page.limit)
          .offset(page.offset);
      }
      return orm
        .select(statementColumns)
        .from(statementAbout)
        .innerJoin(statements, eq(statements.id, statementAbout.statementId))
        .where(statementConditions(filter))
        .orderBy(desc(statementAbout.lastSaid), desc(statementAbout.statementId))
        .limit(page.limit)
        .offset(page.offset);
    },
    countStatements: (filter) =>
      first(
        filter.about == null
          ? orm.select({ n: count() }).from(statements).where(statementConditions(filter))
          : orm
              .select({ n: count() })
              .from(statementAbout)
              .innerJoin(statements, eq(statements.id, statementAbout.statementId))
              .where(statementConditions(filter)),
      ),
    timelineOf: (entityId, range, page) =>
      orm
        .select(statementColumns)
        .from(statementAbout)
        .innerJoin(statements, eq(statements.id, statementAbout.statementId))
        .where(inRange(entityId, range.from, range.to))
        .orderBy(happened, asc(statements.id))
        .limit(page.limit)
        .offset(page.offset),
    countTimeline: (entityId, range) =>
      first(
        orm
          .select({ n: count() })
          .from(statementAbout)
          .innerJoin(statements, eq(statements.id, statementAbout.statementId))
          .where(inRange(entityId, range.from, range.to)),
      ),
    allAliases: () => dictionary.execute(),
    async aliasDictionaryVersion() {
      const [row] = await version.execute();
      return `${row?.n ?? 0}.${row?.top ?? 0}.${row?.owners ?? 0}`;
    },
  };
}
