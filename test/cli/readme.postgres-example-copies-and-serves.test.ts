import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { openDatabase, openPostgres } from '@sitrep/db';
import { describe, expect, it } from 'vitest';
import { SITREP_BIN, runSitrep, seededDatabase } from '../helpers';
import { postgresDatabase } from '../helpers/postgres';
import { readmeBlocks } from '../helpers/readme';
import { writeFileIn } from '../helpers/stored-articles';
import { wireArticle } from '../hardening/wire-articles';
import { serveProcess } from '../helpers/serve-process';

const url = await postgresDatabase("the README's PostgreSQL example");
const { dir, db } = seededDatabase('sitrep-readme-postgres-');

const README_URL = 'postgres://localhost/sitrep';

describe.skipIf(!url)("the README's PostgreSQL example", () => {
  it('migrates a PostgreSQL database, copies the demo data into it and ingests a folder, as its lines type them', async () => {
    const shell = readmeBlocks().find((b) => b.lang === 'sh' && /sitrep copy --from/.test(b.text));
    expect(shell, 'a ```sh block that runs sitrep copy').toBeDefined();
    expect(shell!.text).toContain(README_URL);
    const script = shell!.text
      .replaceAll('npx -y pnpm@10.34.8 sitrep', `"${process.execPath}" "${SITREP_BIN}"`)
      .replaceAll(README_URL, url!)
      .replaceAll('data/sitrep.db', db);
    // The folder its ingest line names, with a report of our own.
    writeFileIn(join(dir, 'my-articles'), 'report.txt', wireArticle(7).text);
    const printed = execFileSync('sh', ['-ec', script], { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
    expect(printed).toMatch(/is up to date\.\n/);
    expect(printed).toMatch(/^ {2}claims +\d+$/m);
    expect(printed).toMatch(/^Committed \d+ tables, [\d,]+ rows in [\d.]+ s; each table's row count checked\.$/m);
    expect(printed).toMatch(/^1 article ingested, \d+ new entities, \d+ claims, \d+ mentions; 0 skipped/m);

    const sqlite = openDatabase(db, { readonly: true });
    await using pg = await openPostgres(url!);
    try {
      // What the copy brought, and the ingested report's article.
      const [articles] = await pg.sql<{ n: number }[]>`select count(*)::int as n from articles`;
      expect(articles!.n).toBe(Number(sqlite.sqlite.prepare('select count(*) from articles').pluck().get()) + 1);
      for (const table of ['entities', 'claims', 'statements', 'statement_about']) {
        const [row] = await pg.sql<{ n: number }[]>`select count(*)::int as n from ${pg.sql(table)}`;
        expect(row!.n, table).toBeGreaterThan(
          Number(sqlite.sqlite.prepare(`select count(*) from ${table}`).pluck().get()),
        );
      }
    } finally {
      sqlite.close();
    }
  });

  it('refuses to copy again into the database it filled, in one line', () => {
    const again = runSitrep(['copy', '--from', db, '--to', url!]);
    expect(again.status).toBe(1);
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
    expect(again.stderr).toMatch(/already holds data \(in .*claims.*\); copy into a new, empty database/);
  });

  it('serves the database as its line types it: the README’s first query, /health, a mutation without a token', async () => {
    const shell = readmeBlocks().find((b) => b.lang === 'sh' && /sitrep serve --db postgres:/.test(b.text));
    expect(shell, 'a ```sh block that runs sitrep serve on PostgreSQL').toBeDefined();
    const [command, ...args] = shell!.text.trim().replace('npx -y pnpm@10.34.8 sitrep ', '').split(/\s+/);
    expect(command).toBe('serve');
    // Its own URL, and a free port (serveProcess passes --port 0) instead of the README's.
    const given = args.map((arg) => arg.replace(README_URL, url!));
    const port = given.indexOf('--port');
    if (port >= 0) given.splice(port, 2);
    const server = await serveProcess(given);
    try {
      const first = readmeBlocks().find((b) => b.lang === 'graphql')!.text;
      const ask = async (query: string) =>
        (await (
          await fetch(server.url, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query }),
          })
        ).json()) as { data?: { entity?: { name: string } }; errors?: Array<{ extensions: { code: string } }> };
      expect(await ask(first)).toMatchObject({ data: { entity: { name: 'Hmeimim Air Base' } } });
      const health = await fetch(`${server.origin}/health`);
      expect(await health.json()).toMatchObject({ status: 'ok', database: { kind: 'postgres', reachable: true } });
      const refused = await ask(
        'mutation { addAlias(input: { entity: "QWN0b3I6MQ==", name: "Rossiya" }) { entity { id } } }',
      );
      // As on SQLite, a change needs a write token.
      expect(refused.errors?.map((e) => e.extensions.code)).toEqual(['UNAUTHENTICATED']);
    } finally {
      await server.stop();
    }
  });
});
