import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));
const MAIN = fileURLToPath(new URL('../../packages/cli/src/main.ts', import.meta.url));

/** Runs `sitrep ARGS` (what `pnpm sitrep ARGS` runs) to completion. */
export function runSitrep(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(TSX, [MAIN, ...args], { cwd: REPO_ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Starts `sitrep ARGS` in the background; `waitFor` resolves with the first stdout match. It runs
 * as one Node process with tsx's loader (the tsx command would add a parent process), so a signal,
 * SIGKILL too, reaches the server itself.
 */
export function startSitrep(args: string[], env: NodeJS.ProcessEnv = {}) {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], {
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
