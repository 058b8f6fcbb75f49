import { eq } from 'drizzle-orm';
import type { SitrepDatabase } from '../database';
import { type FeedRow, feeds } from '../schema';

/** What a check of a feed found, to remember for the next one. */
export interface FeedCheck {
  url: string;
  /** HTTP status of the answer; null when none came. */
  status: number | null;
  /** Why the check failed; null when it did not. */
  error: string | null;
  /**
   * The validators to send next time, or undefined to keep those stored: they are replaced only
   * after a read whose every item was stored, so an item that failed is tried again.
   */
  validators?: { etag: string | null; lastModified: string | null };
}

export function findFeed(db: SitrepDatabase, url: string): FeedRow | undefined {
  return db.orm.select().from(feeds).where(eq(feeds.url, url)).get();
}

/** Records a check of a feed (its row made on its first check). */
export function recordFeedCheck(db: SitrepDatabase, check: FeedCheck): FeedRow {
  const checked = {
    checkedAt: new Date().toISOString(),
    lastStatus: check.status,
    lastError: check.error,
    ...(check.validators && { etag: check.validators.etag, lastModified: check.validators.lastModified }),
  };
  return db.orm
    .insert(feeds)
    .values({ url: check.url, ...checked })
    .onConflictDoUpdate({ target: feeds.url, set: checked })
    .returning()
    .get();
}
