import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect } from 'vitest';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The compiled command (`pnpm build`; the tests' global set-up builds it): what `pnpm sitrep` runs. */
export const SITREP_BIN = fileURLToPath(new URL('../../packages/cli/bin/sitrep.mjs', import.meta.url));

/**
 * Runs `sitrep ARGS` (what `pnpm sitrep ARGS` runs) to completion; `timeoutMs` stops one that
 * should have refused but serves instead, `uid` runs it as another user.
 */
export function runSitrep(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  options: { timeoutMs?: number; uid?: number } = {},
) {
  const result = spawnSync(process.execPath, [SITREP_BIN, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    ...(options.timeoutMs !== undefined && { timeout: options.timeoutMs }),
    ...(options.uid !== undefined && { uid: options.uid }),
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Runs `sitrep ARGS` to completion without blocking this process, for tests whose own servers
 * must answer the command meanwhile (runSitrep's spawnSync would stop them).
 */
export function runSitrepAsync(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SITREP_BIN, ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/**
 * Starts `sitrep ARGS` in the background; `waitFor` resolves with the first stdout match. It is one
 * Node process, so a signal, SIGKILL too, reaches the server itself.
 */
export function startSitrep(args: string[], env: NodeJS.ProcessEnv = {}) {
  const child: ChildProcess = spawn(process.execPath, [SITREP_BIN, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    output: () => ({ stdout, stderr }),
    exited,
    /** Resolves with the first match of `pattern` on stdout; rejects on exit or after `ms`. */
    waitFor(pattern: RegExp, ms = 30_000): Promise<RegExpMatchArray> {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => done(new Error(`no ${pattern} on stdout within ${ms} ms:\n${stdout}\n${stderr}`)),
          ms,
        );
        const check = () => {
          const match = stdout.match(pattern);
          if (match) done(null, match);
        };
        const onExit = (code: number | null) =>
          done(new Error(`exited with ${code} before ${pattern}:\n${stdout}\n${stderr}`));
        function done(error: Error | null, match?: RegExpMatchArray) {
          clearTimeout(timer);
          child.stdout?.off('data', check);
          child.off('exit', onExit);
          if (error) reject(error);
          else resolve(match!);
        }
        child.stdout?.on('data', check);
        child.once('exit', onExit);
        check();
      });
    },
  };
}

/**
 * A new folder with a database the real `sitrep seed` filled with the demo data before the file's
 * tests run, removed after them: what the commands that read a knowledge base are tried on.
 */
export function seededDatabase(prefix: string): { dir: string; db: string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const db = join(dir, 'kb.db');
  beforeAll(() => {
    expect(runSitrep(['seed', '--db', db, '--create']).status).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return { dir, db };
}
