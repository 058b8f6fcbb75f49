import { asc, eq, sql } from 'drizzle-orm';
import type { SitrepPostgres } from '../../postgres';
import { articles, feeds } from '../../pg/schema';
import type { ArticleHead } from '../../queries/articles';
import type { FeedRow } from '../../schema';
import type { Asynchronous } from '../reads';
import type { FeedQueries } from '../writes';
import { articleHeadColumns } from './columns';

/**
 * What reading feeds asks of PostgreSQL, answering as SQLite's queries/feeds.ts and
 * findArticleByUrl do (test/postgres/feed.*): the feed's row, the first stored article at one of an
 * item's addresses, and the upsert of a check.
 */
export function postgresFeedQueries(db: SitrepPostgres): Asynchronous<FeedQueries> {
  const { orm } = db;
  return {
    async findFeed(url) {
      const [row] = await orm.select().from(feeds).where(eq(feeds.url, url)).limit(1);
      return row;
    },
    async findArticleByUrl(urls) {
      if (urls.length === 0) return undefined;
      // The addresses as one JSON parameter, as json_each binds them on SQLite.
      const [row] = await orm
        .select(articleHeadColumns)
        .from(articles)
        .where(sql`${articles.url} in (select value from json_array_elements_text(${JSON.stringify(urls)}::json))`)
        .orderBy(asc(articles.id))
        .limit(1);
      return row as ArticleHead | undefined;
    },
    async recordFeedCheck(check) {
      const checked = {
        checkedAt: new Date().toISOString(),
        lastStatus: check.status,
        lastError: check.error,
        ...(check.validators && { etag: check.validators.etag, lastModified: check.validators.lastModified }),
      };
      const [row] = await orm
        .insert(feeds)
        .values({ url: check.url, ...checked })
        .onConflictDoUpdate({ target: feeds.url, set: checked })
        .returning();
      return row as FeedRow;
    },
  };
}
