import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type StixObject, stixViolations } from '@sitrep/export';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSitrep } from '../helpers/cli';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-export-stix-'));
const db = join(dir, 'kb.db');
beforeAll(() => {
  expect(runSitrep(['seed', '--db', db, '--create']).status).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Bundle {
  type: string;
  id: string;
  objects: StixObject[];
}

describe('sitrep export --format stix', { timeout: 60_000 }, () => {
  it('writes one STIX 2.1 bundle to a new file that keeps the rules, and says what it wrote', () => {
    const out = join(dir, 'kb.stix.json');
    const run = runSitrep(['export', '--db', db, '--format', 'stix', '--out', out]);
    expect(run.status).toBe(0);
    const bundle = JSON.parse(readFileSync(out, 'utf8')) as Bundle;
    expect(stixViolations(bundle)).toEqual([]);
    const notes = bundle.objects.filter((o) => o.type === 'note').length;
    expect(run.stderr).toMatch(
      new RegExp(`exported \\d+ entities, \\d+ articles, ${notes} claims, \\d+ statements to ${out}`),
    );
    const again = runSitrep(['export', '--db', db, '--format', 'stix', '--out', out]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain(`${out} exists; export to a new file.`);
  });

  it('writes to standard output when given no file, with the same objects', () => {
    const run = runSitrep(['export', '--db', db, '--format', 'stix', '--with-text']);
    expect(run.status).toBe(0);
    const bundle = JSON.parse(run.stdout) as Bundle;
    expect(bundle.type).toBe('bundle');
    expect(new Set(bundle.objects.map((o) => o.type))).toEqual(
      new Set(['identity', 'location', 'report', 'note', 'grouping']),
    );
    // --with-text puts each article's text in its report's description.
    expect(bundle.objects.filter((o) => o.type === 'report').every((r) => typeof r.description === 'string')).toBe(
      true,
    );
  });
});
