import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * One temporary PostgreSQL server for a test run: `initdb` into a temporary folder, `postgres` on a
 * free 127.0.0.1 port with its socket in that folder, in a process group of its own that `stop()`
 * ends whole. Debian's server (scripts/ensure-postgres.sh) keeps its binaries off PATH, under
 * /usr/lib/postgresql/<major>/bin.
 */
export interface PostgresCluster {
  /** `postgres://postgres@127.0.0.1:PORT/` + a database name gives a connection URL. */
  readonly baseUrl: string;
  readonly major: number;
  /** Whether it also takes TLS connections (`?sslmode=require`): it does when openssl made it a certificate. */
  readonly tls: boolean;
  /** The folder of its Unix socket: `?host=` + it connects without TCP. */
  readonly socketDir: string;
  stop(): Promise<void>;
}

const DEBIAN_ROOT = '/usr/lib/postgresql';
/** Upper bound on a start (initdb about 1.3 s, the server about 0.2 s here; a loaded CI machine is slower). */
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;

/** The newest installed server's bin folder and major version, or why there is none. */
export function serverBinaries(): { bin: string; major: number } | { missing: string } {
  const majors = existsSync(DEBIAN_ROOT)
    ? readdirSync(DEBIAN_ROOT)
        .filter((name) => /^\d+$/.test(name) && existsSync(join(DEBIAN_ROOT, name, 'bin', 'initdb')))
        .map(Number)
        .sort((a, b) => b - a)
    : [];
  if (majors.length === 0) return { missing: `no ${DEBIAN_ROOT}/*/bin/initdb: run scripts/ensure-postgres.sh` };
  return { bin: join(DEBIAN_ROOT, String(majors[0]), 'bin'), major: majors[0]! };
}

/**
 * Who the server runs as. PostgreSQL refuses to run as root, so as root it is Debian's `postgres`
 * user (made by the package), else `nobody`; anyone else runs it as themselves.
 */
function serverUser(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  for (const name of ['postgres', 'nobody']) {
    try {
      const [uid, gid] = ['-u', '-g'].map((flag) => Number(execFileSync('id', [flag, name], { encoding: 'utf8' })));
      return { uid: uid!, gid: gid! };
    } catch {
      // No such user: try the next.
    }
  }
  throw new Error('running as root, and neither a postgres nor a nobody user exists to run PostgreSQL as');
}

/** `command ARGS` as the server's user: setpriv switches user in place, so signals reach the command itself. */
function asServerUser(user: { uid: number; gid: number } | null, command: string, args: string[]): string[] {
  if (!user) return [command, ...args];
  return ['setpriv', `--reuid=${user.uid}`, `--regid=${user.gid}`, '--clear-groups', '--', command, ...args];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/*
 * The server runs under a small shell that also watches this process: if the test run dies
 * without its teardown (SIGKILL, a crash), the shell stops the server within a second, so nothing
 * outlives the suite, nor its folder. The shell, the server and its backends share one process group.
 */
const WATCHDOG = `
"$@" &
server=$!
trap 'kill -INT "$server" 2>/dev/null; wait "$server"; exit 0' INT TERM
while kill -0 "$OWNER" 2>/dev/null && kill -0 "$server" 2>/dev/null; do sleep 1; done
kill -INT "$server" 2>/dev/null
wait "$server"
# Only for a run that died: a live one removes the folder itself, or retries in it.
kill -0 "$OWNER" 2>/dev/null || rm -rf "$CLUSTER_DIR"
`;

async function waitUntilReady(bin: string, port: number, server: ChildProcess, log: string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (server.exitCode !== null || server.signalCode !== null) {
      throw new Error(`PostgreSQL exited while starting:\n${readFileSync(log, 'utf8')}`);
    }
    try {
      execFileSync(join(bin, 'pg_isready'), ['-q', '-h', '127.0.0.1', '-p', String(port), '-U', 'postgres'], {
        stdio: 'ignore',
      });
      return;
    } catch {
      if (Date.now() > deadline)
        throw new Error(`PostgreSQL did not start in ${START_TIMEOUT_MS} ms:\n${readFileSync(log, 'utf8')}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** Ends the server's whole process group (SIGINT is PostgreSQL's fast shutdown), then SIGKILL if it lingers. */
async function stopGroup(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null || server.pid === undefined) return;
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-server.pid!, name);
    } catch {
      // The group is already gone.
    }
  };
  signal('SIGINT');
  const timer = setTimeout(() => signal('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

/** initdb and start a server; throws with the server's log when it cannot. */
/**
 * @param settings server settings beyond the throwaway defaults, e.g. `{ shared_buffers: '2GB' }`
 *   for a benchmark at a scale PostgreSQL's 128 MB default cache does not hold.
 */
export async function startCluster(settings: Record<string, string> = {}): Promise<PostgresCluster> {
  const found = serverBinaries();
  if ('missing' in found) throw new Error(found.missing);
  const { bin, major } = found;
  const user = serverUser();
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-pg-'));
  if (user) chownSync(dir, user.uid, user.gid);
  const data = join(dir, 'data');
  const [initdb, ...initArgs] = asServerUser(user, join(bin, 'initdb'), [
    ...['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'],
  ]);
  let tls: boolean;
  try {
    execFileSync(initdb!, initArgs, { stdio: 'pipe' });
    tls = makeCertificate(data, user);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  // A port free now may be taken before the server binds it: then the server exits, and we try another.
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const server = launch(bin, user, dir, port, tls, settings);
    const stop = async () => {
      await stopGroup(server);
      rmSync(dir, { recursive: true, force: true });
    };
    try {
      await waitUntilReady(bin, port, server, join(dir, 'server.log'));
      return { baseUrl: `postgres://postgres@127.0.0.1:${port}/`, major, tls, socketDir: dir, stop };
    } catch (error) {
      await stopGroup(server);
      if (attempt === 3) {
        await stop();
        throw error;
      }
    }
  }
}

/**
 * A self-signed certificate in the data folder (server.crt and server.key, the names the server
 * looks for), so that the TLS options Sitrep documents are tested against a real handshake.
 * Without openssl the cluster takes plain connections only.
 */
function makeCertificate(data: string, user: { uid: number; gid: number } | null): boolean {
  const [crt, key] = [join(data, 'server.crt'), join(data, 'server.key')];
  try {
    execFileSync(
      'openssl',
      ['req', '-new', '-x509', '-days', '2', '-nodes', '-subj', '/CN=127.0.0.1', '-keyout', key, '-out', crt],
      { stdio: 'pipe' },
    );
  } catch {
    return false;
  }
  // The server refuses a key that others can read, or that is not its user's.
  chmodSync(key, 0o600);
  if (user) for (const file of [crt, key]) chownSync(file, user.uid, user.gid);
  return true;
}

function launch(
  bin: string,
  user: { uid: number; gid: number } | null,
  dir: string,
  port: number,
  tls: boolean,
  settings: Record<string, string>,
): ChildProcess {
  // A file, not a pipe: the server must not lose its stderr if this process dies before it.
  const logFd = openSync(join(dir, 'server.log'), 'a');
  const server = spawn(
    'sh',
    [
      '-c',
      WATCHDOG,
      'sitrep-postgres',
      ...asServerUser(user, join(bin, 'postgres'), [
        ...['-D', join(dir, 'data'), '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1'],
        // A throwaway cluster: durability costs time and buys nothing here.
        ...['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
        ...(tls ? ['-c', 'ssl=on'] : []),
        // Logical replication, so a test can feed a read replica (test/helpers/postgres-replica.ts).
        ...['-c', 'wal_level=logical'],
        ...Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
      ]),
    ],
    // detached: setsid(2), so the server and its backends are one group that stopGroup() signals whole.
    {
      detached: true,
      stdio: ['ignore', logFd, logFd],
      env: { ...process.env, OWNER: String(process.pid), CLUSTER_DIR: dir },
    },
  );
  closeSync(logFd);
  return server;
}
