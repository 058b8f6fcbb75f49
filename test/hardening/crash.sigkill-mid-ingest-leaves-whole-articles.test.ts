import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSitrep, startSitrep } from '../helpers';
import { expectWholeOrAbsent } from './article-wholeness';
import { type Acknowledged, ingestOverHttp } from './ingest-client';
import { type ExpectedRows, expectedRows, wireArticle } from './wire-articles';

const ARTICLES = 72;
const CLIENTS = 4;
/** Acknowledged ingests (counted over the whole run) after which the server is killed. */
const KILL_AFTER = [6, 27, 50];

const dir = mkdtempSync(join(tmpdir(), 'sitrep-crash-'));
const dbFile = join(dir, 'crash.db');
const articles = Array.from({ length: ARTICLES }, (_, n) => wireArticle(1000 + n));
let expected: ExpectedRows[];
let token: string;

beforeAll(async () => {
  expected = await expectedRows(articles);
  const created = runSitrep([
    'token',
    'create',
    '--scope',
    'write',
    '--name',
    'crash test',
    '--db',
    dbFile,
    '--create',
  ]);
  expect(created.status, created.stderr).toBe(0);
  token = created.stdout.trim();
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a server killed with SIGKILL in the middle of a bulk ingest', () => {
  it('leaves every article whole or absent, and loses none it acknowledged', { timeout: 180_000 }, async () => {
    const acknowledged = new Map<number, Acknowledged>();
    const queue = articles.map((_, n) => n);
    const figures = { requests: 0, acknowledged: 0, lost: 0, conflictsAfterRestart: 0, kills: 0 };
    const unexpected: string[] = [];

    for (let round = 0; round <= KILL_AFTER.length; round++) {
      const killAfter = KILL_AFTER[round];
      const server = startSitrep(['serve', '--db', dbFile, '--port', '0']);
      const [, url] = await server.waitFor(/GraphiQL and the API: (\S+)/);
      const lostThisRound: number[] = [];
      let killed = false;

      const client = async () => {
        for (let n = queue.shift(); n !== undefined; n = queue.shift()) {
          figures.requests += 1;
          const outcome = await ingestOverHttp(url!, token, articles[n]!.text);
          if (outcome.kind === 'lost') {
            lostThisRound.push(n);
            return; // the server is gone; the others notice on their own
          }
          if (outcome.kind === 'acknowledged') {
            acknowledged.set(n, outcome.stored);
            figures.acknowledged += 1;
            if (killAfter !== undefined && figures.acknowledged >= killAfter && !killed) {
              killed = true;
              server.child.kill('SIGKILL');
            }
          } else if (outcome.code === 'CONFLICT') {
            figures.conflictsAfterRestart += 1; // stored before a kill, its answer lost: present, checked below
          } else {
            unexpected.push(`article ${n}: ${outcome.code} ${outcome.message}`);
          }
        }
      };
      await Promise.all(Array.from({ length: CLIENTS }, client));

      if (killAfter !== undefined) {
        expect(killed, `round ${round} ended before ${killAfter} acknowledgements`).toBe(true);
        await server.exited;
        figures.kills += 1;
        figures.lost += lostThisRound.length;
        expectWholeOrAbsent(dbFile, articles, expected, acknowledged);
        queue.unshift(...lostThisRound); // sent again after the restart: stored (CONFLICT) or not
      } else {
        server.child.kill('SIGTERM');
        expect(await server.exited).toBe(0);
      }
    }

    expect(unexpected).toEqual([]);
    const present = expectWholeOrAbsent(dbFile, articles, expected, acknowledged);
    expect(present.size).toBe(ARTICLES);
    expect(figures.acknowledged + figures.conflictsAfterRestart).toBe(ARTICLES);
    expect(figures.kills).toBe(KILL_AFTER.length);
    expect(figures.lost).toBeGreaterThan(0);
    console.info(`crash test: ${JSON.stringify(figures)}`);
  });
});
