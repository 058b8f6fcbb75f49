import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { SitrepError } from '@sitrep/vocabulary';

const run = promisify(execFile);

/** Debian keeps each major's programs here, and only a version-picking wrapper on PATH. */
const DEBIAN_ROOT = '/usr/lib/postgresql';

export type DumpTool = 'pg_dump' | 'pg_restore';

export interface FoundTool {
  path: string;
  major: number;
  /** As the program prints it: "pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)". */
  version: string;
}

/**
 * The program to use: $SITREP_PG_DUMP / $SITREP_PG_RESTORE when set, else the newest major
 * Debian installed, else the one on PATH. A pg_dump can only dump servers of its own major or
 * older, so the newest is the one most likely to do.
 */
function candidates(tool: DumpTool, env: NodeJS.ProcessEnv): string[] {
  const chosen = env[tool === 'pg_dump' ? 'SITREP_PG_DUMP' : 'SITREP_PG_RESTORE'];
  if (chosen) return [chosen];
  const majors = existsSync(DEBIAN_ROOT)
    ? readdirSync(DEBIAN_ROOT)
        .filter((name) => /^\d+$/.test(name) && existsSync(join(DEBIAN_ROOT, name, 'bin', tool)))
        .map(Number)
        .sort((a, b) => b - a)
    : [];
  return [...majors.map((major) => join(DEBIAN_ROOT, String(major), 'bin', tool)), tool];
}

/** Finds `tool` and reads its major version, or says how to install one that can serve `serverMajor`. */
export async function findDumpTool(
  tool: DumpTool,
  serverMajor: number,
  env: NodeJS.ProcessEnv = process.env,
): Promise<FoundTool> {
  const install = `install PostgreSQL's client programs, version ${serverMajor} or newer (Debian: apt-get install postgresql-client-${serverMajor}), or name one in $${tool === 'pg_dump' ? 'SITREP_PG_DUMP' : 'SITREP_PG_RESTORE'}`;
  for (const path of candidates(tool, env)) {
    let printed: string;
    try {
      printed = (await run(path, ['--version'], { timeout: 10_000 })).stdout.trim();
    } catch {
      continue;
    }
    const major = Number(/\(PostgreSQL\)\s+(\d+)/.exec(printed)?.[1]);
    if (!Number.isInteger(major)) continue;
    if (major < serverMajor) {
      throw new SitrepError(
        'BAD_USER_INPUT',
        `${path} is ${printed}, older than the server (PostgreSQL ${serverMajor}), which it cannot ${tool === 'pg_dump' ? 'dump' : 'restore into safely'}; ${install}.`,
      );
    }
    return { path, major, version: printed };
  }
  throw new SitrepError('BAD_USER_INPUT', `${tool} was not found; ${install}.`);
}

/**
 * The libpq connection string for a child program, without its password: the password goes in
 * the child's PGPASSWORD, where `ps` does not show it as it would an argument.
 */
export function libpqConnection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return { dbname: parsed.toString(), env: password ? { PGPASSWORD: password } : {} };
}

/** Runs a pg_dump/pg_restore to its end; a failure says the program's last words, not a stack. */
export async function runDumpTool(tool: FoundTool, args: string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  try {
    const { stdout } = await run(tool.path, args, {
      env: { ...process.env, ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    const { stderr, code, signal } = error as { stderr?: string; code?: unknown; signal?: unknown };
    const lines = (stderr?.trim() || `it ended with ${signal ?? `exit code ${String(code)}`}`).split('\n');
    // The error and its detail say what went wrong; the statement it ran and the hint add little.
    const telling = lines.filter((line) => /error:|DETAIL:/.test(line));
    const said = (telling.length > 0 ? telling : lines.slice(-3))
      .slice(0, 3)
      .map((line) => line.replace(/^\S*pg_(dump|restore): /, '').trim());
    throw new SitrepError('BAD_USER_INPUT', `${tool.path.split('/').pop()} failed: ${said.slice(-3).join(' ')}`);
  }
}
