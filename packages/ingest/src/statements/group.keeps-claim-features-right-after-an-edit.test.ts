import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { featuresOf, featuresToJson } from '@sitrep/corroborate';
import { type SitrepDatabase, createEntity, listClaims, mergeEntities, openDatabase } from '@sitrep/db';
import { ingestArticle } from '../ingest-article';
import { readStored } from './group';

// Invented articles of our own: two reports of one event, naming the base two ways.
const REPORT = `date 2025-03-04 LATAKIA:

Two Russian transport aircraft left Hmeimim Air Base on Monday evening, three Syrian officials said.`;
const OTHER = `date 2025-03-05 DAMASCUS:

Russian transport aircraft flew out of Khmeimim airbase on Monday, Syrian security sources said.`;

const dir = mkdtempSync(join(tmpdir(), 'sitrep-claim-features-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Stored = Map<number, { content: string; features: string }>;

function storedFeatures(db: SitrepDatabase): Stored {
  const rows = db.sqlite
    .prepare<[], { claimId: number; content: string; features: string }>(
      'select claim_id as claimId, content, features from claim_features order by claim_id',
    )
    .all();
  return new Map(rows.map((r) => [r.claimId, { content: r.content, features: r.features }]));
}

/**
 * Every claim as a fresh connection reads it for grouping (stored features where they still
 * match), checked against its features read anew from what the claim says now.
 */
function readInNewProcessAndCheck(file: string): Stored {
  const db = openDatabase(file);
  try {
    const claims = listClaims(db, {}, { limit: 1000, offset: 0 }, 'position');
    for (const [, read] of readStored(db, claims))
      expect(featuresToJson(read.features)).toBe(featuresToJson(featuresOf(read.facts)));
    return storedFeatures(db);
  } finally {
    db.close();
  }
}

describe('claim features kept for grouping', () => {
  const file = join(dir, 'kept.db');
  let stored: Stored;

  it('are stored for every claim grouped, and read back as they were', () => {
    const db = openDatabase(file);
    try {
      ingestArticle(db, { text: REPORT, outlet: 'Wire' });
      ingestArticle(db, { text: OTHER, outlet: 'Rival' });
      stored = storedFeatures(db);
      const claims = db.sqlite.prepare<[], { n: number }>('select count(*) as n from claims').get()!.n;
      expect(stored.size).toBe(claims);
    } finally {
      db.close();
    }
    expect(readInNewProcessAndCheck(file)).toEqual(stored);
  });

  it('are read again after the claim is edited', () => {
    const db = openDatabase(file);
    try {
      db.sqlite
        .prepare("update claims set quote = 'Four Russian warships left the port of Tartus on Monday' where id = 1")
        .run();
    } finally {
      db.close();
    }
    const after = readInNewProcessAndCheck(file);
    expect(JSON.parse(after.get(1)!.features)).not.toEqual(JSON.parse(stored.get(1)!.features));
    expect(after.get(1)!.content).not.toBe(stored.get(1)!.content);
    stored = after;
  });

  it("are read again after the claim's entities are merged", () => {
    const db = openDatabase(file);
    try {
      // An entity the claims are about merged into another of its kind: their entities change.
      const merged = db.sqlite
        .prepare<[], { id: number; kind: 'actor' | 'installation' }>(
          `select e.id, e.kind from entities e join claim_about a on a.entity_id = e.id
            order by e.id limit 1`,
        )
        .get()!;
      const survivor = createEntity(db, { kind: merged.kind, name: 'Invented Second Name' });
      mergeEntities(db, survivor.id, merged.id);
    } finally {
      db.close();
    }
    const after = readInNewProcessAndCheck(file);
    expect([...after].some(([id, row]) => row.content !== stored.get(id)?.content)).toBe(true);
  });
});
