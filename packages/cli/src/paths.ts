import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isPostgresUrl } from '@sitrep/db/url';
import { SitrepError } from '@sitrep/vocabulary';
import type { Command } from 'commander';

/**
 * Where the user typed the command. `pnpm sitrep …` runs in the workspace root and says where it
 * was called from in INIT_CWD; only trusted when pnpm (or npm) ran our own `sitrep` script.
 */
export function callerFolder(env: NodeJS.ProcessEnv = process.env): string {
  return env.npm_lifecycle_event === 'sitrep' && env.INIT_CWD ? env.INIT_CWD : process.cwd();
}

/** The checkout this command was built in (the bundle is packages/cli/dist/*.mjs), if it is one. */
function checkoutRoot(): string | null {
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  return existsSync(join(root, 'pnpm-workspace.yaml')) ? root : null;
}

/** An installed command keeps its database where the platform keeps an application's data. */
function dataHome(env: NodeJS.ProcessEnv): string {
  if (env.XDG_DATA_HOME) return join(env.XDG_DATA_HOME, 'sitrep');
  if (process.platform === 'win32' && env.LOCALAPPDATA) return join(env.LOCALAPPDATA, 'sitrep');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'sitrep');
  return join(homedir(), '.local', 'share', 'sitrep');
}

/** The default database: data/sitrep.db in a checkout, else the platform's data folder. */
export function defaultDatabase(env: NodeJS.ProcessEnv = process.env): string {
  const root = checkoutRoot();
  return root ? join(root, 'data', 'sitrep.db') : join(dataHome(env), 'sitrep.db');
}

/** What --db (else $SITREP_DB) names: a PostgreSQL URL, or a SQLite file (the default one when nothing is given). */
export type DatabaseTarget = { url: string } | { file: string };

export function databaseTarget(option: string | undefined): DatabaseTarget {
  const chosen = option ?? process.env.SITREP_DB;
  if (chosen && isPostgresUrl(chosen)) return { url: chosen };
  return { file: chosen ? resolve(chosen) : defaultDatabase() };
}

/** `--db`, else $SITREP_DB, else the default SQLite file; relative paths are the caller's. */
export function databasePath(option: string | undefined): string {
  const target = databaseTarget(option);
  // refuseUnsupportedPostgres() has said it better, naming the command; a URL is never a path.
  if ('url' in target) throw new SitrepError('BAD_USER_INPUT', 'This command does not run on PostgreSQL yet.');
  return target.file;
}

/** Every command that opens the database takes it the same way. */
export const DB_OPTION = [
  '--db <file>',
  'SQLite database file (default: $SITREP_DB, else data/sitrep.db in a checkout, else the user data folder)',
] as const;

/** For the commands that also take a PostgreSQL URL. */
export const DB_OR_URL_OPTION = [
  '--db <file|url>',
  'SQLite database file, or a postgres:// URL (default: $SITREP_DB, else data/sitrep.db in a checkout, else the user data folder)',
] as const;

/** The commands that run on PostgreSQL so far (issue 17 brings the rest). */
const ON_POSTGRES = new Set([
  'sitrep migrate',
  'sitrep ingest',
  'sitrep watch',
  'sitrep seed',
  'sitrep serve',
  'sitrep backup',
  'sitrep restore',
  'sitrep export',
  'sitrep token create',
  'sitrep token list',
  'sitrep token revoke',
]);

/** "`sitrep migrate`, `sitrep serve`, … and `sitrep token revoke`" */
function onPostgres(): string {
  const names = [...ON_POSTGRES].map((name) => `\`${name}\``);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names.join('');
}

const fullName = (command: Command): string =>
  command.parent ? `${fullName(command.parent)} ${command.name()}` : command.name();

/**
 * Before a command runs: a PostgreSQL URL given to one that cannot use it yet is refused in one
 * line that says so, rather than taken for a file name (`./postgres:/…`) or failing later. Commands
 * with DB_OPTION also read $SITREP_DB; `extract --db` reads only its option.
 */
export function refuseUnsupportedPostgres(command: Command): void {
  const option = command.options.find((o) => o.long === '--db');
  if (!option || ON_POSTGRES.has(fullName(command))) return;
  const given = command.opts<{ db?: string }>().db;
  const chosen = given ?? (option.description === DB_OPTION[1] ? process.env.SITREP_DB : undefined);
  if (!chosen || !isPostgresUrl(chosen)) return;
  const from = given === undefined ? '$SITREP_DB is a PostgreSQL URL' : '--db is a PostgreSQL URL';
  throw new SitrepError(
    'BAD_USER_INPUT',
    `${from}, but \`${fullName(command)}\` does not run on PostgreSQL yet; only ${onPostgres()} do so far (and \`sitrep copy --to URL\` fills one from a SQLite file). Give it a SQLite file${given === undefined ? ' (unset SITREP_DB, or pass --db FILE)' : ''}.`,
  );
}
