import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type SitrepDatabase, addAlias, aliasTotals, findEntityByAlias, openDatabase } from '@sitrep/db';
import { seedDemo } from '@sitrep/demo-data';
import {
  type ArticleInput,
  type ArticleOutcome,
  ExtractionPool,
  INGEST_EXTRACTION,
  ingestArticles,
  ingestArticlesAhead,
  knowledgeOf,
  prepareArticle,
} from '@sitrep/ingest';
import { afterAll, describe, expect, it } from 'vitest';
import { requireCorpus } from '../helpers/corpus';
import { type Row, knowledgeBase } from '../helpers/knowledge-base';

/**
 * `sitrep ingest` reads each article on an extraction thread while the ones before it are stored
 * (ingestArticlesAhead). The thread reads with the names the batch began with, as the one-thread
 * ingestArticles does, so the two leave the same database: the same entities made, the same
 * mentions linked, the same claims grouped into the same statements.
 */

const dir = mkdtempSync(join(tmpdir(), 'sitrep-ahead-'));
const opened: SitrepDatabase[] = [];
afterAll(() => {
  for (const db of opened) db.close();
  rmSync(dir, { recursive: true, force: true });
});

function demoDatabase(name: string): SitrepDatabase {
  const db = openDatabase(join(dir, name));
  opened.push(db);
  seedDemo(db);
  return db;
}

const rowsOf = (db: SitrepDatabase) => knowledgeBase(async (query) => db.sqlite.prepare(query).all() as Row[]);

/** Both ways into two demo databases: the outcomes heard and the databases left. */
async function bothWays(name: string, inputs: readonly ArticleInput[]) {
  const sources = inputs.map((input) => () => input);
  const heard: Record<'ahead' | 'alone', Array<[number, ArticleOutcome['status']]>> = { ahead: [], alone: [] };
  const ahead = demoDatabase(`${name}-ahead.db`);
  const alone = demoDatabase(`${name}-alone.db`);
  // Small groups, so the thread reads while groups are committed and later articles meet names
  // the batch added.
  const limits = { articles: 5, millis: 60_000 };
  await ingestArticlesAhead(ahead, sources, (i, o) => heard.ahead.push([i, o.status]), limits);
  ingestArticles(alone, sources, (i, o) => heard.alone.push([i, o.status]), limits);
  return { heard, ahead: await rowsOf(ahead), alone: await rowsOf(alone) };
}

// Our own reports. The third names a base the demo does not know; later ones name it again, once
// its entity has been committed by the batch itself.
const report = (day: number, body: string): ArticleInput => ({
  text: `date 2025-04-${String(day).padStart(2, '0')} LATAKIA: ${body}\n`,
  file: `report-${day}.txt`,
});
const REPORTS = [
  report(1, 'Port officials said two cargo ships left the Latakia harbour on Monday.'),
  report(2, 'A spokesman for the Russian Defence Ministry said its aircraft remained at the Hmeimim air base.'),
  report(3, 'Two Syrian officers said Russian engineers had arrived at the Qarvani Air Base near Jableh.'),
  report(4, 'Residents said a convoy of trucks left Tartous for Qarvani on Wednesday.'),
  report(5, 'A Syrian official said the engineers at Qarvani were repairing the runway, not leaving.'),
  report(6, 'The Kremlin said no decision had been taken on the future of the Hmeimim air base.'),
  report(7, 'Satellite images appeared to show three transport aircraft at Qarvani on Friday.'),
  report(8, 'Two Russian frigates left Tartous on Saturday, a port official said.'),
  report(1, 'Port officials said two cargo ships left the Latakia harbour on Monday.'),
  { text: 'no date line here', file: 'undated.txt' },
  report(9, 'A Russian source denied that any frigate had left Tartous this week.'),
  report(10, 'Officials at Qarvani said four transport aircraft had landed there since Friday.'),
];

describe('ingestArticlesAhead', () => {
  it('hears the same outcomes, in order, and leaves the same database as ingestArticles', async () => {
    const { heard, ahead, alone } = await bothWays('reports', REPORTS);
    expect(heard.ahead).toEqual(heard.alone);
    expect(heard.ahead.map(([, status]) => status)).toEqual([
      ...Array<string>(8).fill('ingested'),
      'skipped',
      'failed',
      'ingested',
      'ingested',
    ]);
    // The base the batch itself added is made once, and later articles link to it.
    expect(ahead.entities.filter((e) => e.includes('"id":"installation:Qarvani'))).toHaveLength(1);
    for (const table of Object.keys(alone) as Array<keyof typeof alone>) {
      expect({ table, rows: ahead[table] }).toEqual({ table, rows: alone[table] });
    }
  }, 120_000);

  const corpus = requireCorpus('reading ahead on the news corpus');
  it.skipIf(!corpus)(
    'leaves the same statements and contradictions for the news corpus',
    async () => {
      const articles = join(corpus!, 'articles');
      const inputs = readdirSync(articles)
        .filter((f) => f.endsWith('.txt'))
        .sort()
        .map((file) => ({ text: readFileSync(join(articles, file), 'utf8'), file }));
      const { heard, ahead, alone } = await bothWays('corpus', inputs);
      expect(heard.ahead).toEqual(heard.alone);
      expect(ahead.statements.length).toBeGreaterThan(50);
      expect(ahead.conflicts.length).toBeGreaterThan(0);
      for (const table of Object.keys(alone) as Array<keyof typeof alone>) {
        expect({ table, rows: ahead[table] }).toEqual({ table, rows: alone[table] });
      }
    },
    300_000,
  );

  it('loses no article to a thread that fails: each is read on the calling thread instead', async () => {
    const db = demoDatabase('starved.db');
    const alone = demoDatabase('starved-alone.db');
    // A thread with 2 MB of heap runs out of memory before it reads anything.
    const starved = new ExtractionPool({ ...INGEST_EXTRACTION, threadHeapMb: 2 });
    const heard: Array<[number, ArticleOutcome['status']]> = [];
    const sources = REPORTS.map((input) => () => input);
    try {
      await ingestArticlesAhead(db, sources, (i, o) => heard.push([i, o.status]), undefined, starved);
    } finally {
      await starved.close();
    }
    const once: Array<[number, ArticleOutcome['status']]> = [];
    ingestArticles(alone, sources, (i, o) => once.push([i, o.status]));
    expect(heard).toEqual(once);
    expect(await rowsOf(db)).toEqual(await rowsOf(alone));
  }, 120_000);

  it('reads an article on the calling thread with the batch names when the thread can no longer see them', async () => {
    const db = demoDatabase('stale.db');
    const text = 'date 2025-05-02 LATAKIA: Two officials said transport aircraft landed at Humaymeem on Sunday.';
    const batch = { pin: { batch: 'one', names: aliasTotals(db) }, knowledge: knowledgeOf(db) };
    // A name committed after the batch began: the thread's connection sees it, the batch must not.
    addAlias(db, findEntityByAlias(db, 'Hmeimim Air Base')!.id, 'Humaymeem');
    const pool = new ExtractionPool(INGEST_EXTRACTION);
    try {
      const read = await pool.prepare(db, { text }, batch);
      expect(read).toEqual(prepareArticle(db, { text }, batch.knowledge));
      expect(read).not.toEqual(prepareArticle(db, { text }));
    } finally {
      await pool.close();
    }
  }, 60_000);
});
