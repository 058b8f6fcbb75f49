import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoEntities, demoReports } from '@sitrep/demo-data';
import { afterAll, describe, expect, it } from 'vitest';
import { runSitrep, startSitrep } from '../helpers';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function post(url: string, query: string, token?: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as {
    data?: Record<string, { totalCount?: number } & Record<string, unknown>>;
    errors?: unknown[];
  };
}

describe('sitrep serve', { timeout: 60_000 }, () => {
  it('loads the demo data into a new database, prints the GraphiQL URL, serves it, and stops on SIGTERM', async () => {
    const db = join(dir, 'first-start.db');
    const server = startSitrep(['serve', '--db', db, '--create', '--port', '0']);
    try {
      const [, url] = await server.waitFor(/GraphiQL and the API: (http:\/\/127\.0\.0\.1:\d+\/graphql)/);
      expect(server.output().stdout).toMatch(
        new RegExp(`${demoEntities.length} entities, ${demoReports.length} reports`),
      );
      const answer = await post(url!, '{ entities { totalCount } articles { totalCount } }');
      expect(answer.data?.entities?.totalCount).toBe(demoEntities.length);
      expect(answer.data?.articles?.totalCount).toBe(demoReports.length);
      const root = await fetch(url!.replace('/graphql', '/'), { redirect: 'manual' });
      expect(root.status).toBe(302);
      expect(root.headers.get('location')).toBe('/graphql');
    } finally {
      server.child.kill('SIGTERM');
    }
    expect(await server.exited).toBe(0);
  });

  it('does not load the demo data twice, and a token made by the CLI can write', async () => {
    const db = join(dir, 'tokens.db');
    expect(runSitrep(['seed', '--db', db, '--create']).status).toBe(0);
    const again = runSitrep(['seed', '--db', db]);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already holds data; pass --force/);

    const created = runSitrep(['token', 'create', '--scope', 'write', '--name', 'cli test', '--db', db]);
    expect(created.status).toBe(0);
    const secret = created.stdout.trim();
    expect(secret).toMatch(/^sitrep_write_\S+$/);
    expect(runSitrep(['token', 'list', '--db', db]).stdout).toMatch(/\twrite\tlive\t.*\tcli test/);

    const server = startSitrep(['serve', '--db', db, '--port', '0']);
    try {
      const [, url] = await server.waitFor(/GraphiQL and the API: (\S+)/);
      expect(server.output().stdout).not.toMatch(/Loaded the demo/);
      const mutation = 'mutation { createActor(input: { name: "CLI Test Actor" }) { actor { name } } }';
      expect((await post(url!, mutation, secret)).errors).toBeUndefined();
      expect(runSitrep(['token', 'revoke', '1', '--db', db]).status).toBe(0);
      const refused = await post(url!, mutation.replace('CLI Test Actor', 'Another'), secret);
      expect(JSON.stringify(refused.errors)).toMatch(/UNAUTHENTICATED/);
    } finally {
      server.child.kill('SIGTERM');
    }
    await server.exited;
  });

  it('explains a bad option instead of a stack trace', () => {
    const bad = runSitrep(['serve', '--port', 'eighty']);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/“eighty” is not a port number/);
    expect(bad.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});
