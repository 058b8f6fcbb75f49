import { existsSync, statSync } from 'node:fs';
import type { SitrepDatabase } from '@sitrep/db';
import { SitrepError } from '@sitrep/vocabulary';
import { databasePath, defaultDatabase } from './paths';

export const CREATE_OPTION = [
  '--create',
  'make a new database if the file does not exist (only the default one is made without asking)',
] as const;

/** The database file the command last opened: errors SQLite raises later are about it. */
let inUse: string | undefined;
export const databaseInUse = (): string | undefined => inUse;

/**
 * Opens the database a command names. A file that does not exist is made only at the default path
 * or with `create`: a mistyped --db would otherwise quietly serve, or take tokens into, a new
 * empty database.
 */
export async function openForCommand(option: string | undefined, create: boolean): Promise<SitrepDatabase> {
  const file = databasePath(option);
  inUse = file;
  const exists = existsSync(file);
  if (!exists && !create && file !== defaultDatabase()) {
    throw new SitrepError(
      'BAD_USER_INPUT',
      `${file} does not exist; check the path, or pass --create (or run \`sitrep migrate --db FILE\`) to make a new database there.`,
    );
  }
  if (exists && statSync(file).isDirectory()) {
    throw new SitrepError('BAD_USER_INPUT', `${file} is a folder; pass --db with the path of a database file.`);
  }
  const { openDatabase } = await import('@sitrep/db');
  return openDatabase(file);
}
