import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { runSitrep, runSitrepAsync } from '../helpers';
import { postgresDatabase } from '../helpers/postgres';

const url = await postgresDatabase('sitrep migrate on PostgreSQL');
const foreign = url && (await postgresDatabase('sitrep migrate on a foreign PostgreSQL database'));
const raced = url && (await postgresDatabase('two sitrep migrate at once on PostgreSQL'));

const tables = async (sql: postgres.Sql) =>
  (await sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`).map(
    (row) => row.table_name as string,
  );

/** One line on stderr, no stack trace, and a non-zero status. */
function expectOneLineRefusal(result: ReturnType<typeof runSitrep>, message: RegExp) {
  expect(result.status).toBe(1);
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  expect(result.stderr).toMatch(message);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

describe.skipIf(!url)('sitrep migrate --db postgres://…', () => {
  const sql = postgres(url!, { max: 1, onnotice: () => {} });
  afterAll(() => sql.end());

  it('makes the tables, and says how many migrations it applied, with the URL', () => {
    const result = runSitrep(['migrate', '--db', url!]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const [, count, rest] = /^Applied (\d+) migrations to (.*)\n$/.exec(result.stdout) ?? [];
    expect(Number(count)).toBeGreaterThan(1);
    expect(rest).toBe(`${url}; it is up to date.`);
  });

  it('holds every Sitrep table afterwards, and a second run (from $SITREP_DB) changes nothing', async () => {
    const before = await tables(sql);
    expect(before).toEqual(
      expect.arrayContaining(['articles', 'claims', 'entities', 'aliases', 'statements', 'feeds']),
    );
    const [{ n: migrations } = { n: 0 }] = await sql<
      { n: number }[]
    >`select count(*)::int as n from drizzle.__drizzle_migrations`;
    const again = runSitrep(['migrate'], { SITREP_DB: url! });
    expect(again.status).toBe(0);
    expect(again.stdout).toBe(`${url} is up to date.\n`);
    expect(await tables(sql)).toEqual(before);
    const [{ n: after } = { n: 0 }] = await sql<
      { n: number }[]
    >`select count(*)::int as n from drizzle.__drizzle_migrations`;
    expect(after).toBe(migrations);
  });

  it('migrates once when two commands start at once on a new database', { timeout: 60_000 }, async () => {
    const results = await Promise.all([0, 1].map(() => runSitrepAsync(['migrate', '--db', raced!])));
    expect(results.map((r) => [r.status, r.stderr])).toEqual([
      [0, ''],
      [0, ''],
    ]);
    const other = postgres(raced!, { max: 1, onnotice: () => {} });
    try {
      const applied = await other`select hash from drizzle.__drizzle_migrations`;
      const [{ n } = { n: 0 }] = await sql<
        { n: number }[]
      >`select count(*)::int as n from drizzle.__drizzle_migrations`;
      expect(applied).toHaveLength(n);
    } finally {
      await other.end();
    }
  });

  it('refuses a database that holds other tables, and leaves it as it was', async () => {
    const other = postgres(foreign!, { max: 1, onnotice: () => {} });
    try {
      await other`create table notes (body text)`;
      expectOneLineRefusal(runSitrep(['migrate', '--db', foreign!]), /is not a Sitrep database \(it holds notes\)/);
      expect(await tables(other)).toEqual(['notes']);
    } finally {
      await other.end();
    }
  });
});

describe('a PostgreSQL URL given to a command that does not run on PostgreSQL yet', () => {
  it.each([
    [['extract', 'README.md', '--db', 'postgres://me:secret@127.0.0.1:1/kb'], {}, /`sitrep extract` does not run/],
  ])('is refused in one line: sitrep %s', (args, env, message) => {
    const result = runSitrep(args, env);
    expectOneLineRefusal(result, message);
    expect(result.stderr).toMatch(
      /only `sitrep migrate`, `sitrep ingest`, `sitrep watch`, `sitrep seed`, `sitrep serve`, .* do so far/,
    );
    expect(result.stderr).not.toContain('secret');
  });

  it.each([['migrate'], ['serve'], ['export']])(
    'an unreachable server is named, without its password, in one line: sitrep %s',
    (command) => {
      const result = runSitrep([command, '--db', 'postgres://me:secret@127.0.0.1:1/kb']);
      expectOneLineRefusal(
        result,
        /^sitrep: postgres:\/\/me:\*\*\*@127\.0\.0\.1:1\/kb: nothing accepts connections there/,
      );
    },
  );

  it('takes $SITREP_DB as a PostgreSQL URL for sitrep export, and names the server it cannot reach', () => {
    const result = runSitrep(['export', '--out', '/nonexistent'], { SITREP_DB: 'postgres://127.0.0.1:1/kb' });
    expectOneLineRefusal(result, /^sitrep: postgres:\/\/127\.0\.0\.1:1\/kb: nothing accepts connections there/);
  });
});
