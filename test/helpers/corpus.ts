import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { REPO_ROOT } from './cli';

/** Where the shared news corpus should be: `$SITREP_CORPUS`, else `../shared/corpus` beside the repository. */
export const corpusPath = (): string => resolve(process.env.SITREP_CORPUS ?? join(REPO_ROOT, '../shared/corpus'));

/** The shared news corpus (a folder with `articles/`), or null when it is not there. */
export function corpusDir(): string | null {
  const dir = corpusPath();
  return existsSync(join(dir, 'articles')) ? dir : null;
}

/**
 * The corpus for a test file that needs it. The corpus is read at run time, never copied into the
 * repository, so a machine may lack it: then the caller skips with a warning, except under
 * `CI=true`, where a missing corpus fails the file instead of silently testing less.
 *
 * @param what names the tests that need it, for the message.
 * @returns the corpus folder, or null when the caller should skip.
 */
export function requireCorpus(what: string): string | null {
  const dir = corpusDir();
  if (dir) return dir;
  const why = `no news corpus at ${corpusPath()} (set SITREP_CORPUS to a folder with articles/)`;
  if (process.env.CI === 'true') throw new Error(`${what} cannot be skipped in CI: ${why}`);
  console.warn(`Skipping ${what}: ${why}`);
  return null;
}
