import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { openDatabase } from '@sitrep/db';

export interface StoredArticle {
  id: number;
  title: string;
  published_at: string;
  dateline: string | null;
  outlet: string | null;
  url: string | null;
  author: string | null;
  text: string;
  mentions: Array<{ start: number; end: number; said: string }>;
  claims: Array<{ start: number; end: number; said: string }>;
}

/** The articles a database file holds, each with its mentions' and claims' spans and what they say. */
export function storedArticles(db: string): StoredArticle[] {
  const opened = openDatabase(db);
  try {
    const articles = opened.sqlite.prepare('select * from articles order by id').all() as StoredArticle[];
    const spans = (table: 'mentions' | 'claims', column: 'text' | 'quote', id: number) =>
      opened.sqlite
        .prepare(`select start, "end", ${column} as said from ${table} where article_id = ?`)
        .all(id) as StoredArticle['mentions'];
    return articles.map((article) => ({
      ...article,
      mentions: spans('mentions', 'text', article.id),
      claims: spans('claims', 'quote', article.id),
    }));
  } finally {
    opened.close();
  }
}

/** Whether every mention and claim of `article` slices its stored text to exactly what it says. */
export function spansMisplaced(article: StoredArticle): string[] {
  return [...article.mentions, ...article.claims]
    .filter((span) => article.text.slice(span.start, span.end) !== span.said)
    .map((span) => `${span.start}–${span.end}: “${span.said}”`);
}

/** Writes `text` to `name` under `dir` (making its folders), as a user saves a file to ingest; returns its path. */
export function writeFileIn(dir: string, name: string, text: string): string {
  const file = join(dir, name);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}
