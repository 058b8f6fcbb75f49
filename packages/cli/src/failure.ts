import { SitrepError } from '@sitrep/vocabulary';
import { databaseInUse } from './open-database';

/** What Node's file errors mean for the path the user gave, and what to do about it. */
const FILE_ADVICE: Record<string, string> = {
  ENOENT: 'no such file or folder; check the path',
  EISDIR: 'is a folder; give the path of a file',
  ENOTDIR: 'a part of this path is a file, not a folder; check the path',
  EACCES: 'permission denied; check who owns it',
};

/**
 * One line for any failure: what went wrong with which file, and what to do. SQLite's own errors
 * do not name the file, so they are taken to be about the database the command opened.
 */
export async function describeFailure(error: unknown): Promise<string> {
  if (error instanceof SitrepError) return error.message;
  const { code, path, message } = error as { code?: unknown; path?: unknown; message?: unknown };
  const text = typeof message === 'string' ? message.split('\n')[0]! : String(error);
  if (typeof code === 'string' && code.startsWith('SQLITE_')) {
    const { explainSqliteError } = await import('@sitrep/db');
    const explained = explainSqliteError(error, databaseInUse() ?? 'the database');
    if (explained instanceof SitrepError) return explained.message;
  }
  if (typeof code === 'string' && typeof path === 'string' && FILE_ADVICE[code]) {
    return `${path}: ${FILE_ADVICE[code]}.`;
  }
  const about = databaseInUse() ? ` (database ${databaseInUse()})` : '';
  return `unexpected error${about}: ${text}; run again with --verbose for the stack trace, and report it.`;
}
