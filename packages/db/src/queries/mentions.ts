import { and, asc, count, eq, type SQL } from 'drizzle-orm';
import { isBulkLoading } from '../bulk-load';
import type { SitrepDatabase } from '../database';
import { SitrepError } from '@sitrep/vocabulary';
import { inJsonIds, insertJsonRows, preparedOnce } from '../prepared';
import type { Page } from '../page';
import { type MentionRow, mentions } from '../schema';

export interface MentionFilter {
  articleId?: number | null;
  entityId?: number | null;
}

export function mentionsByIds(db: SitrepDatabase, ids: readonly number[]): MentionRow[] {
  if (ids.length === 0) return [];
  const statement = preparedOnce(db, 'mentions.byIds', () =>
    db.orm.select().from(mentions).where(inJsonIds(mentions.id)).prepare(),
  );
  return statement.all({ ids: JSON.stringify(ids) });
}

function mentionConditions(filter: MentionFilter): SQL | undefined {
  const conditions: SQL[] = [];
  if (filter.articleId != null) conditions.push(eq(mentions.articleId, filter.articleId));
  if (filter.entityId != null) conditions.push(eq(mentions.entityId, filter.entityId));
  return and(...conditions);
}

/** In reading order: by article, then position. */
export function listMentions(db: SitrepDatabase, filter: MentionFilter, page: Page): MentionRow[] {
  return db.orm
    .select()
    .from(mentions)
    .where(mentionConditions(filter))
    .orderBy(asc(mentions.articleId), asc(mentions.start), asc(mentions.id))
    .limit(page.limit)
    .offset(page.offset)
    .all();
}

export function countMentions(db: SitrepDatabase, filter: MentionFilter): number {
  return db.orm.select({ n: count() }).from(mentions).where(mentionConditions(filter)).get()?.n ?? 0;
}

export interface NewMention {
  articleId: number;
  entityId: number;
  start: number;
  end: number;
}

/** The mention with its text taken from the article; a span outside the article is the caller's error. */
export function mentionRow(articleText: string, mention: NewMention): Omit<MentionRow, 'id'> {
  const { start, end } = mention;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > articleText.length) {
    throw new SitrepError(
      'BAD_USER_INPUT',
      `Mention span [${start}, ${end}) is outside the article (length ${articleText.length}).`,
    );
  }
  return { ...mention, text: articleText.slice(start, end) };
}

/** Records that an article names an entity at [start, end); the text is taken from the article. */
export function createMention(db: SitrepDatabase, articleText: string, mention: NewMention): MentionRow {
  return insertRow(db, mentionRow(articleText, mention));
}

function insertRow(db: SitrepDatabase, row: Omit<MentionRow, 'id'>): MentionRow {
  return { id: Number(insertMention(db).run(row).lastInsertRowid), ...row };
}

/**
 * Records every mention of one article's text, all or none, in one statement: ingestion writes
 * dozens an article, and a statement each cost more than the rows.
 */
export function createMentions(db: SitrepDatabase, articleText: string, batch: readonly NewMention[]): MentionRow[] {
  if (batch.length === 0) return [];
  const rows = batch.map((mention) => mentionRow(articleText, mention));
  // No trigger runs inside bulkLoad, and binding rows directly costs less than going through JSON.
  if (isBulkLoading(db)) return rows.map((row) => insertRow(db, row));
  const ids = insertJsonRows(insertMentions(db), rows);
  return rows.map((row, i) => ({ id: ids[i]!, ...row }));
}

// Hand-written: a mention row is known before it is written, and ingestion writes many.
const insertMention = (db: SitrepDatabase) =>
  preparedOnce(db, 'mentions.insert', () =>
    db.sqlite.prepare(
      'insert into mentions (article_id, entity_id, start, "end", text) values (@articleId, @entityId, @start, @end, @text)',
    ),
  );

const insertMentions = (db: SitrepDatabase) =>
  preparedOnce(db, 'mentions.insertMany', () =>
    db.sqlite.prepare<[string], { id: number }>(
      `insert into mentions (article_id, entity_id, start, "end", text)
       select value ->> '$.articleId', value ->> '$.entityId', value ->> '$.start', value ->> '$.end',
         value ->> '$.text'
       from json_each(?) order by key
       returning id`,
    ),
  );
