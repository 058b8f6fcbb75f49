import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, useTestServer } from '../helpers';

const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));
const SCRIPT = fileURLToPath(new URL('../../examples/latest-claims.ts', import.meta.url));

const server = useTestServer();

// The README shows this script; this keeps it working.
describe('examples/latest-claims.ts', () => {
  it('prints the latest claims about a name from a running server', async () => {
    // Asynchronously: the server runs in this process and must keep answering.
    const run = await promisify(execFile)(TSX, [SCRIPT, 'Tartous'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: { ...process.env, SITREP_ENDPOINT: server.url },
    });
    expect(run.stderr).toBe('');
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^Tartus naval facility: \d+ claims, latest first$/);
    expect(lines.slice(1)).toHaveLength(5);
    for (const line of lines.slice(1))
      expect(line).toMatch(/^- \d{4}-\d{2}-\d{2} .+ \[(affirms|denies|no_comment).*\]: “.+” \(.+\)$/);
  });

  it('says in one line that no server answers, and how to start one, instead of a stack', async () => {
    const run = await promisify(execFile)(TSX, [SCRIPT, 'Tartous'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: { ...process.env, SITREP_ENDPOINT: 'http://127.0.0.1:1/graphql' },
    }).catch((error: { code: number; stdout: string; stderr: string }) => error);
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr).toBe(
      'No Sitrep server answers at http://127.0.0.1:1/graphql: start one with `pnpm start`, or set SITREP_ENDPOINT.\n',
    );
  });
});
