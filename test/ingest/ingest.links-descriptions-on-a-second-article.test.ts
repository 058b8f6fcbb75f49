import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@sitrep/db';
import { ingestArticle } from '@sitrep/ingest';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-relink-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FIRST = `date 2025-03-04 LATAKIA: Syrian rebels took two hills near the Qarawi airbase on Monday, a local official said.

The rebels said they would not attack the base itself.`;

describe('a second article about the same things', () => {
  it('links entities named by description ("rebels") instead of failing on their taken name', () => {
    const db = openDatabase(join(dir, 'relink.db'));
    const first = ingestArticle(db, { text: FIRST });
    const second = ingestArticle(db, { text: `${FIRST}\n\nResidents said the rebels had left by nightfall.` });
    const made = (r: typeof first) => r.createdEntities.map((e) => e.name).sort();
    expect(made(first)).toEqual(expect.arrayContaining(['Qarawi air base', 'Syrian rebels']));
    // Everything the second article names was known after the first one.
    expect(made(second)).toEqual([]);
    const rebels = db.sqlite.prepare("select count(*) as n from entities where name like '%rebels%'").get() as {
      n: number;
    };
    expect(rebels.n).toBe(1);
    db.close();
  });
});
