import type { SitrepDatabase } from '../database';
import { type ArticleHead, articleHeadsByIds } from './articles';
import { preparedOnce } from '../prepared';

/** An article that shares fingerprints with a new text: a copy of its story, if the texts agree. */
export interface StoryCandidate {
  articleId: number;
  /** The first article of the candidate's story (itself, when it is the first). */
  storyId: number;
  shared: number;
}

/**
 * Stored articles sharing at least `minShared` of `hashes`, those sharing most first, at most
 * `limit`. One index range per hash: the cost follows the new text, not the database.
 */
export function storyCandidates(
  db: SitrepDatabase,
  hashes: readonly number[],
  minShared: number,
  limit: number,
): StoryCandidate[] {
  if (hashes.length === 0) return [];
  const statement = preparedOnce(db, 'stories.candidates', () =>
    db.sqlite.prepare<[string, number, number], StoryCandidate>(
      `select f.article_id as articleId, coalesce(a.story_id, a.id) as storyId, count(*) as shared
         from article_fingerprints f join articles a on a.id = f.article_id
        where f.hash in (select value from json_each(?))
        group by f.article_id having count(*) >= ?
        order by shared desc, f.article_id limit ?`,
    ),
  );
  return statement.all(JSON.stringify(hashes), minShared, limit);
}

/** Records an article's fingerprints and, for a copy, the story it belongs to. */
export function recordStory(
  db: SitrepDatabase,
  articleId: number,
  storyId: number | null,
  hashes: readonly number[],
): void {
  const statements = preparedOnce(db, 'stories.record', () => ({
    story: db.sqlite.prepare<[number, number]>('update articles set story_id = ? where id = ?'),
    fingerprints: db.sqlite.prepare<[number, string]>(
      'insert or ignore into article_fingerprints (article_id, hash) select ?, value from json_each(?)',
    ),
  }));
  if (storyId !== null) statements.story.run(storyId, articleId);
  if (hashes.length > 0) statements.fingerprints.run(articleId, JSON.stringify(hashes));
}

/** The other articles of each article's story (copies of one wire report), oldest first, per article id. */
export function copiesOfArticles(db: SitrepDatabase, ids: readonly number[]): Map<number, ArticleHead[]> {
  const result = new Map<number, ArticleHead[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return result;
  const statement = preparedOnce(db, 'stories.copies', () =>
    db.sqlite.prepare<[string], { articleId: number; copyId: number }>(
      `with asked(id, story) as (
         select a.id, coalesce(a.story_id, a.id) from articles a where a.id in (select value from json_each(?))
       )
       select asked.id as articleId, c.id as copyId
         from asked join articles c on (c.id = asked.story or c.story_id = asked.story) and c.id <> asked.id
        order by asked.id, c.id`,
    ),
  );
  const pairs = statement.all(JSON.stringify(ids));
  const heads = new Map(articleHeadsByIds(db, [...new Set(pairs.map((p) => p.copyId))]).map((a) => [a.id, a]));
  for (const { articleId, copyId } of pairs) result.get(articleId)!.push(heads.get(copyId)!);
  return result;
}
