import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type SitrepDatabase, type SitrepPostgres, copySqliteToPostgres, openDatabase, openPostgres } from '@sitrep/db';
import { seedDemo } from '@sitrep/demo-data';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where test/postgres-setup.ts hands out databases. */
    postgresBroker: string;
  }
}

/** What the run's PostgreSQL broker answers (test/postgres-setup.ts). */
export type DatabaseAnswer =
  { url: string; tls: boolean; socketDir: string } | { unavailable: string } | { error: string };

/**
 * A fresh, empty PostgreSQL database of its own for a test file, on the one server the run starts
 * (test/postgres-setup.ts): its `postgres://` URL, or null when the caller should skip. Without
 * Debian's postgresql (scripts/ensure-postgres.sh installs it) the caller skips with a warning,
 * except under `CI=true`, where it fails instead of silently testing less. A server that is there
 * but does not start always fails.
 *
 * @param what names the tests that need it, for the message and the database's name.
 */
export async function postgresDatabase(what: string): Promise<string | null> {
  return (await postgresServer(what))?.url ?? null;
}

/** postgresDatabase, whether the server also takes TLS connections (it has a certificate), and its socket's folder. */
export async function postgresServer(what: string): Promise<{ url: string; tls: boolean; socketDir: string } | null> {
  const broker = new URL(inject('postgresBroker'));
  broker.searchParams.set('for', what);
  const answer = (await (await fetch(broker, { method: 'POST' })).json()) as DatabaseAnswer;
  if ('url' in answer) return answer;
  if ('error' in answer) throw new Error(`PostgreSQL for ${what} did not start: ${answer.error}`);
  if (process.env.CI === 'true') throw new Error(`${what} cannot be skipped in CI: ${answer.unavailable}`);
  console.warn(`Skipping ${what}: ${answer.unavailable}`);
  return null;
}

/** The demo knowledge base in a SQLite file of its own and, copied by the real copy, in PostgreSQL. */
export interface DemoOnBoth extends AsyncDisposable {
  sqlite: SitrepDatabase;
  pg: SitrepPostgres;
  /** Closes both and removes the file's folder. */
  close(): Promise<void>;
}

/**
 * Seeds the demo data into a new SQLite file, lets `extend` add to it, and copies it all into the
 * empty PostgreSQL database at `url`: the two hold the same rows with the same ids.
 */
export async function demoOnBoth(
  url: string,
  extend: (sqlite: SitrepDatabase) => void = () => {},
): Promise<DemoOnBoth> {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-demo-both-'));
  const sqlite = openDatabase(join(dir, 'kb.db'));
  seedDemo(sqlite);
  extend(sqlite);
  const pg = await openPostgres(url);
  await copySqliteToPostgres(sqlite, pg);
  const close = async () => {
    sqlite.close();
    await pg.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { sqlite, pg, close, [Symbol.asyncDispose]: close };
}
