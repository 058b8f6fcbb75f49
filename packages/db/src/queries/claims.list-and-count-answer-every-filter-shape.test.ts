import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SitrepDatabase, openDatabase } from '../database';
import type { ClaimRow } from '../schema';
import { createArticle } from './articles';
import {
  type ClaimFilter,
  type ClaimOrder,
  claimAboutForClaims,
  claimsByIds,
  countClaims,
  createClaim,
  listClaims,
} from './claims';
import { createEntity } from './entities';

// listClaims and countClaims prepare one statement per filter shape (which fields are set).
// Every shape, both orders and several pages must give what a plain filter over all rows gives.

const dir = mkdtempSync(join(tmpdir(), 'sitrep-claim-lists-'));
let db: SitrepDatabase;
const entityIds: number[] = [];
const articleIds: number[] = [];

beforeAll(() => {
  db = openDatabase(join(dir, 'sitrep.db'));
  for (let i = 0; i < 4; i++) {
    entityIds.push(createEntity(db, { kind: i % 2 ? 'actor' : 'installation', name: `Entity ${i}` }).id);
  }
  // Many claims on few dates: the order of claims published the same day matters too.
  for (let a = 0; a < 6; a++) {
    const sentences = Array.from({ length: 8 }, (_, w) => `Sentence ${w} of report ${a}.`);
    const article = createArticle(db, {
      title: `Report ${a}`,
      publishedAt: `2025-0${1 + (a % 3)}-1${a % 2}`,
      text: sentences.join(' '),
      outlet: a % 2 ? 'Outlet' : null,
    });
    articleIds.push(article.id);
    // Written out of reading order, so `position` has to sort.
    for (const w of [3, 0, 7, 1, 6, 2, 5, 4]) {
      createClaim(db, {
        articleId: article.id,
        quote: sentences[w]!,
        stance: w % 3 ? 'affirms' : 'denies',
        source: w % 4 ? { text: 'officials', actorId: entityIds[1]! } : null,
        reviewStatus: w % 2 ? 'extracted' : 'verified',
        about: [{ entityId: entityIds[w % 4]! }, { entityId: entityIds[(w + a) % 4]!, role: 'object' }],
      });
    }
  }
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const FIELDS = ['about', 'sourceActor', 'stance', 'reviewStatus', 'articleId', 'from', 'to'] as const;

/** One filter per subset of the fields: all 128 shapes. */
function everyShape(): ClaimFilter[] {
  const value: Required<{ [K in (typeof FIELDS)[number]]: NonNullable<ClaimFilter[K]> }> = {
    about: entityIds[2]!,
    sourceActor: entityIds[1]!,
    stance: 'affirms',
    reviewStatus: 'extracted',
    articleId: articleIds[3]!,
    from: '2025-01-11',
    to: '2025-02-10',
  };
  return Array.from({ length: 1 << FIELDS.length }, (_, bits) =>
    Object.fromEntries(FIELDS.filter((_, i) => bits & (1 << i)).map((field) => [field, value[field]])),
  );
}

function reference(filter: ClaimFilter, order: ClaimOrder): ClaimRow[] {
  const all = claimsByIds(
    db,
    Array.from({ length: 48 }, (_, i) => i + 1),
  );
  const about = new Map<number, number[]>();
  for (const row of claimAboutForClaims(
    db,
    all.map((c) => c.id),
  )) {
    about.set(row.claimId, [...(about.get(row.claimId) ?? []), row.entityId]);
  }
  const matches = all.filter(
    (c) =>
      (filter.about == null || (about.get(c.id) ?? []).includes(filter.about)) &&
      (filter.sourceActor == null || c.sourceActorId === filter.sourceActor) &&
      (filter.stance == null || c.stance === filter.stance) &&
      (filter.reviewStatus == null || c.reviewStatus === filter.reviewStatus) &&
      (filter.articleId == null || c.articleId === filter.articleId) &&
      (!filter.from || c.saidOn >= filter.from) &&
      (!filter.to || c.saidOn <= filter.to),
  );
  return matches.sort((x, y) =>
    order === 'latest'
      ? y.saidOn.localeCompare(x.saidOn) || y.id - x.id
      : x.articleId - y.articleId || x.start - y.start || x.id - y.id,
  );
}

describe('claim lists and counts', () => {
  it('list what a plain filter lists, for every filter shape, order and page', () => {
    expect(claimsByIds(db, [48])).toHaveLength(1);
    for (const filter of [...everyShape(), { about: 999_999 }, { from: '', to: '' }]) {
      for (const order of ['latest', 'position'] as const) {
        const expected = reference(filter, order);
        for (const page of [
          { limit: 6, offset: 0 },
          { limit: 51, offset: 0 },
          { limit: 5, offset: 7 },
        ]) {
          expect(listClaims(db, filter, page, order), JSON.stringify([filter, order, page])).toEqual(
            expected.slice(page.offset, page.offset + page.limit),
          );
        }
      }
    }
  });

  it('count what a plain filter counts, for every filter shape', () => {
    for (const filter of [...everyShape(), { about: 999_999 }]) {
      expect(countClaims(db, filter), JSON.stringify(filter)).toBe(reference(filter, 'latest').length);
    }
  });

  it('run the same statement again with other values', () => {
    expect(listClaims(db, { about: entityIds[0]! }, { limit: 100, offset: 0 })).toEqual(
      reference({ about: entityIds[0]! }, 'latest'),
    );
    expect(listClaims(db, { about: entityIds[3]! }, { limit: 100, offset: 0 })).toEqual(
      reference({ about: entityIds[3]! }, 'latest'),
    );
  });
});
