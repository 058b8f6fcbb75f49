import { asc, desc, eq, sql } from 'drizzle-orm';
import { SitrepError } from '@sitrep/vocabulary';
import type { SitrepPostgres } from '../../postgres';
import { articleFingerprints, articles } from '../../pg/schema';
import { NEW_ARTICLE_PLACEHOLDERS, alreadyStored, articleValues } from '../../queries/articles';
import { mentionRow } from '../../queries/mentions';
import type { Asynchronous } from '../reads';
import type { IngestQueries } from '../writes';
import { anyId, idArray, intArray } from './bind';
import { articleColumns, articleHeadColumns } from './columns';

type ArticleQueries = Pick<
  IngestQueries,
  | 'findArticleByHash'
  | 'createArticle'
  | 'articleHeadsByIds'
  | 'articleTextsByIds'
  | 'storyCandidates'
  | 'recordStory'
  | 'createMentions'
>;

/** queries/articles.ts, stories.ts and mentions.ts as an ingest writes them, on PostgreSQL. */
export function ingestArticles({ orm, sql: client }: SitrepPostgres): Asynchronous<ArticleQueries> {
  const byHash = orm
    .select(articleColumns)
    .from(articles)
    .where(eq(articles.contentHash, sql.placeholder('hash')))
    .prepare('ingest_article_by_hash');
  // Only when no article has the text: a conflict found here would spend an id SQLite does not.
  const insert = orm
    .insert(articles)
    .values(NEW_ARTICLE_PLACEHOLDERS)
    .onConflictDoNothing({ target: articles.contentHash })
    .returning(articleColumns)
    .prepare('ingest_create_article');
  // Both in id order: SQLite reads `id in (…)` through the primary key.
  const heads = orm
    .select(articleHeadColumns)
    .from(articles)
    .where(anyId(articles.id))
    .orderBy(asc(articles.id))
    .prepare('ingest_article_heads_by_ids');
  const texts = orm
    .select({ id: articles.id, text: articles.text })
    .from(articles)
    .where(anyId(articles.id))
    .orderBy(asc(articles.id))
    .prepare('ingest_article_texts_by_ids');
  const shared = sql<number>`count(*)::int`;
  const candidates = orm
    .select({
      articleId: articleFingerprints.articleId,
      storyId: sql<number>`coalesce(${articles.storyId}, ${articles.id})`,
      shared,
    })
    .from(articleFingerprints)
    .innerJoin(articles, eq(articles.id, articleFingerprints.articleId))
    .where(sql`${articleFingerprints.hash} = any(${sql.placeholder('hashes')}::bigint[])`)
    .groupBy(articleFingerprints.articleId, articles.id)
    .having(sql`count(*) >= ${sql.placeholder('minShared')}`)
    .orderBy(desc(shared), asc(articleFingerprints.articleId))
    .limit(sql.placeholder('limit'))
    .prepare('ingest_story_candidates');
  const setStory = orm
    .update(articles)
    .set({ storyId: sql`${sql.placeholder('storyId')}` })
    .where(eq(articles.id, sql.placeholder('articleId')))
    .prepare('ingest_set_story');

  const findArticleByHash = async (hash: string) => (await byHash.execute({ hash }))[0];

  return {
    findArticleByHash,
    async createArticle(input) {
      const values = articleValues(input);
      let existing = await findArticleByHash(values.contentHash);
      if (!existing) {
        const [row] = await insert.execute(values);
        if (row) return row;
        // Another writer stored the text since: its row, now committed, is the conflict.
        existing = await findArticleByHash(values.contentHash);
      }
      if (existing) throw alreadyStored(existing);
      throw new SitrepError('CONFLICT', 'Another writer stored the same row first; try again.');
    },
    articleHeadsByIds: async (ids) => (ids.length === 0 ? [] : heads.execute({ ids: idArray(ids) })),
    articleTextsByIds: async (ids) => (ids.length === 0 ? [] : texts.execute({ ids: idArray(ids) })),
    async storyCandidates(hashes, minShared, limit) {
      if (hashes.length === 0) return [];
      // SQLite's negative limit is none at all; PostgreSQL's is `limit null`.
      return candidates.execute({ hashes: intArray(hashes), minShared, limit: limit < 0 ? null : limit });
    },
    async recordStory(articleId, storyId, hashes) {
      if (storyId !== null) await setStory.execute({ storyId, articleId });
      if (hashes.length > 0) {
        await client`insert into article_fingerprints (article_id, hash)
          select ${articleId}::int, h from unnest(${intArray(hashes)}::bigint[]) as h
          on conflict do nothing`;
      }
    },
    async createMentions(articleText, batch) {
      if (batch.length === 0) return [];
      const rows = batch.map((mention) => mentionRow(articleText, mention));
      // One statement, its rows bound as one JSON array; ids rise in the array's order, as on SQLite.
      const added = await client<Array<{ id: number }>>`
        insert into mentions (article_id, entity_id, start, "end", text)
        select (m ->> 'articleId')::int, (m ->> 'entityId')::int, (m ->> 'start')::int, (m ->> 'end')::int, m ->> 'text'
          from jsonb_array_elements(${JSON.stringify(rows)}::jsonb) with ordinality as j(m, n)
         order by n
        returning id`;
      const ids = added.map((row) => row.id).sort((a, b) => a - b);
      return rows.map((row, i) => ({ id: ids[i]!, ...row }));
    },
  };
}
