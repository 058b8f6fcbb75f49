import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER, openDatabase } from './database';
import { claimStatsFor } from './queries/claims';
import { findEntityByAlias } from './queries/entities';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-upgrade-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A database file as the migrations before `firstMissing` left it. */
function databaseBefore(firstMissing: string): string {
  const old = join(dir, 'old-migrations');
  cpSync(MIGRATIONS_FOLDER, old, { recursive: true });
  const journalFile = join(old, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: Array<{ tag: string }> };
  journal.entries = journal.entries.filter((e) => e.tag < firstMissing);
  writeFileSync(journalFile, JSON.stringify(journal));
  const file = join(dir, 'old.sqlite');
  const raw = new Database(file);
  migrate(drizzle(raw), { migrationsFolder: old });
  // Everything that points at an entity: aliases, mentions, claim subjects, a claim's source, other entities.
  raw.exec(`
    insert into entities (id, kind, name, actor_type) values (1, 'actor', 'Russia', 'state'), (2, 'actor', 'Kremlin', 'body');
    update entities set affiliation_id = 1 where id = 2;
    insert into entities (id, kind, name, installation_type, operator_id, host_country_id)
      values (3, 'installation', 'Hmeimim Air Base', 'air base', 1, null);
    insert into aliases (entity_id, name, normalized) values (1, 'Russia', 'russia'), (2, 'Kremlin', 'kremlin'),
      (3, 'Hmeimim Air Base', 'hmeimim air base'), (3, 'Khmeimim', 'khmeimim');
    insert into articles (id, title, published_at, outlet, text, word_count, content_hash)
      values (1, 't', '2025-02-02', 'W', 'The Kremlin said Hmeimim was open.', 6, 'h');
    insert into mentions (article_id, entity_id, start, "end", text) values (1, 2, 4, 11, 'Kremlin'), (1, 3, 17, 24, 'Hmeimim');
    insert into claims (id, article_id, quote, start, "end", source_text, source_actor_id, stance, said_on)
      values (1, 1, 'Hmeimim was open', 17, 33, 'The Kremlin', 2, 'affirms', '2025-02-02');
    insert into claim_about (claim_id, entity_id, role, said_on, source_key) values (1, 3, 'subject', '2025-02-02', 'actor:2');`);
  raw.close();
  return file;
}

const count = (db: Database.Database, table: string) =>
  (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

describe('upgrading a database from before entity review', () => {
  it('keeps every old entity, confirmed, with its names, mentions, claims and references', () => {
    const file = databaseBefore('0004');
    const db = openDatabase(file);
    try {
      expect(
        db.sqlite.prepare('select id, review_status, affiliation_id, operator_id from entities order by id').all(),
      ).toEqual([
        { id: 1, review_status: 'confirmed', affiliation_id: null, operator_id: null },
        { id: 2, review_status: 'confirmed', affiliation_id: 1, operator_id: null },
        { id: 3, review_status: 'confirmed', affiliation_id: null, operator_id: 1 },
      ]);
      expect(count(db.sqlite, 'aliases')).toBe(4);
      expect(count(db.sqlite, 'mentions')).toBe(2);
      expect(count(db.sqlite, 'claim_about')).toBe(1);
      expect(db.sqlite.prepare('select source_actor_id from claims').get()).toEqual({ source_actor_id: 2 });
      expect(findEntityByAlias(db, 'Khmeimim')?.id).toBe(3);
      expect(claimStatsFor(db, [3])).toEqual([{ entityId: 3, claims: 1, sources: 1, latest: '2025-02-02' }]);
      expect(db.sqlite.pragma('foreign_key_check')).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('leaves foreign keys on and the new status checked', () => {
    const db = openDatabase(databaseBefore('0004'));
    try {
      expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(() => db.sqlite.prepare("update entities set review_status = 'maybe' where id = 1").run()).toThrow(
        /CHECK constraint failed: entities_review_check/,
      );
      // Keys are enforced again: deleting an entity still cascades to its names.
      db.sqlite.prepare('delete from entities where id = 3').run();
      expect(count(db.sqlite, 'aliases')).toBe(2);
    } finally {
      db.close();
    }
  });
});
