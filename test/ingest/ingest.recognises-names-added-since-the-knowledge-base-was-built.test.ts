import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type SitrepDatabase, addAlias, findEntityByAlias, openDatabase } from '@sitrep/db';
import { seedDemo } from '@sitrep/demo-data';
import { ingestArticle, knowledgeOf } from '@sitrep/ingest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Our own report, naming the base only by a spelling a curator adds while the server runs.
const REPORT = `date 2025-06-02 LATAKIA: Two Russian cargo aircraft landed at Humaymeem on Sunday, a Syrian official said.

Crews at the Humaymeem air base worked through the night, the official added.`;

const dir = mkdtempSync(join(tmpdir(), 'sitrep-ingest-recent-'));
let db: SitrepDatabase;

beforeAll(() => {
  db = openDatabase(join(dir, 'sitrep.db'));
  seedDemo(db);
});

afterAll(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a name added after the knowledge base of names was built', () => {
  it('is recognised and linked in the next article, without rebuilding the whole knowledge base', () => {
    const built = knowledgeOf(db).base;
    const hmeimim = findEntityByAlias(db, 'Hmeimim Air Base')!;
    addAlias(db, hmeimim.id, 'Humaymeem');
    expect(knowledgeOf(db).base).toBe(built); // the added name sits in the small recent layer

    const result = ingestArticle(db, { text: REPORT });
    expect(result.createdEntities.map((e) => e.name)).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/Humaymeem/)]),
    );
    const linked = db.sqlite
      .prepare("select distinct entity_id as id from mentions where article_id = ? and text like '%Humaymeem%'")
      .all(result.article.id) as Array<{ id: number }>;
    expect(linked).toEqual([{ id: hmeimim.id }]);
  });
});
