import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type SitrepDatabase, findEntityByAlias, openDatabase } from '@sitrep/db';
import { seedDemo } from '@sitrep/demo-data';
import { ingestArticle } from '@sitrep/ingest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Our own reports: spellings the demo data does not list (Hmeymim, Kuweyres), a newspaper whose name
// ends in a demonym, and a new person named in full and then by surname.
const HMEYMIM = `date 2025-05-06 LATAKIA: Two cargo planes landed at the Hmeymim airbase on Sunday, a Syrian military official said.

Crews at Hmeymim unloaded crates overnight, the official added.`;

const KUWEYRES = `date 2025-05-08 ALEPPO: Russian engineers inspected the Kuweyres airbase on Monday, Ilkan Dossari, a researcher at the Velmora Strategy Institute, told reporters. Dossari said the runway was damaged.`;

const LEVANT_ARAB = `date 2025-05-07 BEIRUT: The Levant Arab, a weekly newspaper, reported on Tuesday that Arab diplomats had met Russian envoys. Arab states were said to back the talks, the Levant Arab said.`;

const dir = mkdtempSync(join(tmpdir(), 'sitrep-ingest-folded-'));
let db: SitrepDatabase;
let entitiesBefore: number;

const count = (sql: string, ...params: unknown[]) =>
  (db.sqlite.prepare(`select count(*) as n from (${sql})`).get(...params) as { n: number }).n;
const linkedTo = (articleId: number, text: string) =>
  (
    db.sqlite
      .prepare('select entity_id from mentions where article_id = ? and text = ? order by start')
      .all(articleId, text) as Array<{ entity_id: number }>
  ).map((row) => row.entity_id);

beforeAll(() => {
  db = openDatabase(join(dir, 'sitrep.db'));
  seedDemo(db);
  entitiesBefore = count('select id from entities');
});

afterAll(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('ingesting spellings the knowledge base does not list', () => {
  it('links “Hmeymim airbase” and “Hmeymim” to the demo’s Hmeimim Air Base and creates no entity', () => {
    const hmeimim = findEntityByAlias(db, 'Hmeimim Air Base')!;
    const result = ingestArticle(db, { text: HMEYMIM });
    expect(result.createdEntities).toEqual([]);
    expect(count('select id from entities')).toBe(entitiesBefore);
    expect(linkedTo(result.article.id, 'Hmeymim airbase')).toEqual([hmeimim.id]);
    expect(linkedTo(result.article.id, 'Hmeymim')).toEqual([hmeimim.id]);
    expect(count("select id from entities where name like '%meymim%' or name like '%meimim%'")).toBe(1);
  });

  it('links “Kuweyres airbase” to Kuweires Air Base and creates only the new person and institute', () => {
    const kuweires = findEntityByAlias(db, 'Kuweires')!;
    const result = ingestArticle(db, { text: KUWEYRES });
    expect(linkedTo(result.article.id, 'Kuweyres airbase')).toEqual([kuweires.id]);
    expect(result.createdEntities.map((e) => e.name).sort()).toEqual(['Ilkan Dossari', 'Velmora Strategy Institute']);
  });

  it('keeps the surname alone out of a new person’s aliases: a fragment of the name', () => {
    const dossari = findEntityByAlias(db, 'Ilkan Dossari')!;
    const aliases = db.sqlite.prepare('select name from aliases where entity_id = ?').all(dossari.id);
    expect(aliases).toEqual([{ name: 'Ilkan Dossari' }]);
  });
});

describe('ingesting a newspaper whose name ends in a demonym', () => {
  it('stores no entity and no alias that answers to the demonym', () => {
    const before = count('select id from entities');
    const result = ingestArticle(db, { text: LEVANT_ARAB });
    expect(result.createdEntities.map((e) => e.name)).not.toContain('Arab');
    expect(count('select id from entities')).toBe(before + result.createdEntities.length);
    for (const demonym of ['Arab', 'Arabs', 'Russian', 'Syrian']) {
      const owner = findEntityByAlias(db, demonym);
      // The demo data's curators gave Russia and Syria their demonyms; ingestion adds none.
      expect(owner === undefined || ['Russia', 'Syria'].includes(owner.name), demonym).toBe(true);
    }
    expect(count("select id from aliases where normalized in ('arab', 'arabs')")).toBe(0);
  });

  it('never stores a demonym as an alias of an entity it creates, across every article so far', () => {
    const created = db.sqlite
      .prepare('select a.name from aliases a where a.entity_id > ?')
      .all(entitiesBefore) as Array<{ name: string }>;
    expect(created.length).toBeGreaterThan(0);
    for (const { name } of created) expect(name).not.toMatch(/^(the )?(Arab|Syrian|Russian|Lebanese)s?$/i);
  });
});
