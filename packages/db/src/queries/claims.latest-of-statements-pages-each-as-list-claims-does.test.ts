import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SitrepDatabase, openDatabase } from '../database';
import { createArticle } from './articles';
import { createClaim, latestClaimsOfStatements, listClaims } from './claims';
import { createEntity } from './entities';
import { assignClaims, createStatement } from './statements';

// One query reads a page of several statements' latest claims (the hover's tellings); each page
// must be what listClaims gives for that statement alone, including claims said on the same day.

const dir = mkdtempSync(join(tmpdir(), 'sitrep-statement-claims-'));
let db: SitrepDatabase;
const statementIds: number[] = [];

beforeAll(() => {
  db = openDatabase(join(dir, 'sitrep.db'));
  const entity = createEntity(db, { kind: 'installation', name: 'Base' }).id;
  const claimIds: number[] = [];
  for (let a = 0; a < 5; a++) {
    const sentences = Array.from({ length: 6 }, (_, w) => `Line ${w} of note ${a}.`);
    const article = createArticle(db, {
      title: `Note ${a}`,
      publishedAt: `2025-03-0${1 + (a % 3)}`,
      text: sentences.join(' '),
    });
    for (const quote of sentences)
      claimIds.push(
        createClaim(db, { articleId: article.id, quote, stance: 'affirms', about: [{ entityId: entity }] }).id,
      );
  }
  // Statements of 1, 4, 9 and 16 claims, taken across articles; one statement with none.
  let next = 0;
  for (const size of [1, 4, 9, 16, 0]) {
    const id = createStatement(db, '2025-03-01');
    assignClaims(db, claimIds.slice(next, next + size), id);
    next += size;
    statementIds.push(id);
  }
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('latestClaimsOfStatements', () => {
  it.each([
    { limit: 3, offset: 0 },
    { limit: 2, offset: 2 },
    { limit: 20, offset: 0 },
    { limit: 5, offset: 7 },
  ])('pages each statement as listClaims does ($limit from $offset)', (page) => {
    const together = latestClaimsOfStatements(db, statementIds, page);
    expect([...together.keys()]).toEqual(statementIds);
    for (const id of statementIds) {
      expect(together.get(id)!.map((c) => c.id)).toEqual(listClaims(db, { statementId: id }, page).map((c) => c.id));
    }
    expect(together.get(statementIds[3]!)!.length).toBe(Math.max(0, Math.min(page.limit, 16 - page.offset)));
  });

  it('answers an empty map entry for no statements and for an unknown one', () => {
    expect(latestClaimsOfStatements(db, [], { limit: 2, offset: 0 }).size).toBe(0);
    expect(latestClaimsOfStatements(db, [999_999], { limit: 2, offset: 0 }).get(999_999)).toEqual([]);
  });
});
