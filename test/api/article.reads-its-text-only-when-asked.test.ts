import { describe, expect, it } from 'vitest';
import { dataOf, useTestServer } from '../helpers';

const server = useTestServer();

/** The data one request answers, and whether any statement it ran read an article's text. */
async function run<T>(query: string): Promise<{ data: T; readText: boolean }> {
  server.statements.length = 0;
  const data = dataOf(await server.gql<T>(query));
  return { data, readText: server.statements.some((sql) => /^select [^;]*"text"[^;]* from "articles"/.test(sql)) };
}

const storedText = (id: number) =>
  (server.db.sqlite.prepare('select text from articles where id = ?').get(id) as { text: string }).text;

interface ArticleAnswer {
  id: string;
  title: string;
  text?: string;
}
interface Answer {
  claims: { edges: Array<{ node: { quote: string; article: ArticleAnswer } }> };
  entity: { mentions: { edges: Array<{ node: { text: string; start: number; article: ArticleAnswer } }> } };
  search: { edges: Array<{ node: { article?: ArticleAnswer } }> };
  articles: { edges: Array<{ node: ArticleAnswer }> };
}

const QUERY = (fields: string) => `{
  claims(first: 10) { edges { node { quote article { ${fields} } } } }
  entity(name: "Tartous") { mentions(first: 5) { edges { node { text start article { ${fields} } } } } }
  search(query: "base", first: 5, kinds: [ARTICLE]) { edges { node { ... on ArticleSearchHit { article { ${fields} } } } } }
  articles(first: 5) { edges { node { ${fields} } } }
}`;

const articlesOf = (data: Answer) => [
  ...data.claims.edges.map((e) => e.node.article),
  ...data.entity.mentions.edges.map((e) => e.node.article),
  ...data.search.edges.flatMap((e) => (e.node.article ? [e.node.article] : [])),
  ...data.articles.edges.map((e) => e.node),
];

describe('an article listed, or reached through claims, mentions or search', () => {
  it('is read without its text when the query asks for its title', async () => {
    const { data, readText } = await run<Answer>(QUERY('id title publishedAt outlet wordCount'));
    expect(data.claims.edges.length).toBe(10);
    expect(data.entity.mentions.edges.length).toBeGreaterThan(0);
    expect(data.search.edges.length).toBeGreaterThan(0);
    expect(data.articles.edges.length).toBe(5);
    expect(articlesOf(data).every((a) => a.title.length > 0)).toBe(true);
    expect(readText).toBe(false);
  });

  it('answers its whole stored text when asked for it, wherever it is reached from', async () => {
    const { data, readText } = await run<Answer>(QUERY('id title text'));
    expect(readText).toBe(true);
    const rowId = (id: string) => Number(Buffer.from(id, 'base64').toString('utf8').split(':').pop());
    for (const article of articlesOf(data)) expect(article.text).toBe(storedText(rowId(article.id)));
    for (const { node } of data.claims.edges) expect(node.article.text).toContain(node.quote);
    for (const { node } of data.entity.mentions.edges) {
      expect(node.article.text!.slice(node.start, node.start + node.text.length)).toBe(node.text);
    }
  });
});
