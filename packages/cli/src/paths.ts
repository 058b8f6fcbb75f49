import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

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

/** `--db`, else $SITREP_DB, else the default; relative paths are the caller's. */
export function databasePath(option: string | undefined): string {
  const chosen = option ?? process.env.SITREP_DB;
  return chosen ? resolve(chosen) : defaultDatabase();
}

/** Every command that opens the database takes it the same way. */
export const DB_OPTION = [
  '--db <file>',
  'SQLite database file (default: $SITREP_DB, else data/sitrep.db in a checkout, else the user data folder)',
] as const;
