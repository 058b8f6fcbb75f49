import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusFolder } from './ingest-rate';

/** The compiled command users run (`pnpm build`); never the TypeScript sources. */
const SITREP = fileURLToPath(new URL('../../cli/bin/sitrep.mjs', import.meta.url));

export interface StartupFigures {
  runs: number;
  /** Median seconds of `node -e 0`: what any Node command costs before its own code. */
  bareNode: number;
  version: number;
  /** `serve` on an already seeded demo database, from spawn to the first GraphQL answer. */
  serveFirstAnswer: number;
  /** `extract` of one corpus article (or of a demo-sized text when there is no corpus). */
  extract: number;
  extractFile: string;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function timeRun(args: string[]): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return (performance.now() - started) / 1000;
}

/** Starts `sitrep serve` and asks one question as soon as it prints its URL; resolves with the seconds to the answer. */
async function timeServe(db: string): Promise<number> {
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, [SITREP, 'serve', '--db', db, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /API: (http\S+)/.exec(out);
        if (match) resolve(match[1]!);
      });
      child.once('exit', (code) => reject(new Error(`sitrep serve exited with ${code}: ${out}`)));
    });
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ entity(name: "Hmeimim") { name claimStats { claims } } }' }),
    });
    const body = (await response.json()) as { data?: { entity?: { name?: string } } };
    if (!body.data?.entity?.name) throw new Error(`sitrep serve answered ${JSON.stringify(body)}`);
    return (performance.now() - started) / 1000;
  } finally {
    child.kill('SIGKILL');
  }
}

function someArticle(dir: string): string {
  const articles = join(corpusFolder(), 'articles');
  try {
    const first = readdirSync(articles).filter((f) => f.endsWith('.txt'))[0];
    if (first) return join(articles, first);
  } catch {
    // no corpus: a made-up article below
  }
  const file = join(dir, 'article.txt');
  const body = 'Officials said on Monday that the base would stay open, a spokesman told reporters. ';
  writeFileSync(file, `date 2025-01-01 MOSCOW: ${body.repeat(40)}\n`);
  return file;
}

/**
 * How long the built `sitrep` takes to be useful, beside a bare Node start: `--version`, `serve`
 * to its first answer on the demo database, `extract` of one article. Medians of `runs`.
 */
export async function measureStartup(runs = 5): Promise<StartupFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-startup-'));
  try {
    const seeded = join(dir, 'demo.db');
    timeRun([SITREP, 'seed', '--db', seeded, '--create']);
    const extractFile = someArticle(dir);
    const bare: number[] = [];
    const version: number[] = [];
    const serve: number[] = [];
    const extract: number[] = [];
    for (let i = 0; i < runs; i++) {
      bare.push(timeRun(['-e', '0']));
      version.push(timeRun([SITREP, '--version']));
      // A copy each time: the server's first start on a file is what a user sees.
      const db = join(dir, `serve-${i}.db`);
      copyFileSync(seeded, db);
      serve.push(await timeServe(db));
      extract.push(timeRun([SITREP, 'extract', extractFile]));
    }
    return {
      runs,
      bareNode: median(bare),
      version: median(version),
      serveFirstAnswer: median(serve),
      extract: median(extract),
      extractFile,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
