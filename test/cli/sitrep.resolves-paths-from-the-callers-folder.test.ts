import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers';

// A folder inside the checkout, below the root: where someone keeps their notes and drafts.
const caller = join(REPO_ROOT, '.tmp', `caller-${process.pid}`);
mkdirSync(join(caller, 'drafts'), { recursive: true });
afterAll(() => rmSync(caller, { recursive: true, force: true }));

/** A terminal's environment: none of the npm_* settings this test run inherited from pnpm. */
const terminal = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));

/** `pnpm sitrep ARGS` typed in `caller`, with the pnpm the README names. */
function pnpmSitrep(args: string[]) {
  const result = spawnSync('npx', ['-y', 'pnpm@10.34.8', '-s', 'sitrep', ...args], {
    cwd: caller,
    env: terminal,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const REPORT =
  'date 2025-03-02 LATAKIA: Two Russian cargo aircraft landed at Hmeimim on Sunday, a Syrian official said.\n';

describe('pnpm sitrep run from a folder below the checkout root', () => {
  it('reads the files it is given from that folder', () => {
    writeFileSync(join(caller, 'drafts', 'report.txt'), REPORT);
    const run = pnpmSitrep(['extract', 'drafts/report.txt', '--json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const extraction = JSON.parse(run.stdout) as { article: { dateline: string }; claims: unknown[] };
    expect(extraction.article.dateline).toBe('LATAKIA');
    expect(extraction.claims).toHaveLength(1);
  });

  it('creates --db there and names failed files as the user typed them', () => {
    writeFileSync(join(caller, 'drafts', 'empty.txt'), '');
    const run = pnpmSitrep(['ingest', 'drafts', '--db', 'notes.db', '--create']);
    expect(existsSync(join(caller, 'notes.db'))).toBe(true);
    expect(run.stderr).toMatch(/^failed: drafts\/empty\.txt: /m);
    expect(run.stdout).toMatch(/^1 article ingested/m);
    expect(run.status).toBe(1);
  });
});
