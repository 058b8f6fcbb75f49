import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runSitrep, startSitrep } from '../helpers';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-flags-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const post = (url: string, body: string, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

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

  it('explains an origin with a path and a limit that is not a number', () => {
    const origin = runSitrep(['serve', '--cors-origin', 'https://desk.example/app']);
    expect(origin.status).not.toBe(0);
    expect(origin.stderr).toMatch(/“https:\/\/desk.example\/app” is not an origin/);
    const size = runSitrep(['serve', '--max-body-bytes', 'lots']);
    expect(size.stderr).toMatch(/“lots” is not a positive whole number/);
  });
});
