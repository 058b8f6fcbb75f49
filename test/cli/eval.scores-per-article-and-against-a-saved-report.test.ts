import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers';

const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));
const MAIN = fileURLToPath(new URL('../../packages/eval/src/main.ts', import.meta.url));
const corpus = process.env.SITREP_CORPUS ?? join(REPO_ROOT, '../shared/corpus');
const missing = existsSync(join(corpus, 'gold')) ? null : `no corpus at ${corpus} (set SITREP_CORPUS)`;
if (missing && process.env.CI === 'true') throw new Error(`The eval command test cannot be skipped in CI: ${missing}`);
if (missing) console.warn(`Skipping the eval command test: ${missing}`);

/** `pnpm eval ARGS`, as one process. */
const runEval = (args: string[]) => {
  const r = spawnSync(TSX, [MAIN, ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};

const dir = mkdtempSync(join(tmpdir(), 'sitrep-eval-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Report {
  mode: string;
  articles: Array<{ file: string; ratios: Record<string, number | null> }>;
  outlets: Array<{ outlet: string }>;
}

describe.skipIf(missing)('pnpm eval', () => {
  it('scores each article in both modes, as JSON', () => {
    const run = runEval(['--only', '003', '--json']);
    expect(run.status, run.stderr).toBe(0);
    const reports = JSON.parse(run.stdout) as Report[];
    expect(reports.map((r) => r.mode)).toEqual(['general', 'demo']);
    for (const r of reports) {
      expect(r.articles.map((a) => a.file)).toEqual([expect.stringMatching(/^003-/)]);
      expect(r.outlets).toHaveLength(1);
    }
  });

  it('adds a table per outlet with --by-outlet', () => {
    const run = runEval(['--mode', 'general', '--only', '003,005', '--by-outlet']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^\| article \|/m);
    expect(run.stdout).toMatch(/^\| outlet \|/m);
    expect(run.stdout).toMatch(/^\| The Kyiv Independent \|/m);
  });

  it('shows each score beside a saved report, "then → now"', () => {
    const saved = JSON.parse(runEval(['--only', '003', '--json']).stdout) as Report[];
    // A saved report from a worse extractor: its entity F1 was lower.
    for (const r of saved) r.articles[0]!.ratios.entityF1 = 0.12;
    const file = join(dir, 'before.json');
    writeFileSync(file, JSON.stringify(saved));
    const run = runEval(['--mode', 'general', '--only', '003', '--against', file]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^\| 003-[^|]+\| 0\.12 → \d\.\d\d \|/m);
  });

  it('refuses an unknown mode with the usage', () => {
    const run = runEval(['--mode', 'psychic']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--mode must be general, demo or both, not “psychic”/);
  });
});
