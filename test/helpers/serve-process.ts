import { type ChildProcess, spawn } from 'node:child_process';
import { REPO_ROOT, SITREP_BIN } from './cli';

/** A real `sitrep serve` in its own process group on 127.0.0.1, on a free port. */
export interface ServeProcess {
  /** e.g. http://127.0.0.1:41234/graphql */
  url: string;
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  output(): string;
  /** SIGTERM to the group, SIGKILL after 5 s; resolves once it has exited. */
  stop(): Promise<void>;
}

export async function serveProcess(args: string[], env: NodeJS.ProcessEnv = {}): Promise<ServeProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    [SITREP_BIN, 'serve', '--port', '0', '--host', '127.0.0.1', ...args],
    // Its own group: stopping it stops whatever it started, and nothing else.
    { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name);
    } catch {
      // Gone already.
    }
  };
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      signal('SIGKILL');
      reject(new Error(`sitrep serve did not start within 30 s:\n${output}`));
    }, 30_000);
    const check = () => {
      const match = /GraphiQL and the API: (http:\/\/\S+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      resolve(match[1]!);
    };
    child.stdout?.on('data', check);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`sitrep serve exited before serving:\n${output}`));
    });
  });
  return {
    url,
    origin: new URL(url).origin,
    output: () => output,
    async stop() {
      signal('SIGTERM');
      const killer = setTimeout(() => signal('SIGKILL'), 5_000);
      await exited;
      clearTimeout(killer);
    },
  };
}
