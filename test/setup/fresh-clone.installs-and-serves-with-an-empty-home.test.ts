import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/cli';
import { readmeBlocks } from '../helpers/readme';

/**
 * A new user's machine: a clone of this repository, an empty home directory (no ~/.npmrc, no
 * caches, no pnpm store) and only the machine's registry settings, given explicitly. The README's
 * own commands must install, build and serve there, compiling native modules without the internet.
 * Minutes long (better-sqlite3 compiles twice), so it runs in CI and when SITREP_FRESH_CLONE=1.
 */
const RUN = process.env.CI === 'true' || process.env.SITREP_FRESH_CLONE === '1';
const MINUTES = 60_000;

/** How this machine reaches the registry (npm's own settings), as environment variables. */
function registrySettings(): NodeJS.ProcessEnv {
  const listed = spawnSync('npm', ['config', 'list', '--json'], { encoding: 'utf8' });
  const config = JSON.parse(listed.stdout) as Record<string, unknown>;
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(config)) {
    const network = /^(registry|.*:registry|cafile|ca|proxy|https-proxy|noproxy|strict-ssl)$/.test(key);
    if (network && value != null && value !== '') env[`npm_config_${key.replace(/-/g, '_')}`] = String(value);
  }
  for (const name of [
    'NODE_EXTRA_CA_CERTS',
    'HTTP_PROXY',
    'HTTPS_PROXY',
    'NO_PROXY',
    'http_proxy',
    'https_proxy',
    'no_proxy',
  ])
    if (process.env[name]) env[name] = process.env[name];
  return env;
}

/** The README's shell block that `matching` finds: the test runs what a reader would type. */
function shellBlock(matching: RegExp): string {
  const block = readmeBlocks().find((b) => b.lang === 'sh' && matching.test(b.text));
  if (!block) throw new Error(`README.md has no sh block matching ${matching}`);
  return block.text.trim();
}

const base = RUN ? mkdtempSync(join(tmpdir(), 'sitrep-fresh-')) : '';
const clone = join(base, 'sitrep');
const running: ChildProcess[] = [];

/** Only the system's tools: nothing this test run put on PATH (node_modules/.bin, a global pnpm). */
const systemPath = () =>
  (process.env.PATH ?? '')
    .split(delimiter)
    .filter((dir) => !dir.includes('node_modules') && !dir.includes('pnpm'))
    .join(delimiter);

// Asked of npm once (a second or so), for every command below.
const registry = RUN ? registrySettings() : {};

function environment(home: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { PATH: systemPath(), HOME: home, CI: process.env.CI ?? '', ...registry, ...extra };
}

/** Runs a README command in its own process group until `ready` appears in its output. */
function runUntil(command: string, cwd: string, env: NodeJS.ProcessEnv, ready: RegExp, ms: number): Promise<string> {
  const child = spawn('bash', ['-c', command], { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  running.push(child);
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${command}: no ${ready} in ${ms} ms:\n${output.slice(-4000)}`)),
      ms,
    );
    const seen = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(ready);
      if (match) {
        clearTimeout(timer);
        resolve(match[1] ?? match[0]);
      }
    };
    child.stdout.on('data', seen);
    child.stderr.on('data', seen);
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (!ready.test(output)) reject(new Error(`${command} exited with ${code}:\n${output.slice(-4000)}`));
    });
  });
}

async function askForHmeimim(url: string): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ entity(name: "Khmeimim") { name claimStats { claims } } }' }),
  });
  return response.json();
}

afterAll(async () => {
  for (const child of running) {
    if (child.exitCode !== null || child.pid === undefined) continue;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  if (base) rmSync(base, { recursive: true, force: true });
}, MINUTES);

describe.skipIf(!RUN)('a fresh clone with an empty HOME (CI, or SITREP_FRESH_CLONE=1)', () => {
  it(
    'runs the README quick start: installs, builds, seeds the demo and answers GraphQL',
    async () => {
      const start = shellBlock(/pnpm@[\d.]+ start/);
      const cloned = spawnSync('git', ['clone', '--quiet', REPO_ROOT, clone], { encoding: 'utf8' });
      expect(cloned.status, cloned.stderr).toBe(0);
      const home = join(base, 'home');
      mkdirSync(home);

      const url = await runUntil(
        start!,
        clone,
        environment(home, { SITREP_PORT: '0' }),
        /API: (http\S+)/,
        12 * MINUTES,
      );
      const answer = await askForHmeimim(url);
      expect(answer).toMatchObject({ data: { entity: { name: expect.stringMatching(/Hmeimim/) } } });
    },
    15 * MINUTES,
  );

  it(
    'packs the command into a tarball that npm installs globally with an empty HOME',
    async () => {
      const [pack, install] = shellBlock(/npm install -g/)
        .split('\n')
        .filter((line) => line.trim());
      const home = join(base, 'home-global');
      mkdirSync(home);
      const prefix = join(base, 'prefix');
      const env = environment(home, { npm_config_prefix: prefix });
      const packed = spawnSync('bash', ['-c', pack!], { cwd: clone, env, encoding: 'utf8' });
      expect(packed.status, packed.stderr).toBe(0);
      expect(readdirSync(clone).filter((f) => f.endsWith('.tgz'))).toHaveLength(1);

      await runUntil(`${install!} && echo INSTALLED`, clone, env, /INSTALLED/, 12 * MINUTES);
      const sitrep = join(prefix, 'bin', 'sitrep');
      const version = spawnSync(sitrep, ['--version'], { env, encoding: 'utf8' });
      expect(version.stdout.trim()).toBe(
        JSON.parse(readFileSync(join(clone, 'packages/cli/package.json'), 'utf8')).version,
      );

      // Installed, it keeps its database in the user's data folder, not beside the code.
      const url = await runUntil(`"${sitrep}" serve --port 0`, home, env, /API: (http\S+)/, 2 * MINUTES);
      expect(await askForHmeimim(url)).toMatchObject({ data: { entity: { name: expect.stringMatching(/Hmeimim/) } } });
      expect(readdirSync(join(home, '.local/share/sitrep'))).toContain('sitrep.db');
    },
    15 * MINUTES,
  );
});
