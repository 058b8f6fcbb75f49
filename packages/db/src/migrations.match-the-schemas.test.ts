import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const here = fileURLToPath(new URL('..', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'sitrep-drizzle-kit-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/*
 * A schema file changed without `pnpm db:generate` would ship tables its migrations never make.
 * drizzle-kit compares the schema with the last migration's snapshot; it runs on a copy of the
 * folder, so that a difference fails this test instead of writing a migration.
 */
describe.each([
  ['sqlite', './src/schema.ts', 'migrations'],
  ['postgresql', './src/pg/schema.ts', 'pg-migrations'],
])('the %s migrations', (dialect, schema, folder) => {
  it('make exactly what the schema file declares', { timeout: 60_000 }, () => {
    const copy = join(scratch, folder);
    cpSync(join(here, folder), copy, { recursive: true });
    const before = readdirSync(copy).sort();
    const run = spawnSync(
      join(here, 'node_modules/.bin/drizzle-kit'),
      // drizzle-kit reads --out as relative to the folder it runs in, whatever it is given.
      ['generate', '--dialect', dialect, '--schema', schema, '--out', relative(here, copy)],
      { cwd: here, encoding: 'utf8' },
    );
    expect(readdirSync(copy).sort()).toEqual(before);
    expect(`${run.stdout}${run.stderr}`).toContain('No schema changes');
    expect(run.status).toBe(0);
  });
});
