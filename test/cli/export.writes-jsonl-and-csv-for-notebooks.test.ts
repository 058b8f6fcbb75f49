import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SITREP_BIN, runSitrep, seededDatabase } from '../helpers/cli';
import { readmeBlocks } from '../helpers/readme';

const { dir, db } = seededDatabase('sitrep-export-cli-');

const lines = (text: string) => text.trimEnd().split('\n');

describe('sitrep export', { timeout: 60_000 }, () => {
  it('writes JSON Lines to standard output, one record a line, and says what it wrote', () => {
    const run = runSitrep(['export', '--db', db]);
    expect(run.status).toBe(0);
    const records = lines(run.stdout).map((l) => JSON.parse(l) as { type: string; grade?: string });
    expect(new Set(records.map((r) => r.type))).toEqual(new Set(['entity', 'article', 'claim', 'statement']));
    expect(records.filter((r) => r.type === 'statement').every((r) => /^[A-F][1-6]$/.test(r.grade!))).toBe(true);
    const claims = records.filter((r) => r.type === 'claim').length;
    expect(run.stderr).toMatch(new RegExp(`exported \\d+ entities, \\d+ articles, ${claims} claims, \\d+ statements`));
  });

  it('writes a JSON Lines file, and never over an existing one', () => {
    const out = join(dir, 'kb.jsonl');
    expect(runSitrep(['export', '--db', db, '--out', out, '--with-text']).status).toBe(0);
    const article = lines(readFileSync(out, 'utf8'))
      .map((l) => JSON.parse(l) as { type: string; text?: string })
      .find((r) => r.type === 'article');
    expect(article?.text).toMatch(/\w/);
    const again = runSitrep(['export', '--db', db, '--out', out]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain(`${out} exists; export to a new file.`);
  });

  it('writes four CSV files into a new folder, and refuses a folder that already holds them', () => {
    const folder = join(dir, 'sheets');
    expect(runSitrep(['export', '--db', db, '--format', 'csv', '--out', folder]).status).toBe(0);
    expect(readdirSync(folder).sort()).toEqual(['articles.csv', 'claims.csv', 'entities.csv', 'statements.csv']);
    expect(lines(readFileSync(join(folder, 'claims.csv'), 'utf8'))[0]).toMatch(/^id,articleId,quote,start,end,stance/);
    const again = runSitrep(['export', '--db', db, '--format', 'csv', '--out', folder]);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already holds entities\.csv, articles\.csv, claims\.csv, statements\.csv/);
    expect(runSitrep(['export', '--db', db, '--format', 'csv']).stderr).toContain('pass --out FOLDER');
  });

  it('refuses a database that is not there, and makes none', () => {
    const missing = join(dir, 'nope.db');
    const run = runSitrep(['export', '--db', missing]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${missing} does not exist; nothing to export.`);
    expect(existsSync(missing)).toBe(false);
  });

  it('stops quietly when the reader of its output goes away (piped into head)', () => {
    const run = spawnSync(
      'bash',
      ['-c', `set -o pipefail; "${process.execPath}" "${SITREP_BIN}" export --db "${db}" | head -n 1`],
      {
        encoding: 'utf8',
      },
    );
    expect(run.stdout.startsWith('{"type":"entity"')).toBe(true);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it("runs the README's export lines as typed, into a folder of their own", () => {
    const shell = readmeBlocks().find((b) => b.lang === 'sh' && /sitrep export/.test(b.text));
    expect(shell, 'a ```sh block with sitrep export').toBeDefined();
    // pnpm prints its script banner on standard output: a redirected line needs -s, or the file starts with it.
    expect(shell!.text).not.toMatch(/pnpm@[\d.]+ sitrep[^\n]*>/);
    const folder = join(dir, 'readme');
    execFileSync('mkdir', [folder]);
    const script = shell!.text.replace(/npx -y pnpm@10\.34\.8 (-s )?sitrep/g, `"${process.execPath}" "${SITREP_BIN}"`);
    execFileSync('sh', ['-ec', script], { cwd: folder, env: { ...process.env, SITREP_DB: db }, stdio: 'pipe' });
    expect(lines(readFileSync(join(folder, 'kb.jsonl'), 'utf8')).length).toBeGreaterThan(100);
    expect(JSON.parse(readFileSync(join(folder, 'kb.stix.json'), 'utf8'))).toMatchObject({ type: 'bundle' });
    expect(readdirSync(join(folder, 'sheets')).sort()).toEqual([
      'articles.csv',
      'claims.csv',
      'entities.csv',
      'statements.csv',
    ]);
  });
});
