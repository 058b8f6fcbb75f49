import { type SQL, and, asc, count, desc, eq, getTableColumns, gte, lte, or, sql } from 'drizzle-orm';
import { normalizeName } from '@sitrep/names';
import type { DateRange } from '../../page';
import type { SitrepPostgres } from '../../postgres';
import { aliases, articles, entities, mentions, statementAbout, statements } from '../../pg/schema';
import type { EntityFilter } from '../../queries/entities';
import type { Asynchronous } from '../reads';
import type { ListReads } from '../reads-more';
import { articleHeadColumns } from './columns';
import { byShape, setFields } from './shaped';

/*
 * The other filtered lists, in SQLite's orders: one prepared statement per filter shape (shaped.ts),
 * every value bound; user text reaches LIKE escaped.
 */

type Lists = Omit<ListReads, 'listClaims' | 'countClaims' | NameReads>;
/** In dictionary.ts. */
export type NameReads = 'allAliases' | 'aliasDictionaryVersion' | 'entityNames';

const bound = (name: string) => sql.placeholder(name);
const page = { limit: bound('limit'), offset: bound('offset') };

function entityValues(filter: EntityFilter): Record<string, unknown> {
  const values = setFields(filter, ['kind', 'reviewStatus', 'type']);
  // LIKE's own wildcards in user text are escaped so they match literally.
  if (filter.nameContains) {
    values.pattern = `%${normalizeName(filter.nameContains).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  }
  return values;
}

const entityConditions = (shape: readonly string[]): SQL | undefined =>
  and(
    ...shape.map((field) => {
      switch (field) {
        case 'kind':
          return eq(entities.kind, bound(field));
        case 'reviewStatus':
          return eq(entities.reviewStatus, bound(field));
        case 'type':
          return or(eq(entities.actorType, bound(field)), eq(entities.installationType, bound(field)));
        default:
          return sql`${entities.id} in (select ${aliases.entityId} from ${aliases} where ${aliases.normalized} like ${bound('pattern')} escape '\\')`;
      }
    }),
  );

const articleConditions = (shape: readonly string[]): SQL | undefined =>
  and(
    ...shape.map((field) => {
      switch (field) {
        case 'from':
          return gte(articles.publishedAt, bound(field));
        case 'to':
          return lte(articles.publishedAt, bound(field));
        default:
          return sql`exists (select 1 from ${mentions} where ${mentions.articleId} = ${articles.id} and ${mentions.entityId} = ${bound('mentioning')})`;
      }
    }),
  );

const mentionConditions = (shape: readonly string[]): SQL | undefined =>
  and(...shape.map((field) => eq(field === 'articleId' ? mentions.articleId : mentions.entityId, bound(field))));

// A statement is in a range when it was said in it: first said on or before its end, last on or after its start.
const statementConditions = (shape: readonly string[]): SQL | undefined =>
  and(
    ...shape.map((field) => {
      switch (field) {
        case 'about':
          return eq(statementAbout.entityId, bound(field));
        case 'contested':
          return eq(shape.includes('about') ? statementAbout.contested : statements.contested, bound(field));
        case 'from':
          return gte(statements.lastSaid, bound(field));
        default:
          return lte(statements.firstSaid, bound('to'));
      }
    }),
  );

// When an event happened, as far as known: the order of a timeline.
const happened = sql`coalesce(${statements.eventDate}, ${statements.firstSaid})`;
const inRange = and(
  eq(statementAbout.entityId, bound('entity')),
  sql`${happened} >= ${bound('from')}`,
  sql`${happened} <= ${bound('to')}`,
);
const rangeOf = (entity: number, range: DateRange) => ({
  entity,
  from: range.from || '0000-00-00',
  to: range.to || '9999-99-99',
});

export function listReads({ orm }: SitrepPostgres): Asynchronous<Lists> {
  const first = async (rows: Promise<Array<{ n: number }>>) => (await rows)[0]?.n ?? 0;
  const statementColumns = getTableColumns(statements);
  const counted = { n: count() };
  const entityPage = byShape('store_entities', (shape, name) =>
    orm
      .select()
      .from(entities)
      .where(entityConditions(shape))
      // Byte order, as SQLite's BINARY collation sorts: not the database's locale.
      .orderBy(sql`${entities.name} collate "C"`, asc(entities.id))
      .limit(page.limit)
      .offset(page.offset)
      .prepare(name),
  );
  const entityCount = byShape('store_count_entities', (shape, name) =>
    orm.select(counted).from(entities).where(entityConditions(shape)).prepare(name),
  );
  const articlePage = byShape('store_articles', (shape, name) =>
    orm
      .select(articleHeadColumns)
      .from(articles)
      .where(articleConditions(shape))
      .orderBy(desc(articles.publishedAt), desc(articles.id))
      .limit(page.limit)
      .offset(page.offset)
      .prepare(name),
  );
  const articleCount = byShape('store_count_articles', (shape, name) =>
    orm.select(counted).from(articles).where(articleConditions(shape)).prepare(name),
  );
  const mentionPage = byShape('store_mentions', (shape, name) =>
    orm
      .select()
      .from(mentions)
      .where(mentionConditions(shape))
      .orderBy(asc(mentions.articleId), asc(mentions.start), asc(mentions.id))
      .limit(page.limit)
      .offset(page.offset)
      .prepare(name),
  );
  const mentionCount = byShape('store_count_mentions', (shape, name) =>
    orm.select(counted).from(mentions).where(mentionConditions(shape)).prepare(name),
  );
  // Through statement_about when about an entity, in its index's order, as on SQLite.
  const statementPage = byShape('store_statements', (shape, name) =>
    shape.includes('about')
      ? orm
          .select(statementColumns)
          .from(statementAbout)
          .innerJoin(statements, eq(statements.id, statementAbout.statementId))
          .where(statementConditions(shape))
          .orderBy(desc(statementAbout.lastSaid), desc(statementAbout.statementId))
          .limit(page.limit)
          .offset(page.offset)
          .prepare(name)
      : orm
          .select()
          .from(statements)
          .where(statementConditions(shape))
          .orderBy(desc(statements.lastSaid), desc(statements.id))
          .limit(page.limit)
          .offset(page.offset)
          .prepare(name),
  );
  const statementCount = byShape('store_count_statements', (shape, name) =>
    shape.includes('about')
      ? orm
          .select(counted)
          .from(statementAbout)
          .innerJoin(statements, eq(statements.id, statementAbout.statementId))
          .where(statementConditions(shape))
          .prepare(name)
      : orm.select(counted).from(statements).where(statementConditions(shape)).prepare(name),
  );
  const timeline = orm
    .select(statementColumns)
    .from(statementAbout)
    .innerJoin(statements, eq(statements.id, statementAbout.statementId))
    .where(inRange)
    .orderBy(happened, asc(statements.id))
    .limit(page.limit)
    .offset(page.offset)
    .prepare('store_timeline');
  const timelineCount = orm
    .select(counted)
    .from(statementAbout)
    .innerJoin(statements, eq(statements.id, statementAbout.statementId))
    .where(inRange)
    .prepare('store_count_timeline');
  return {
    listEntities: (filter, { limit, offset }) => entityPage(entityValues(filter), { limit, offset }),
    countEntities: (filter) => first(entityCount(entityValues(filter))),
    listArticles: (filter, { limit, offset }) =>
      articlePage(setFields(filter, ['from', 'to', 'mentioning']), { limit, offset }),
    countArticles: (filter) => first(articleCount(setFields(filter, ['from', 'to', 'mentioning']))),
    listMentions: (filter, { limit, offset }) =>
      mentionPage(setFields(filter, ['articleId', 'entityId']), { limit, offset }),
    countMentions: (filter) => first(mentionCount(setFields(filter, ['articleId', 'entityId']))),
    listStatements: (filter, { limit, offset }) =>
      statementPage(setFields(filter, ['about', 'contested', 'from', 'to']), { limit, offset }),
    countStatements: (filter) => first(statementCount(setFields(filter, ['about', 'contested', 'from', 'to']))),
    timelineOf: (entity, range, { limit, offset }) => timeline.execute({ ...rangeOf(entity, range), limit, offset }),
    countTimeline: (entity, range) => first(timelineCount.execute(rangeOf(entity, range))),
  };
}
