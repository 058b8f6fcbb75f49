import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSitrep } from '../helpers';
import { expectWholeOrAbsent } from './article-wholeness';
import { crashWhileIngesting } from './crash-run';
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
    const figures = await crashWhileIngesting({
      db: dbFile,
      token,
      articles,
      clients: CLIENTS,
      killAfter: KILL_AFTER,
      check: (acknowledged) => expectWholeOrAbsent(dbFile, articles, expected, acknowledged).size,
    });
    expect(figures.unexpected).toEqual([]);
    expect(figures.present).toBe(ARTICLES);
    expect(figures.acknowledged + figures.conflictsAfterRestart).toBe(ARTICLES);
    expect(figures.kills).toBe(KILL_AFTER.length);
    expect(figures.lost).toBeGreaterThan(0);
    console.info(`crash test: ${JSON.stringify(figures)}`);
  });
});
