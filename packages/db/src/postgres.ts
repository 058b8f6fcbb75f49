import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type PostgresJsDatabase, drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
/*
 * The driver is postgres.js (`postgres`), not node-postgres (`pg`):
 * - it pools by itself (`max`, idle and connect timeouts) and hands out one connection when a
 *   job needs a session of its own (`reserve()`: advisory locks, a long transaction);
 * - `sql.listen(channel, fn)` keeps LISTEN on a dedicated connection and re-subscribes after a
 *   reconnect, which node-postgres leaves to the caller; that is how every API process will hear
 *   of another's writes (issue 17);
 * - COPY is built in (bulk load), and it has no optional native module (`pg-native`) that a bundle
 *   (packages/cli/build.mjs) would have to leave out; it ships its own types.
 */
import postgres from 'postgres';
import * as pgSchema from './pg/schema';
import type { MigrationState } from './database';
import { redactUrl } from './url';
import { SitrepError } from '@sitrep/vocabulary';

export type PgOrm = PostgresJsDatabase<typeof pgSchema>;

export interface SitrepPostgres extends AsyncDisposable {
  /** The pool, for LISTEN/NOTIFY, COPY and hand-written statements (tagged templates bind every value). */
  readonly sql: postgres.Sql;
  readonly orm: PgOrm;
  /** The URL without its password: safe to print. */
  readonly url: string;
  /** How many migrations opening it applied: 0 when it was up to date (or not migrated on open). */
  readonly migrated: number;
  close(): Promise<void>;
}

export interface OpenPostgresOptions {
  /** Apply pending migrations on open. Default: true. */
  migrate?: boolean;
  /** Connections in the pool. Default: 10. */
  max?: number;
}

/** Found beside this file's folder, in the sources and in the CLI's bundle alike (build.mjs copies it). */
export const PG_MIGRATIONS_FOLDER = fileURLToPath(new URL('../pg-migrations', import.meta.url));

/** Connections per process unless the URL says `?max=N`: enough for a busy API process. */
const DEFAULT_POOL = 10;

/**
 * `?max=N` in the URL, the pool's size. postgres.js would take it as text and build a pool of one
 * connection, so Sitrep reads it, checks it and hands the number over. Every other query parameter
 * is the driver's: `sslmode` (TLS), and any server setting such as `statement_timeout=30000`, sent
 * with each new connection.
 */
function poolSizeIn(url: string, shown: string): number | undefined {
  let given: string | null;
  try {
    given = new URL(url).searchParams.get('max');
  } catch {
    return undefined;
  }
  if (given === null) return undefined;
  const size = Number(given);
  if (!Number.isInteger(size) || size < 1 || size > 1000) {
    throw new SitrepError(
      'BAD_USER_INPUT',
      `${shown}: max=${given} is not a pool size (a whole number from 1 to 1000).`,
    );
  }
  return size;
}

/**
 * Where the driver connects: `?host=/a/folder` (libpq's way to name a Unix socket, as `psql` and
 * `pg_dump` take it) becomes postgres.js's socket path, and leaves the URL, whose other query
 * parameters postgres.js sends as server settings. A socket costs a local PostgreSQL about a
 * third less CPU per round trip than 127.0.0.1 (see the README's PostgreSQL section).
 */
export function driverTarget(url: string): { url: string; options: { path?: string } } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { url, options: {} };
  }
  const folder = parsed.searchParams.get('host');
  if (folder === null || !folder.startsWith('/')) return { url, options: {} };
  parsed.searchParams.delete('host');
  const port = parsed.port || '5432';
  return { url: parsed.toString(), options: { path: `${folder.replace(/\/+$/, '')}/.s.PGSQL.${port}` } };
}

/** Seconds a connection attempt may take before the command says so. */
const CONNECT_TIMEOUT_S = 10;
/** Any number: the key of the advisory lock that lets one process migrate at a time. */
const MIGRATION_LOCK = 0x5173_7265; // "Sitre"

/**
 * Opens a pool on a PostgreSQL database and (unless told not to) brings its tables up to date with
 * the migrations in pg-migrations/. Refuses, before changing anything, a database that holds other
 * tables and no Sitrep migrations, and one a newer Sitrep migrated.
 */
export async function openPostgres(url: string, options: OpenPostgresOptions = {}): Promise<SitrepPostgres> {
  const shown = redactUrl(url);
  const max = options.max ?? poolSizeIn(url, shown) ?? DEFAULT_POOL;
  const migrated = (options.migrate ?? true) ? await applyPgMigrations(url, shown) : 0;
  const target = driverTarget(url);
  const sql = postgres(target.url, {
    ...target.options,
    max,
    connect_timeout: CONNECT_TIMEOUT_S,
    connection: {
      // What a DBA sees in pg_stat_activity; `?application_name=` in the URL names it otherwise.
      application_name: 'sitrep',
      // Every statement is prepared once and finds its rows through an index whatever the values,
      // so one plan serves every call. Left to choose, PostgreSQL planned the hover's statement
      // anew each time: 0.9 ms of its 1.9 at 1M claims. `?plan_cache_mode=auto` restores its choice.
      plan_cache_mode: 'force_generic_plan',
    },
    onnotice: () => {},
  });
  const close = () => sql.end({ timeout: 5 });
  return { sql, orm: drizzle(sql, { schema: pgSchema }), url: shown, migrated, close, [Symbol.asyncDispose]: close };
}

let shipped: number | undefined;
/** How many migrations this Sitrep ships for PostgreSQL. */
export function shippedPgMigrations(): number {
  const journal = readFileSync(`${PG_MIGRATIONS_FOLDER}/meta/_journal.json`, 'utf8');
  shipped ??= (JSON.parse(journal) as { entries: unknown[] }).entries.length;
  return shipped;
}

/** migrationState on PostgreSQL: drizzle's own record of what it applied. */
export async function pgMigrationState(db: SitrepPostgres): Promise<MigrationState> {
  return { applied: await appliedPgMigrations(db.sql), shipped: shippedPgMigrations() };
}

/** How many of them a database has applied: 0 when it is not (yet) Sitrep's. */
export async function appliedPgMigrations(sql: postgres.Sql): Promise<number> {
  const [{ present } = { present: false }] = await sql<{ present: boolean }[]>`
    select to_regclass('drizzle.__drizzle_migrations') is not null as present`;
  if (!present) return 0;
  const [{ n } = { n: 0 }] = await sql<{ n: number }[]>`select count(*)::int as n from drizzle.__drizzle_migrations`;
  return n;
}

/**
 * Runs drizzle's migrator on a connection of its own (drizzle asks for `max: 1`), holding an
 * advisory lock so that two processes started at once do not both migrate. drizzle applies all
 * pending migrations in one transaction: a failure leaves the database as it was.
 */
async function applyPgMigrations(url: string, shown: string): Promise<number> {
  const target = driverTarget(url);
  const sql = postgres(target.url, {
    ...target.options,
    max: 1,
    connect_timeout: CONNECT_TIMEOUT_S,
    onnotice: () => {},
  });
  try {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK})`;
    const applied = await appliedPgMigrations(sql);
    if (applied === 0) {
      const [{ others } = { others: null }] = await sql<{ others: string | null }[]>`
        select string_agg(table_name, ', ' order by table_name) as others
        from information_schema.tables where table_schema = 'public'`;
      if (others) throw new SitrepError('BAD_USER_INPUT', `${shown} is not a Sitrep database (it holds ${others}).`);
    }
    if (applied > shippedPgMigrations()) {
      throw new SitrepError('BAD_USER_INPUT', `${shown} was migrated by a newer Sitrep; use that version.`);
    }
    // Up to date: no migrator transaction at all.
    if (applied === shippedPgMigrations()) return 0;
    try {
      await migrate(drizzle(sql), { migrationsFolder: PG_MIGRATIONS_FOLDER });
    } catch (error) {
      // drizzle's own message quotes the whole failed statement; the server's says what failed.
      const { cause } = error as { cause?: unknown };
      const why = cause instanceof Error ? cause.message : (error as Error).message;
      throw new SitrepError(
        'BAD_USER_INPUT',
        `${shown} could not be brought up to date, and was left as it was: ${why}.`,
      );
    }
    return shippedPgMigrations() - applied;
  } catch (error) {
    throw explainPostgresError(error, shown);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** What a connection failure means for the user, in one line naming the database; other errors as they are. */
export function explainPostgresError(error: unknown, shown: string): unknown {
  if (error instanceof SitrepError) return error;
  const { code, message } = error as { code?: unknown; message?: unknown };
  const advice: Record<string, string> = {
    ECONNREFUSED: 'nothing accepts connections there (is the server running, on that host and port?)',
    ENOTFOUND: 'no such host',
    // A socket that is not there: `?host=` names a folder without the server's socket.
    ENOENT:
      'no PostgreSQL socket in that ?host= folder (is the server running, with its socket there and on that port?)',
    CONNECT_TIMEOUT: `no answer in ${CONNECT_TIMEOUT_S} s`,
    '3D000': 'no such database; create it first (createdb)',
    '28P01': 'the password was refused',
    '28000': 'the server refuses this user',
    '42501': 'this user may not create tables or extensions there',
  };
  if (typeof code === 'string' && advice[code]) return new SitrepError('BAD_USER_INPUT', `${shown}: ${advice[code]}.`);
  // The server's own errors (they carry a severity) are about the database the user named.
  if ('severity' in (error as object) && typeof message === 'string') {
    return new SitrepError('BAD_USER_INPUT', `${shown}: ${message}.`);
  }
  return error;
}
