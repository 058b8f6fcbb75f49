import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EntityRow, type SitrepDatabase, findEntityByAlias, openDatabase } from '@sitrep/db';
import { seedDemo } from '@sitrep/demo-data';
import { type IngestResult, ingestArticle } from '@sitrep/ingest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Our own wire-style report: known names in other spellings (Khmeimim, Tartous, Moscow, the Kremlin,
// Damascus) and a person and a research group nobody has heard of.
const ARTICLE = `date 2025-03-04 LATAKIA: Russian transport aircraft left the Khmeimim air base on Monday, two Syrian officials said, as Moscow weighs the future of the Tartous naval base.

“The flights are taking equipment to Libya,” said Marek Vollander, a director at the Baltic Shipping Monitor, a research group that tracks vessels in the Mediterranean.

The Kremlin said talks with Damascus on the bases were continuing and denied that Russia was leaving Syria.

A Russian source said the ships at the Tartous naval base were likely to stay until the summer. Khmeimim remained open to flights, the source added.
`;

interface MentionDbRow {
  start: number;
  end: number;
  text: string;
  entity_id: number;
}
interface ClaimDbRow {
  id: number;
  quote: string;
  start: number;
  end: number;
  source_text: string | null;
  source_actor_id: number | null;
  stance: string;
  hedged: number;
  said_on: string;
  review_status: string;
}

const dir = mkdtempSync(join(tmpdir(), 'sitrep-ingest-'));
let db: SitrepDatabase;
let result: IngestResult;
/** The demo entities a name resolved to before the article came in. */
const known = new Map<string, EntityRow>();
let entitiesBefore: Set<number>;

const count = (table: string) => (db.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
const idOf = (name: string) => {
  const entity = known.get(name);
  if (!entity) throw new Error(`${name} is not a demo name`);
  return entity.id;
};

beforeAll(() => {
  db = openDatabase(join(dir, 'sitrep.db'));
  seedDemo(db);
  for (const name of ['Khmeimim', 'Tartous', 'Moscow', 'the Kremlin', 'Damascus', 'Libya']) {
    const entity = findEntityByAlias(db, name);
    if (!entity) throw new Error(`the demo data no longer knows ${name}`);
    known.set(name, entity);
  }
  entitiesBefore = new Set(
    (db.sqlite.prepare('select id from entities').all() as Array<{ id: number }>).map((row) => row.id),
  );
  result = ingestArticle(db, { text: ARTICLE });
});

afterAll(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

const mentionsOf = (articleId: number) =>
  db.sqlite
    .prepare('select start, "end", text, entity_id from mentions where article_id = ? order by start')
    .all(articleId) as MentionDbRow[];
const claimsOf = (articleId: number) =>
  db.sqlite.prepare('select * from claims where article_id = ? order by start').all(articleId) as ClaimDbRow[];
const aboutOf = (claimId: number) =>
  (
    db.sqlite.prepare('select entity_id from claim_about where claim_id = ?').all(claimId) as Array<{
      entity_id: number;
    }>
  )
    .map((row) => row.entity_id)
    .sort((a, b) => a - b);

describe('ingestArticle on a seeded database', () => {
  it('stores the article whole, with the date and dateline of its first line', () => {
    const stored = db.sqlite.prepare('select * from articles where id = ?').get(result.article.id) as {
      text: string;
      published_at: string;
      dateline: string;
    };
    expect(stored.text).toBe(ARTICLE);
    expect(stored.published_at).toBe('2025-03-04');
    expect(stored.dateline).toBe('LATAKIA');
    expect(result.article.title).toMatch(/^Russian transport aircraft left the Khmeimim air base/);
  });

  it('links the names the demo data knows to its entities, in whatever spelling', () => {
    const linkedTo = (text: string) =>
      mentionsOf(result.article.id)
        .filter((m) => m.text === text)
        .map((m) => m.entity_id);
    expect(linkedTo('Khmeimim air base')).toEqual([idOf('Khmeimim')]);
    expect(linkedTo('Khmeimim')).toEqual([idOf('Khmeimim')]);
    expect(linkedTo('Tartous naval base')).toEqual([idOf('Tartous'), idOf('Tartous')]);
    expect(linkedTo('Moscow')).toEqual([idOf('Moscow')]);
    expect(linkedTo('Kremlin')).toEqual([idOf('the Kremlin')]);
    expect(linkedTo('Damascus')).toEqual([idOf('Damascus')]);
    expect(linkedTo('Libya')).toEqual([idOf('Libya')]);
  });

  it('makes no second Hmeimim or Tartus: nothing known is created again', () => {
    const installations = db.sqlite
      .prepare("select name from entities where kind = 'installation' and (name like '%meimim%' or name like '%artu%')")
      .all();
    expect(installations).toEqual([{ name: 'Hmeimim Air Base' }, { name: 'Tartus naval facility' }]);
    for (const entity of known.values()) expect(result.createdEntities.map((e) => e.id)).not.toContain(entity.id);
    expect(count('entities')).toBe(entitiesBefore.size + result.createdEntities.length);
  });

  it('creates the new person and organisation, returns them in createdEntities, and resolves their names', () => {
    const created = result.createdEntities.map((e) => ({ name: e.name, kind: e.kind, actorType: e.actorType }));
    expect(created).toEqual(
      expect.arrayContaining([
        { name: 'Marek Vollander', kind: 'actor', actorType: 'person' },
        { name: 'Baltic Shipping Monitor', kind: 'actor', actorType: 'organization' },
      ]),
    );
    for (const entity of result.createdEntities) {
      expect(entitiesBefore.has(entity.id)).toBe(false);
      expect(findEntityByAlias(db, entity.name)?.id).toBe(entity.id);
    }
    // Both are mentioned where the text names them.
    const vollander = result.createdEntities.find((e) => e.name === 'Marek Vollander')!;
    expect(mentionsOf(result.article.id).filter((m) => m.entity_id === vollander.id)).toEqual([
      expect.objectContaining({ text: 'Marek Vollander', start: ARTICLE.indexOf('Marek Vollander') }),
    ]);
  });

  it('stores every mention with the text the article has at its offsets', () => {
    const mentions = mentionsOf(result.article.id);
    expect(mentions).toHaveLength(result.mentions);
    expect(mentions.length).toBeGreaterThanOrEqual(10);
    for (const m of mentions) expect(m.text).toBe(ARTICLE.slice(m.start, m.end));
  });

  it('stores the claims for review, with their quotes at their offsets and the article date', () => {
    const claims = claimsOf(result.article.id);
    expect(claims.map((c) => c.id)).toEqual(result.claims.map((c) => c.id).sort((a, b) => a - b));
    expect(claims.length).toBeGreaterThanOrEqual(3);
    for (const claim of claims) {
      expect(claim.review_status).toBe('extracted');
      expect(claim.said_on).toBe('2025-03-04');
      expect(claim.quote).toBe(ARTICLE.slice(claim.start, claim.end));
      expect(aboutOf(claim.id).length).toBeGreaterThan(0);
    }
  });

  it('links each claim to its source actor and the entities it is about', () => {
    const claims = claimsOf(result.article.id);
    // "The Kremlin said A and denied that B": two statements of one source, the second a denial.
    const kremlin = claims.find((c) => c.source_text === 'The Kremlin' && /Russia was leaving Syria$/.test(c.quote));
    expect(kremlin).toMatchObject({ source_actor_id: idOf('the Kremlin'), stance: 'denies' });
    expect(claims.find((c) => c.source_text === 'The Kremlin' && /continuing$/.test(c.quote))).toMatchObject({
      stance: 'affirms',
    });
    expect(aboutOf(kremlin!.id)).toEqual(expect.arrayContaining([idOf('Moscow'), idOf('Damascus')]));

    const russianSource = claims.find((c) => c.source_text === 'A Russian source');
    expect(russianSource).toMatchObject({ source_actor_id: idOf('Moscow'), hedged: 1 });
    expect(russianSource!.quote).toMatch(/likely to stay until the summer$/);
    expect(aboutOf(russianSource!.id)).toContain(idOf('Tartous'));

    // Every source actor and every about row points at an entity that exists.
    const dangling = db.sqlite
      .prepare(
        `select c.id from claims c left join entities e on e.id = c.source_actor_id
         where c.article_id = ? and c.source_actor_id is not null and e.id is null
         union all
         select a.claim_id from claim_about a join claims c on c.id = a.claim_id left join entities e on e.id = a.entity_id
         where c.article_id = ? and e.id is null`,
      )
      .all(result.article.id, result.article.id);
    expect(dangling).toEqual([]);
  });
});
