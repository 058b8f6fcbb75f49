import { openPostgres } from '@sitrep/db';
import { describe, expect, it } from 'vitest';
import { postgresServer } from '../helpers/postgres';

const server = await postgresServer('connection options in the URL');
if (server && !server.tls && process.env.CI === 'true') {
  throw new Error('the test PostgreSQL server has no certificate (is openssl installed?): TLS cannot be skipped in CI');
}

/** The URL with these query parameters added. */
function withParams(params: Record<string, string>): string {
  const url = new URL(server!.url);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.toString();
}

describe.skipIf(!server)('PostgreSQL connection options, given in the URL', () => {
  it('?max=N sizes the pool: N connections at most, all used when the work asks', async () => {
    await using db = await openPostgres(withParams({ max: '3' }));
    const pids = await Promise.all(
      Array.from({ length: 9 }, async () => {
        const [row] = await db.sql<{ pid: number }[]>`select pg_backend_pid() as pid, pg_sleep(0.1)`;
        return row!.pid;
      }),
    );
    expect(new Set(pids).size).toBe(3);
  });

  it('refuses a pool size that is not one, in a sentence naming the database', async () => {
    for (const max of ['0', 'ten', '1.5', '100000']) {
      await expect(openPostgres(withParams({ max }))).rejects.toThrow(
        new RegExp(`max=${max.replace('.', '\\.')} is not a pool size \\(a whole number from 1 to 1000\\)`),
      );
    }
  });

  it('passes a server setting such as statement_timeout to every connection', async () => {
    await using db = await openPostgres(withParams({ statement_timeout: '100' }));
    await expect(db.sql`select pg_sleep(2)`).rejects.toMatchObject({ code: '57014' });
    const [row] = await db.sql<{ timeout: string }[]>`select current_setting('statement_timeout') as timeout`;
    expect(row!.timeout).toBe('100ms');
  });

  it('?host=/a/folder connects through the Unix socket there, as libpq does, and 127.0.0.1 without it', async () => {
    const address = async (url: string) => {
      await using db = await openPostgres(url);
      const [row] = await db.sql<{ address: string | null }[]>`select host(inet_server_addr()) as address`;
      return row!.address;
    };
    expect(await address(server!.url)).toBe('127.0.0.1');
    // A Unix socket has no server address.
    expect(await address(withParams({ host: server!.socketDir }))).toBeNull();
    expect(await address(withParams({ host: `${server!.socketDir}/`, max: '2' }))).toBeNull();
    await expect(openPostgres(withParams({ host: '/no/such/folder' }))).rejects.toThrow(
      /: no PostgreSQL socket in that \?host= folder/,
    );
  });

  it('keeps one plan per prepared statement, unless the URL gives PostgreSQL back its choice', async () => {
    const mode = async (url: string) => {
      await using db = await openPostgres(url);
      const [row] = await db.sql<{ mode: string }[]>`select current_setting('plan_cache_mode') as mode`;
      return row!.mode;
    };
    expect(await mode(server!.url)).toBe('force_generic_plan');
    expect(await mode(withParams({ plan_cache_mode: 'auto' }))).toBe('auto');
  });

  it('names its connections "sitrep" for the DBA, unless the URL names them', async () => {
    const name = async (url: string) => {
      await using db = await openPostgres(url);
      const [row] = await db.sql<{ name: string }[]>`
        select application_name as name from pg_stat_activity where pid = pg_backend_pid()`;
      return row!.name;
    };
    expect(await name(server!.url)).toBe('sitrep');
    expect(await name(withParams({ application_name: 'desk-api' }))).toBe('desk-api');
  });

  it.skipIf(!server?.tls)('?sslmode=require talks TLS, and a plain URL does not', async () => {
    const ssl = async (url: string) => {
      await using db = await openPostgres(url);
      const [row] = await db.sql<{ ssl: boolean }[]>`select ssl from pg_stat_ssl where pid = pg_backend_pid()`;
      return row!.ssl;
    };
    expect(await ssl(withParams({ sslmode: 'require' }))).toBe(true);
    expect(await ssl(server!.url)).toBe(false);
  });
});
