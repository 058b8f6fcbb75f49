import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { runSitrep } from '../helpers';
import { type Row, knowledgeBase } from '../helpers/knowledge-base';
import { postgresDatabase } from '../helpers/postgres';
import { serveProcess } from '../helpers/serve-process';

const seeded = await postgresDatabase('sitrep seed on PostgreSQL');
const served = await postgresDatabase('sitrep serve on an empty PostgreSQL database');
const bare = await postgresDatabase('sitrep serve --no-demo on PostgreSQL');
const dir = mkdtempSync(join(tmpdir(), 'sitrep-pg-seed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fromPostgres = async (url: string) => {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return await knowledgeBase(async (query) => [...(await sql.unsafe(query))]);
  } finally {
    await sql.end();
  }
};

describe.skipIf(!seeded || !served || !bare)('the demo data on PostgreSQL', () => {
  it('sitrep seed loads into PostgreSQL what it loads into SQLite, and refuses a second time', async () => {
    const file = join(dir, 'demo.db');
    const onSqlite = runSitrep(['seed', '--db', file, '--create']);
    const onPostgres = runSitrep(['seed', '--db', seeded!]);
    expect(onPostgres.status).toBe(0);
    expect(onPostgres.stdout.replace(/into .*\.$/m, '')).toBe(onSqlite.stdout.replace(/into .*\.$/m, ''));
    expect(onPostgres.stdout).not.toContain(':secret');
    const sqlite = new Database(file, { readonly: true });
    try {
      const expected = await knowledgeBase(async (query) => sqlite.prepare(query).all() as Row[]);
      expect(expected.statements.length).toBeGreaterThan(10);
      expect(await fromPostgres(seeded!)).toEqual(expected);
    } finally {
      sqlite.close();
    }
    const again = runSitrep(['seed', '--db', seeded!]);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already holds data; pass --force to add the demo data anyway\./);
  });

  it('sitrep serve fills an empty PostgreSQL database with the demo data, and --no-demo leaves it empty', async () => {
    const server = await serveProcess(['--db', served!]);
    try {
      expect(server.output()).toMatch(/Loaded the demo knowledge base: 30 entities, 9 reports, 50 claims\./);
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ entity(name: "Hmeymim") { name statements(first: 1) { totalCount } } }' }),
      });
      const { data } = (await response.json()) as {
        data: { entity: { name: string; statements: { totalCount: number } } };
      };
      expect(data.entity.name).toBe('Hmeimim Air Base');
      expect(data.entity.statements.totalCount).toBeGreaterThan(0);
    } finally {
      await server.stop();
    }
    const empty = await serveProcess(['--db', bare!, '--no-demo']);
    try {
      expect(empty.output()).not.toMatch(/Loaded the demo/);
    } finally {
      await empty.stop();
    }
    expect((await fromPostgres(bare!)).entities).toEqual([]);
  });
});
