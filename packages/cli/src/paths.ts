import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, wherever the command is run from. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** `--db`, else $SITREP_DB, else data/sitrep.db at the repository root. */
export function databasePath(option: string | undefined): string {
  const chosen = option ?? process.env.SITREP_DB;
  return chosen ? resolve(process.cwd(), chosen) : resolve(REPO_ROOT, 'data', 'sitrep.db');
}
