import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findEntityByAlias, openDatabase } from '@sitrep/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSitrep } from '../helpers';

// Our own report: Hmeimim in a spelling the demo data does not list, Tartous as it does, and a
// research group nobody knows.
const REPORT = `date 2025-05-09 LATAKIA: Two transport aircraft left the Hmeymim airbase on Friday, two Syrian officials said, while ships stayed at the Tartous naval base.

Ilkan Dossari, a researcher at the Velmora Strategy Institute, said the flights were routine.
`;

const dir = mkdtempSync(join(tmpdir(), 'sitrep-cli-extract-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface JsonEntity {
  name: string;
  known?: string;
  mentions: Array<{ text: string }>;
}

describe('sitrep extract <file> --db <file>', () => {
  const file = join(dir, 'latakia-report.txt');
  const db = join(dir, 'demo.db');
  const ids = new Map<string, string>();
  let withDb: ReturnType<typeof runSitrep>;
  let withoutDb: ReturnType<typeof runSitrep>;

  beforeAll(() => {
    writeFileSync(file, REPORT);
    const seeded = runSitrep(['seed', '--db', db, '--create']);
    if (seeded.status !== 0) throw new Error(seeded.stderr);
    const opened = openDatabase(db);
    try {
      for (const name of ['Hmeimim Air Base', 'Tartous', 'Syria'])
        ids.set(name, String(findEntityByAlias(opened, name)!.id));
    } finally {
      opened.close();
    }
    withDb = runSitrep(['extract', file, '--json', '--db', db]);
    withoutDb = runSitrep(['extract', file, '--json']);
  });

  it('links the entities the database knows, in any spelling, by their ids', () => {
    expect(withDb.status, withDb.stderr).toBe(0);
    const entities = (JSON.parse(withDb.stdout) as { entities: JsonEntity[] }).entities;
    const knownAs = (name: string) => entities.find((e) => e.name === name)?.known;
    // Named as the database names it, whatever the spelling in the text.
    expect(knownAs('Hmeimim Air Base')).toBe(ids.get('Hmeimim Air Base'));
    expect(entities.find((e) => e.name === 'Hmeimim Air Base')?.mentions.map((m) => m.text)).toContain(
      'Hmeymim airbase',
    );
    expect(entities.find((e) => /Tart/.test(e.name))?.known).toBe(ids.get('Tartous'));
    expect(knownAs('Syria')).toBe(ids.get('Syria'));
    // New to the database: extracted, not linked.
    expect(knownAs('Ilkan Dossari')).toBeUndefined();
    expect(knownAs('Velmora Strategy Institute')).toBeUndefined();
  });

  it('stays on general knowledge without --db: names as the text gives them, none linked', () => {
    expect(withoutDb.status, withoutDb.stderr).toBe(0);
    const entities = (JSON.parse(withoutDb.stdout) as { entities: JsonEntity[] }).entities;
    expect(entities.every((e) => !('known' in e))).toBe(true);
    const names = entities.map((e) => e.name);
    expect(names).toContain('Hmeymim air base');
    expect(names).not.toContain('Hmeimim Air Base');
    // What the database does not know is read alike either way.
    const unknown = (JSON.parse(withDb.stdout) as { entities: JsonEntity[] }).entities.filter((e) => !e.known);
    for (const e of unknown) expect(names).toContain(e.name);
  });

  it('names the known entity in the readable summary, and leaves the database as it was', () => {
    const rows = () => {
      const opened = openDatabase(db, { readonly: true });
      try {
        return ['articles', 'entities', 'aliases'].map(
          (table) => (opened.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n,
        );
      } finally {
        opened.close();
      }
    };
    const before = rows();
    const run = runSitrep(['extract', file, '--db', db]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      /^ {2}Hmeimim Air Base \[installation, airbase\].*Hmeymim airbase.* → known: Hmeimim Air Base$/m,
    );
    expect(run.stdout).toMatch(/^ {2}Ilkan Dossari \[actor, person\](?!.*known)/m);
    expect(rows()).toEqual(before);
  });

  it('refuses a database file that does not exist, without making one', () => {
    const missing = join(dir, 'no-such.db');
    const run = runSitrep(['extract', file, '--db', missing]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^sitrep: --db .*no-such\.db: no such database file\.$/m);
    expect(existsSync(missing)).toBe(false);
  });
});
