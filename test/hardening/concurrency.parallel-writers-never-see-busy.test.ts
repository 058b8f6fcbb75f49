import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@sitrep/db';
import { demoReports } from '@sitrep/demo-data';
import { afterAll, describe, expect, it } from 'vitest';
import { type GraphQLResponse, runSitrep, startSitrep } from '../helpers';
import { wireArticle } from './wire-articles';

const WRITERS = 8;
/** Each writer goes on until the other process is done, at least this many and at most MAX_WRITES. */
const MIN_WRITES = 16;
const MAX_WRITES = 400;
const READERS = 8;
/**
 * Reports a second process (`sitrep ingest`) stores into the same file meanwhile: enough for
 * several of its grouped commits (64 articles each), so the server's writers get turns between
 * them however fast the machine (24 fitted in one commit on a fast one, leaving none).
 */
const CLI_ARTICLES = 200;

const dir = mkdtempSync(join(tmpdir(), 'sitrep-load-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const READS = [
  '{ entity(name: "Tartous") { name claims(first: 5) { totalCount edges { node { quote } } } } }',
  '{ search(query: "air base", first: 10) { totalCount edges { node { snippet } } } }',
  '{ articles(first: 20) { totalCount edges { node { title wordCount } } } }',
  '{ entities(filter: { nameContains: "load" }) { totalCount } }',
];

describe('many writers and readers at once', () => {
  it('no request fails with a busy database, and the counts at the end are exact', { timeout: 120_000 }, async () => {
    const dbFile = join(dir, 'load.db');
    const folder = join(dir, 'reports');
    mkdirSync(folder);
    for (let n = 0; n < CLI_ARTICLES; n++) writeFileSync(join(folder, `${n}.txt`), wireArticle(500 + n).text);
    const token = runSitrep(['token', 'create', '--scope', 'write', '--db', dbFile, '--create']).stdout.trim();
    const server = startSitrep(['serve', '--db', dbFile, '--port', '0']);
    const failures: string[] = [];
    let requests = 0;
    let writes = 0;
    const stored = { actors: 0, notes: 0 };
    let cliDone = false;
    let writersDone = false;
    try {
      const [, url] = await server.waitFor(/GraphiQL and the API: (\S+)/);
      const send = async (query: string, variables: Record<string, unknown> = {}, bearer?: string) => {
        requests += 1;
        const response = await fetch(url!, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(bearer && { authorization: `Bearer ${bearer}` }) },
          body: JSON.stringify({ query, variables }),
          signal: AbortSignal.timeout(30_000),
        });
        const body = (await response.json()) as GraphQLResponse;
        const ok = response.status === 200 && !body.errors;
        if (!ok) failures.push(`${response.status} ${JSON.stringify(body.errors)}`);
        return ok;
      };
      const CREATE_ACTOR = 'mutation($n: String!) { createActor(input: { name: $n }) { actor { id } } }';
      const CREATE_ARTICLE =
        'mutation($input: CreateArticleInput!) { createArticle(input: $input) { article { id } } }';
      const writer = async (w: number) => {
        for (let i = 0; i < MIN_WRITES || (!cliDone && i < MAX_WRITES); i++) {
          writes += 1;
          if (i % 2 === 0) {
            if (await send(CREATE_ACTOR, { n: `Load Actor ${w}x${i}` }, token)) stored.actors += 1;
          } else {
            const text = `Writer ${w} filed note ${i}: the convoy passed the checkpoint at dawn.`;
            const input = { title: `Note ${w}.${i}`, publishedAt: '2025-04-01', text };
            if (await send(CREATE_ARTICLE, { input }, token)) stored.notes += 1;
          }
        }
      };
      const reader = async (r: number) => {
        for (let i = 0; !writersDone; i++) await send(READS[(r + i) % READS.length]!);
      };
      const cli = startSitrep(['ingest', folder, '--db', dbFile]);
      const writers = Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w))).finally(
        () => (writersDone = true),
      );
      await Promise.all([
        writers,
        ...Array.from({ length: READERS }, (_, r) => reader(r)),
        cli.exited.then((code) => {
          cliDone = true;
          expect(code, cli.output().stderr).toBe(0);
        }),
      ]);
    } finally {
      server.child.kill('SIGTERM');
    }
    expect(await server.exited).toBe(0);
    expect(failures).toEqual([]);
    expect(server.output().stderr).not.toMatch(/SQLITE_BUSY|database is locked|Unexpected error/i);
    console.info(`concurrency test: ${requests} requests (${writes} writes) beside ${CLI_ARTICLES} ingests`);

    const db = openDatabase(dbFile, { readonly: true });
    try {
      const count = (sql: string) => (db.sqlite.prepare(sql).get() as { n: number }).n;
      expect(stored.actors + stored.notes).toBe(writes);
      expect(count("select count(*) n from entities where name like 'Load Actor %'")).toBe(stored.actors);
      expect(count("select count(*) n from articles where title like 'Note %'")).toBe(stored.notes);
      expect(count("select count(*) n from articles where text like 'date %convoy number%'")).toBe(CLI_ARTICLES);
      expect(count('select count(*) n from articles')).toBe(demoReports.length + stored.notes + CLI_ARTICLES);
      expect(db.sqlite.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
      // The two processes really wrote at the same time: notes landed between the other's reports.
      const interleaved = count(
        `select count(*) n from articles where title like 'Note %' and id between
           (select min(id) from articles where text like '%convoy number%') and (select max(id) from articles where text like '%convoy number%')`,
      );
      expect(interleaved).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  });
});
