import { describe, expect, it } from 'vitest';
import { type GraphQLResponse, type TestServer, startTestServer } from '@sitrep/test';
import { endlessParagraph } from './pressure';

// Reading an article is the one slow thing a mutation does (seconds for a long one). It runs on
// extraction threads, so the server's own thread goes on answering everyone else meanwhile; past
// what the threads and their queue hold, an ingest is refused at once with SERVER_BUSY.

const INGEST = `mutation($text: String!) {
  ingestArticle(input: { text: $text }) { article { id } claims { id } }
}`;
const READ = '{ entity(name: "Hmeimim") { name claims(first: 3) { totalCount } } }';
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.ceil(values.length * p) - 1]!;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const articles = (server: TestServer) =>
  (server.db.sqlite.prepare('select count(*) n from articles').get() as { n: number }).n;

describe('ingesting a long article', () => {
  it('leaves reads answered in milliseconds while it is read', { timeout: 120_000 }, async () => {
    await using server = await startTestServer();
    const token = server.token('write');
    // A first small ingest starts the extraction thread: the figures are about reading, not start-up.
    expect((await server.gql(INGEST, { text: endlessParagraph(2_000, 'warm') }, token)).errors).toBeUndefined();
    for (let i = 0; i < 5; i++) await server.gql(READ);

    const started = performance.now();
    let done = false;
    const ingest = server.gql(INGEST, { text: endlessParagraph(600_000, 'long') }, token).finally(() => {
      done = true;
    });
    const reads: number[] = [];
    while (!done) {
      const at = performance.now();
      const response = await server.gql(READ);
      reads.push(performance.now() - at);
      expect(response.errors).toBeUndefined();
      await pause(15);
    }
    const response = await ingest;
    const ms = performance.now() - started;
    console.info(
      `a ${600_000 / 1000} k-character article took ${ms.toFixed(0)} ms; ${reads.length} reads meanwhile: p50 ${percentile(reads, 0.5).toFixed(1)} ms, p99 ${percentile(reads, 0.99).toFixed(1)} ms, max ${Math.max(...reads).toFixed(1)} ms`,
    );
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    // Read on the server's thread, the article held every read for the whole ingest.
    expect(reads.length).toBeGreaterThanOrEqual(10);
    expect(percentile(reads, 0.9)).toBeLessThan(100);
    expect(Math.max(...reads)).toBeLessThan(ms / 2);
  });

  it(
    'refuses one more than the threads and queue hold with SERVER_BUSY, storing nothing',
    { timeout: 120_000 },
    async () => {
      await using server = await startTestServer({ extraction: { threads: 1, queue: 0 } });
      const token = server.token('write');
      const before = articles(server);
      const first = server.gql(INGEST, { text: endlessParagraph(300_000, 'first') }, token);
      await pause(300);
      const http = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: INGEST, variables: { text: endlessParagraph(2_000, 'second') } }),
      });
      const refused = (await http.json()) as GraphQLResponse;
      expect(refused.errors).toHaveLength(1);
      const [error] = refused.errors!;
      expect(error!.extensions?.code).toBe('SERVER_BUSY');
      expect(error!.message).toMatch(/being read or waiting already; nothing was stored\. Try again in \d+ s/);
      expect(http.headers.get('retry-after')).toBe(String(error!.extensions?.retryAfterSeconds));
      expect((await first).errors).toBeUndefined();
      expect(articles(server)).toBe(before + 1);
      // Once the thread is free, the same article is read and stored.
      const again = await server.gql(INGEST, { text: endlessParagraph(2_000, 'second') }, token);
      expect(again.errors).toBeUndefined();
      expect(articles(server)).toBe(before + 2);
    },
  );
});
