import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runSitrep, startSitrep } from '../helpers';
import { endlessParagraph, holdWriteLock } from './pressure';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-flags-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const post = (url: string, body: string, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

interface Answer {
  data?: unknown;
  errors?: Array<{ message: string; extensions?: { code?: string; retryAfterSeconds?: number } }>;
}
const INGEST = 'mutation($text: String!) { ingestArticle(input: { text: $text }) { article { id } } }';
const CREATE_ACTOR = 'mutation($name: String!) { createActor(input: { name: $name }) { actor { id } } }';
const write = async (url: string, token: string, query: string, variables: Record<string, unknown>) => {
  const http = await post(url, JSON.stringify({ query, variables }), { authorization: `Bearer ${token}` });
  return { http, body: (await http.json()) as Answer };
};

describe('sitrep serve flags', () => {
  it('--no-introspection, --cors-origin and --max-body-bytes reach the server', { timeout: 60_000 }, async () => {
    const server = startSitrep([
      'serve',
      '--db',
      join(dir, 'flags.db'),
      '--create',
      '--port',
      '0',
      '--no-demo',
      '--no-introspection',
      '--cors-origin',
      'http://desk.example,https://map.example:8443',
      '--max-body-bytes',
      '1000',
    ]);
    try {
      const [, url] = await server.waitFor(/GraphiQL and the API: (\S+)/);
      const schema = (await (await post(url!, '{"query":"{ __schema { queryType { name } } }"}')).json()) as {
        errors?: Array<{ message: string }>;
      };
      expect(schema.errors?.[0]?.message).toMatch(/introspection/i);
      const origin = 'https://map.example:8443';
      const cors = await post(url!, '{"query":"{ __typename }"}', { origin });
      expect(cors.headers.get('access-control-allow-origin')).toBe(origin);
      const big = await post(url!, JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(2000) } }));
      expect(big.status).toBe(413);
      expect(await big.text()).toMatch(/limit of 1000 bytes/);
    } finally {
      server.child.kill('SIGTERM');
    }
    expect(await server.exited).toBe(0);
  });

  it('--extract-threads, --extract-queue and --write-deadline reach the server', { timeout: 120_000 }, async () => {
    const dbFile = join(dir, 'pressure.db');
    const server = startSitrep([
      'serve',
      '--db',
      dbFile,
      '--create',
      '--port',
      '0',
      '--extract-threads',
      '1',
      '--extract-queue',
      '0',
      '--write-deadline',
      '1',
    ]);
    try {
      const [, url] = await server.waitFor(/GraphiQL and the API: (\S+)/);
      const token = runSitrep(['token', 'create', '--scope', 'write', '--db', dbFile]).stdout.trim();
      // The built command's own extraction thread reads the first article; the second finds it busy.
      const first = write(url!, token, INGEST, { text: endlessParagraph(300_000, 'first') });
      await new Promise((resolve) => setTimeout(resolve, 300));
      const second = await write(url!, token, INGEST, { text: endlessParagraph(2_000, 'second') });
      expect(second.body.errors?.[0]?.extensions?.code).toBe('SERVER_BUSY');
      expect(second.http.headers.get('retry-after')).toMatch(/^\d+$/);
      expect((await first).body.errors).toBeUndefined();

      const lock = await holdWriteLock(dbFile, 3000);
      const started = performance.now();
      const refused = await write(url!, token, CREATE_ACTOR, { name: 'Deadline Brigade' });
      const ms = performance.now() - started;
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('DATABASE_BUSY');
      expect(ms).toBeGreaterThan(900);
      expect(ms).toBeLessThan(2500);
      expect(await lock.released).toBe(0);
    } finally {
      server.child.kill('SIGTERM');
    }
    expect(await server.exited).toBe(0);
  });

  it('explains an origin with a path and a limit that is not a number', () => {
    const origin = runSitrep(['serve', '--cors-origin', 'https://desk.example/app']);
    expect(origin.status).not.toBe(0);
    expect(origin.stderr).toMatch(/“https:\/\/desk.example\/app” is not an origin/);
    const size = runSitrep(['serve', '--max-body-bytes', 'lots']);
    expect(size.stderr).toMatch(/“lots” is not a positive whole number/);
  });
});
