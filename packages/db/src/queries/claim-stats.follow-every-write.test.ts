import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER, type SitrepDatabase, openDatabase } from '../database';
import { createArticle } from './articles';
import { claimStatsFor, countClaims, createClaims } from './claims';
import { createEntity, mergeEntities } from './entities';

// What entity_sources and entity_claim_stats must hold, counted from scratch.
const RECOUNT = `
  with keyed as (
    select ca.entity_id, coalesce('actor:' || c.source_actor_id, 'text:' || lower(c.source_text),
      'outlet:' || coalesce(a.outlet, '')) as source_key
    from claim_about ca join claims c on c.id = ca.claim_id join articles a on a.id = c.article_id)
  select entity_id as entityId, count(*) as claims, count(distinct source_key) as sources
  from keyed group by entity_id order by entity_id`;

function kept(db: Database.Database) {
  return db.prepare('select entity_id as entityId, claims, sources from entity_claim_stats order by entity_id').all();
}

function expectStatsMatchRecount(db: SitrepDatabase) {
  expect(kept(db.sqlite)).toEqual(db.sqlite.prepare(RECOUNT).all());
  const stray = db.sqlite.prepare('select count(*) as n from entity_sources where claims <= 0').get() as { n: number };
  expect(stray.n).toBe(0);
}

let dir: string;
let db: SitrepDatabase;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-stats-'));
  db = openDatabase(join(dir, 'kb.sqlite'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const TEXT = (n: number) =>
  `Report ${n}. Officials said the base was open. The ministry denied the convoy left. Residents said the port was quiet.`;

/** Three actors, a base, two outlets, claims from actors, from words in two spellings, and from nobody. */
function seed() {
  const moscow = createEntity(db, { kind: 'actor', name: 'Moscow Ministry' });
  const kremlin = createEntity(db, { kind: 'actor', name: 'The Kremlin' });
  const residents = createEntity(db, { kind: 'actor', name: 'Residents Council' });
  const base = createEntity(db, { kind: 'installation', name: 'Hmeimim' });
  const articles = [0, 1, 2].map((n) =>
    createArticle(db, {
      title: `R${n}`,
      publishedAt: `2025-01-0${n + 1}`,
      outlet: n === 2 ? null : `Wire ${n % 2}`,
      text: TEXT(n),
    }),
  );
  for (const article of articles) {
    createClaims(db, [
      {
        articleId: article.id,
        quote: 'the base was open',
        stance: 'affirms',
        source: { text: 'Officials' },
        about: [{ entityId: base.id }, { entityId: moscow.id }],
      },
      {
        articleId: article.id,
        quote: 'the convoy left',
        stance: 'denies',
        source: { text: 'the ministry', actorId: kremlin.id },
        about: [{ entityId: base.id }],
      },
      {
        articleId: article.id,
        quote: 'the port was quiet',
        stance: 'affirms',
        about: [{ entityId: base.id }, { entityId: residents.id }],
      },
      {
        articleId: article.id,
        quote: 'Report',
        stance: 'affirms',
        source: { text: 'OFFICIALS' },
        about: [{ entityId: base.id }],
      },
    ]);
  }
  return { moscow, kremlin, residents, base, articles };
}

describe('per-entity claim counts kept by triggers', () => {
  it('count claims and distinct sources as they are written', () => {
    const { base } = seed();
    expectStatsMatchRecount(db);
    // 12 claims about the base from: Officials (either case), the Kremlin, Wire 0, Wire 1 and the outlet-less article.
    const [stats] = claimStatsFor(db, [base.id]);
    expect(stats).toEqual({ entityId: base.id, claims: 12, sources: 5, latest: '2025-01-03' });
    expect(countClaims(db, { about: base.id })).toBe(12);
  });

  it('follow a merge: moved claims, and claims whose source actor was merged', () => {
    const { moscow, kremlin, residents } = seed();
    mergeEntities(db, moscow.id, kremlin.id);
    expectStatsMatchRecount(db);
    mergeEntities(db, moscow.id, residents.id);
    expectStatsMatchRecount(db);
  });

  it('follow deletions that cascade, and changed outlets and sources', () => {
    const { articles, kremlin } = seed();
    db.sqlite.prepare('delete from articles where id = ?').run(articles[0]!.id);
    expectStatsMatchRecount(db);
    db.sqlite.prepare('update articles set outlet = ? where id = ?').run('Wire 0', articles[2]!.id);
    expectStatsMatchRecount(db);
    db.sqlite.prepare("update claims set source_text = 'Residents' where source_text = 'Officials'").run();
    expectStatsMatchRecount(db);
    // Deleting the source actor sets its claims' source to null (foreign key), re-keying them by their words.
    db.sqlite.prepare('delete from entities where id = ?').run(kremlin.id);
    expectStatsMatchRecount(db);
    db.sqlite.prepare('delete from claims').run();
    expect(kept(db.sqlite)).toEqual([]);
    expect(db.sqlite.prepare('select count(*) as n from entity_sources').get()).toEqual({ n: 0 });
  });

  it('are filled in for claims written before the counts existed', () => {
    const old = join(dir, 'old-migrations');
    cpSync(MIGRATIONS_FOLDER, old, { recursive: true });
    const journalFile = join(old, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: Array<{ tag: string }> };
    journal.entries = journal.entries.filter((e) => e.tag < '0002');
    writeFileSync(journalFile, JSON.stringify(journal));
    const file = join(dir, 'old.sqlite');
    const raw = new Database(file);
    migrate(drizzle(raw), { migrationsFolder: old });
    raw.exec(`insert into entities (id, kind, name) values (1, 'actor', 'A'), (2, 'installation', 'B');
      insert into articles (id, title, published_at, outlet, text, word_count, content_hash)
        values (1, 't', '2025-02-02', 'W', 'x y', 2, 'h');
      insert into claims (id, article_id, quote, start, "end", source_text, source_actor_id, stance, said_on) values
        (1, 1, 'x', 0, 1, 'Some Aides', null, 'affirms', '2025-02-02'),
        (2, 1, 'y', 2, 3, null, 1, 'affirms', '2025-02-02'),
        (3, 1, 'x', 0, 1, null, null, 'affirms', '2025-02-03');
      insert into claim_about (claim_id, entity_id, role, said_on) values (1, 2, 'subject', '2025-02-02'),
        (2, 2, 'subject', '2025-02-02'), (3, 2, 'subject', '2025-02-03'), (3, 1, 'object', '2025-02-03');`);
    raw.close();
    // Opening applies the newer migrations, which key the old claims and count them.
    const upgraded = openDatabase(file);
    try {
      expectStatsMatchRecount(upgraded);
      expect(claimStatsFor(upgraded, [1, 2])).toEqual([
        { entityId: 1, claims: 1, sources: 1, latest: '2025-02-03' },
        { entityId: 2, claims: 3, sources: 3, latest: '2025-02-03' },
      ]);
    } finally {
      upgraded.close();
    }
  });
});
