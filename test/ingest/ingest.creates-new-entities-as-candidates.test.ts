import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type SitrepDatabase, findEntityByAlias, openDatabase } from '@sitrep/db';
import { seedDemo } from '@sitrep/demo-data';
import { type IngestResult, ingestArticle } from '@sitrep/ingest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Our own report: two names the demo data knows (Khmeimim, the Kremlin) and two it does not.
const FIRST = `date 2025-04-02 LATAKIA: Russian cargo flights left the Khmeimim air base on Tuesday, said Anya Rostova, an analyst at the Baltic Flight Monitor, a research group.

The Kremlin said the base would stay open.
`;
// A second report naming one of the new ones again.
const SECOND = `date 2025-04-09 LATAKIA: Anya Rostova said flights from Khmeimim had resumed, according to the Baltic Flight Monitor.
`;

const dir = mkdtempSync(join(tmpdir(), 'sitrep-candidates-'));
let db: SitrepDatabase;
let first: IngestResult;

const statusOf = (id: number) =>
  (db.sqlite.prepare('select review_status from entities where id = ?').get(id) as { review_status: string })
    .review_status;

beforeAll(() => {
  db = openDatabase(join(dir, 'sitrep.db'));
  seedDemo(db);
  first = ingestArticle(db, { text: FIRST });
});

afterAll(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('ingestion and entity review', () => {
  it('leaves the demo data confirmed', () => {
    const statuses = db.sqlite
      .prepare('select distinct review_status from entities where id not in (select value from json_each(?))')
      .all(JSON.stringify(first.createdEntities.map((e) => e.id)));
    expect(statuses).toEqual([{ review_status: 'confirmed' }]);
  });

  it('stores the entities an article introduces as candidates', () => {
    const names = first.createdEntities.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['Anya Rostova', 'Baltic Flight Monitor']));
    for (const entity of first.createdEntities) {
      expect(entity.reviewStatus).toBe('candidate');
      expect(statusOf(entity.id)).toBe('candidate');
    }
  });

  it('keeps the known entities it links to confirmed', () => {
    const linked = db.sqlite
      .prepare(
        'select distinct e.name, e.review_status from mentions m join entities e on e.id = m.entity_id where m.article_id = ?',
      )
      .all(first.article.id) as Array<{ name: string; review_status: string }>;
    const known = linked.filter((row) => !first.createdEntities.some((e) => e.name === row.name));
    expect(known.map((row) => row.name)).toEqual(expect.arrayContaining(['Hmeimim Air Base', 'Kremlin']));
    for (const row of known) expect(row.review_status).toBe('confirmed');
  });

  it('links a second article to the candidate, which stays a candidate until a curator acts', () => {
    const rostova = findEntityByAlias(db, 'Anya Rostova')!;
    const second = ingestArticle(db, { text: SECOND });
    expect(second.createdEntities.map((e) => e.name)).not.toContain('Anya Rostova');
    const mentioned = db.sqlite
      .prepare('select count(*) as n from mentions where article_id = ? and entity_id = ?')
      .get(second.article.id, rostova.id) as { n: number };
    expect(mentioned.n).toBe(1);
    expect(statusOf(rostova.id)).toBe('candidate');
  });
});
