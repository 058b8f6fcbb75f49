import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as db from '@sitrep/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countClaims, listClaims } from './readers';

// The server's prepared claim readers stand in for @sitrep/db's listClaims and countClaims on
// the API's hot paths: for every filter they must return the same rows, in the same order.

const dir = mkdtempSync(join(tmpdir(), 'sitrep-readers-'));
let sitrep: db.SitrepDatabase;
const entityIds: number[] = [];

beforeAll(() => {
  sitrep = db.openDatabase(join(dir, 'sitrep.db'));
  for (let i = 0; i < 4; i++) {
    entityIds.push(db.createEntity(sitrep, { kind: i % 2 ? 'actor' : 'installation', name: `Entity ${i}` }).id);
  }
  // Many claims on few dates: the order of claims published the same day matters too.
  for (let a = 0; a < 6; a++) {
    const words = Array.from({ length: 8 }, (_, w) => `Sentence ${w} of report ${a}.`);
    const article = db.createArticle(sitrep, {
      title: `Report ${a}`,
      publishedAt: `2025-0${1 + (a % 3)}-1${a % 2}`,
      text: words.join(' '),
      outlet: a % 2 ? 'Outlet' : null,
    });
    for (let w = 0; w < words.length; w++) {
      db.createClaim(sitrep, {
        articleId: article.id,
        quote: words[w]!,
        stance: w % 3 ? 'affirms' : 'denies',
        source: w % 4 ? { text: 'officials', actorId: entityIds[1]! } : null,
        about: [{ entityId: entityIds[w % 4]! }, { entityId: entityIds[(w + a) % 4]!, role: 'object' }],
      });
    }
  }
});
afterAll(() => {
  sitrep.close();
  rmSync(dir, { recursive: true, force: true });
});

const filters = (): db.ClaimFilter[] => [
  {},
  { about: entityIds[0]! },
  { about: entityIds[3]! },
  { about: 999_999 },
  { to: '2025-02-10' },
  { from: '2025-02-10' },
  { from: '2025-01-11', to: '2025-02-10' },
  { from: '', to: '' },
  { about: entityIds[1]!, to: '2025-02-10' },
  { stance: 'denies' },
  { about: entityIds[2]!, stance: 'affirms' },
  { about: null, sourceActor: null, stance: null, reviewStatus: null, from: null, to: '2025-03-10' },
];

describe('prepared claim readers', () => {
  it('list the same claims as @sitrep/db, latest first, for every filter and page', () => {
    for (const filter of filters()) {
      for (const page of [
        { limit: 6, offset: 0 },
        { limit: 51, offset: 0 },
        { limit: 5, offset: 7 },
      ]) {
        expect(listClaims(sitrep, filter, page), JSON.stringify([filter, page])).toEqual(
          db.listClaims(sitrep, filter, page),
        );
      }
    }
  });

  it('count the same claims as @sitrep/db', () => {
    for (const filter of filters()) {
      expect(countClaims(sitrep, filter), JSON.stringify(filter)).toBe(db.countClaims(sitrep, filter));
    }
  });
});
