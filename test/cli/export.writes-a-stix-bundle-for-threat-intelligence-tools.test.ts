import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type StixObject, stixViolations } from '@sitrep/export';
import { describe, expect, it } from 'vitest';
import { runSitrep, seededDatabase } from '../helpers/cli';

const { dir, db } = seededDatabase('sitrep-export-stix-');

interface Bundle {
  type: string;
  id: string;
  objects: StixObject[];
}

describe('sitrep export --format stix', { timeout: 60_000 }, () => {
  it('writes one STIX 2.1 bundle to a new file that keeps the rules, says what it wrote, and never overwrites', () => {
    const out = join(dir, 'kb.stix.json');
    const run = runSitrep(['export', '--db', db, '--format', 'stix', '--out', out]);
    expect(run.status).toBe(0);
    const bundle = JSON.parse(readFileSync(out, 'utf8')) as Bundle;
    expect(stixViolations(bundle)).toEqual([]);
    const notes = bundle.objects.filter((o) => o.type === 'note').length;
    expect(run.stderr).toMatch(
      new RegExp(`exported \\d+ entities, \\d+ articles, ${notes} claims, \\d+ statements to ${out}`),
    );
    // Over an existing file it refuses, as JSON Lines does (the same path: see the JSON Lines test).
    expect(runSitrep(['export', '--db', db, '--format', 'stix', '--out', out]).status).toBe(1);
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
