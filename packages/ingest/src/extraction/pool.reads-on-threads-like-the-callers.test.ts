import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bulkLoad, createEntity, openDatabase } from '@sitrep/db';
import { SitrepError } from '@sitrep/vocabulary';
import { afterAll, describe, expect, it } from 'vitest';
import { wordsKey } from '@sitrep/corroborate';
import { prepareArticle, storeArticle } from '../ingest-article';
import { readClaimsAhead } from '../statements/read-ahead';
import { DEFAULT_EXTRACTION, ExtractionPool } from './pool';

// The threads run from the TypeScript sources here (worker-from-source.mjs); the built command's
// compiled copy is what the server tests and the editor tests exercise.

const dir = mkdtempSync(join(tmpdir(), 'sitrep-pool-'));
const db = openDatabase(join(dir, 'kb.db'));
const qarvani = createEntity(db, { kind: 'installation', name: 'Qarvani Air Base', installationType: 'air base' }, [
  'Qarvani',
]);
const pools: ExtractionPool[] = [];
const poolWith = (policy: Partial<typeof DEFAULT_EXTRACTION>) => {
  const pool = new ExtractionPool({ ...DEFAULT_EXTRACTION, threads: 1, ...policy });
  pools.push(pool);
  return pool;
};
afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.close()));
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const ARTICLE = {
  text: 'date 2025-03-02 LATAKIA: Two officials said on Sunday that transport aircraft had left Qarvani, the base near the coast.',
};

describe('ExtractionPool', () => {
  it('reads an article on a thread exactly as the calling thread does, linking the names the database knows', async () => {
    const { readings, ...prepared } = await poolWith({}).prepare(db, ARTICLE);
    expect(prepared).toEqual(prepareArticle(db, ARTICLE));
    expect(prepared.extraction.entities.find((e) => e.known === String(qarvani.id))).toBeDefined();
    expect(readings).toEqual(readClaimsAhead(prepared.extraction, '2025-03-02'));
  }, 60_000);

  it('reads each claim’s words with the article, under the key storing looks its claims up by', async () => {
    const input = {
      text: 'date 2025-03-04 TARTUS: A port official said on Monday that two frigates had left Qarvani. Officials denied that the base would close.',
    };
    const prepared = await poolWith({}).prepare(db, input);
    const { claims } = storeArticle(db, prepared);
    expect(claims.length).toBeGreaterThanOrEqual(2);
    for (const claim of claims) expect(prepared.readings?.has(wordsKey(claim)), claim.quote).toBe(true);
  }, 60_000);

  it('reads no claim’s words for a bulk load, which reads them when it groups its claims, at its end', async () => {
    const bulk = openDatabase(join(dir, 'bulk.db'));
    try {
      await bulkLoad(bulk, async () => {
        const input = { text: 'date 2025-03-05 TARTUS: Officials said that two frigates had left Qarvani.' };
        const prepared = await poolWith({}).prepare(bulk, input);
        expect(prepared.extraction.claims.length).toBeGreaterThan(0);
        expect(prepared.readings).toBeUndefined();
      });
    } finally {
      bulk.close();
    }
  }, 60_000);

  it('passes an expected failure back with its code and message', async () => {
    const failure = await poolWith({})
      .prepare(db, { text: 'date 2025-02-30 LATAKIA: Officials said the base was empty.', file: 'notes/feb.txt' })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SitrepError);
    expect(failure).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('notes/feb.txt') });
  }, 60_000);

  it('fails the articles waiting for a thread that dies as it starts, then starts a new one', async () => {
    // 2 MB of heap: the thread runs out of memory loading its code, before it takes an article.
    const pool = poolWith({ threadHeapMb: 2 });
    const failure = await pool.prepare(db, ARTICLE).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    pool.policy.threadHeapMb = DEFAULT_EXTRACTION.threadHeapMb;
    expect((await pool.prepare(db, ARTICLE)).extraction.claims.length).toBeGreaterThan(0);
  }, 60_000);

  it('stops an article past its time limit, and reads the next one', async () => {
    const pool = poolWith({ timeoutMs: 5 });
    const failure = await pool.prepare(db, ARTICLE).catch((error: unknown) => error);
    expect(failure).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: expect.stringMatching(/took longer than 0\.005 s to read, the server's limit; nothing was stored/),
    });
    pool.policy.timeoutMs = 60_000;
    expect((await pool.prepare(db, ARTICLE)).extraction.claims.length).toBeGreaterThan(0);
  }, 60_000);
});
