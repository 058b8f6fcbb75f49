import { createHash } from 'node:crypto';
import { and, count, desc, eq, getTableColumns, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { SitrepDatabase } from '../database';
import { SitrepError } from '@sitrep/vocabulary';
import { inJsonIds, preparedOnce } from '../prepared';
import type { DateRange, Page } from '../page';
import { type ArticleRow, articles, mentions } from '../schema';

export interface ArticleFilter extends DateRange {
  /** Only articles that mention this entity. */
  mentioning?: number | null;
}

export interface NewArticle {
  title: string;
  publishedAt: string;
  text: string;
  dateline?: string | null;
  outlet?: string | null;
  url?: string | null;
  /** The byline. */
  author?: string | null;
}

export const contentHash = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export const countWords = (text: string): number => text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;

export function articlesByIds(db: SitrepDatabase, ids: readonly number[]): ArticleRow[] {
  if (ids.length === 0) return [];
  const statement = preparedOnce(db, 'articles.byIds', () =>
    db.orm.select().from(articles).where(inJsonIds(articles.id)).prepare(),
  );
  return statement.all({ ids: JSON.stringify(ids) });
}

/** An article without its text: what claims, mentions and search hits show of the article they come from. */
export type ArticleHead = Omit<ArticleRow, 'text'>;

const { text: _text, ...headColumns } = getTableColumns(articles);

/**
 * Articles by id, without their text. A hover shows five claims with their articles' titles; the
 * texts (kilobytes each, often on overflow pages) cost a quarter of its SQL time, unread.
 */
export function articleHeadsByIds(db: SitrepDatabase, ids: readonly number[]): ArticleHead[] {
  if (ids.length === 0) return [];
  const statement = preparedOnce(db, 'articles.headsByIds', () =>
    db.orm.select(headColumns).from(articles).where(inJsonIds(articles.id)).prepare(),
  );
  return statement.all({ ids: JSON.stringify(ids) });
}

/** Article texts by id, for what articleHeadsByIds leaves out. */
export function articleTextsByIds(db: SitrepDatabase, ids: readonly number[]): Array<{ id: number; text: string }> {
  if (ids.length === 0) return [];
  const statement = preparedOnce(db, 'articles.textsByIds', () =>
    db.orm.select({ id: articles.id, text: articles.text }).from(articles).where(inJsonIds(articles.id)).prepare(),
  );
  return statement.all({ ids: JSON.stringify(ids) });
}

export function findArticleByHash(db: SitrepDatabase, hash: string): ArticleRow | undefined {
  const statement = preparedOnce(db, 'articles.byHash', () =>
    db.orm
      .select()
      .from(articles)
      .where(eq(articles.contentHash, sql.placeholder('hash')))
      .prepare(),
  );
  return statement.get({ hash });
}

/** The first stored article at any of these addresses (their exact text), without its text; the first of each kept. */
export function findArticleByUrl(db: SitrepDatabase, urls: readonly string[]): ArticleHead | undefined {
  if (urls.length === 0) return undefined;
  const statement = preparedOnce(db, 'articles.headByUrl', () =>
    db.orm
      .select(headColumns)
      .from(articles)
      .where(sql`${articles.url} in (select value from json_each(${sql.placeholder('urls')}))`)
      .orderBy(articles.id)
      .limit(1)
      .prepare(),
  );
  return statement.get({ urls: JSON.stringify(urls) });
}

function articleConditions(filter: ArticleFilter): SQL | undefined {
  const conditions: SQL[] = [];
  if (filter.from) conditions.push(gte(articles.publishedAt, filter.from));
  if (filter.to) conditions.push(lte(articles.publishedAt, filter.to));
  if (filter.mentioning != null) {
    conditions.push(
      sql`exists (select 1 from ${mentions} where ${mentions.articleId} = ${articles.id} and ${mentions.entityId} = ${filter.mentioning})`,
    );
  }
  return and(...conditions);
}

/** A page of articles, newest first, without their texts (see articleTextsByIds). */
export function listArticles(db: SitrepDatabase, filter: ArticleFilter, page: Page): ArticleHead[] {
  return db.orm
    .select(headColumns)
    .from(articles)
    .where(articleConditions(filter))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(page.limit)
    .offset(page.offset)
    .all();
}

export function countArticles(db: SitrepDatabase, filter: ArticleFilter): number {
  return db.orm.select({ n: count() }).from(articles).where(articleConditions(filter)).get()?.n ?? 0;
}

/** The row a new article is stored as, on either back end, once its title and text are checked. */
export function articleValues(input: NewArticle) {
  const title = input.title.trim();
  if (title === '') throw new SitrepError('BAD_USER_INPUT', 'An article needs a non-empty title.');
  if (input.text.trim() === '') throw new SitrepError('BAD_USER_INPUT', 'An article needs a non-empty text.');
  return {
    title,
    publishedAt: input.publishedAt,
    text: input.text,
    dateline: input.dateline ?? null,
    outlet: input.outlet ?? null,
    url: input.url ?? null,
    author: input.author?.trim() || null,
    wordCount: countWords(input.text),
    contentHash: contentHash(input.text),
  };
}

/** What storing a text twice says, naming the article that has it (ingest's DuplicateArticle says it too). */
export const alreadyStoredMessage = (existing: Pick<ArticleRow, 'title' | 'publishedAt'>) =>
  `This text is already stored (“${existing.title}”, ${existing.publishedAt}).`;

/** Storing a text twice: a CONFLICT naming the article that has it. */
export const alreadyStored = (existing: Pick<ArticleRow, 'id' | 'title' | 'publishedAt'>) =>
  new SitrepError('CONFLICT', alreadyStoredMessage(existing), { articleId: existing.id });

/** Stores an article; the same text twice is a CONFLICT naming the article already stored. */
export function createArticle(db: SitrepDatabase, input: NewArticle): ArticleRow {
  const values = articleValues(input);
  const existing = findArticleByHash(db, values.contentHash);
  if (existing) throw alreadyStored(existing);
  return insertArticle(db).get(values)!;
}

/** A new article's row as placeholders named after its columns, bound with articleValues; both back ends insert it. */
export const NEW_ARTICLE_PLACEHOLDERS = {
  title: sql.placeholder('title'),
  publishedAt: sql.placeholder('publishedAt'),
  text: sql.placeholder('text'),
  dateline: sql.placeholder('dateline'),
  outlet: sql.placeholder('outlet'),
  url: sql.placeholder('url'),
  author: sql.placeholder('author'),
  wordCount: sql.placeholder('wordCount'),
  contentHash: sql.placeholder('contentHash'),
};

const insertArticle = (db: SitrepDatabase) =>
  preparedOnce(db, 'articles.insert', () =>
    db.orm.insert(articles).values(NEW_ARTICLE_PLACEHOLDERS).returning().prepare(),
  );
