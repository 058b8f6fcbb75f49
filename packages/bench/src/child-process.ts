import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** A benchmark process of our own (the GraphQL server or the baseline), measured from outside. */
export interface ChildServer {
  readonly pid: number;
  /** Where it listens, e.g. http://127.0.0.1:40123/graphql. */
  readonly url: string;
  /** Peak resident memory so far (VmHWM), in bytes; null where /proc is missing. */
  peakRssBytes(): number | null;
  /** The last lines it wrote to stderr, for error messages. */
  stderrTail(): string;
  /** Ends it (SIGTERM, then SIGKILL after 5 s); resolves when it has exited. */
  stop(): Promise<void>;
}

/** Node runs our TypeScript children with tsx's loader, in one process, so the pid is the server's. */
export const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

export function childEntry(name: string): string {
  return fileURLToPath(new URL(`./${name}`, import.meta.url));
}

/** Reads a field of /proc/<pid>/status in kB and returns bytes. */
export function procStatusBytes(pid: number, field: 'VmHWM' | 'VmRSS'): number | null {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** CPU time (user + system) a process has used so far, in seconds; null where /proc is missing. */
export function procCpuSeconds(pid: number): number | null {
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

// USER_HZ: 100 on every Linux build Node runs on.
const CLOCK_TICKS = 100;

export function stopProcess(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Starts `entry` (a file of this folder) as a child that sends `{ ready: url }` once it listens.
 * The child also ends itself when this process goes away (its IPC channel closes).
 */
export function startChildServer(entry: string, args: string[], timeoutMs = 120_000): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--import', tsxLoader, childEntry(entry), ...args], {
    stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  let stderr = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-8_000);
  });
  const handle = (url: string): ChildServer => ({
    pid: child.pid!,
    url,
    peakRssBytes: () => procStatusBytes(child.pid!, 'VmHWM'),
    stderrTail: () => stderr.trim(),
    stop: () => stopProcess(child),
  });
  return new Promise((resolve, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer);
      void stopProcess(child);
      reject(new Error(`${entry} did not start: ${why}${stderr ? `\n${stderr.trim()}` : ''}`));
    };
    const timer = setTimeout(() => fail(`no answer within ${timeoutMs / 1000} s`), timeoutMs);
    child.once('error', (error) => fail(error.message));
    child.once('exit', (code, signal) => fail(`exited with ${signal ?? code}`));
    child.on('message', (message: { ready?: string }) => {
      if (typeof message.ready !== 'string') return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve(handle(message.ready));
    });
  });
}
