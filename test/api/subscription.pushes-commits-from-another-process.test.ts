import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type SitrepDatabase, openDatabase } from '@sitrep/db';
import { seedDemo } from '@sitrep/demo-data';
import { type RunningServer, startServer } from '@sitrep/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSitrep } from '../helpers/cli';
import { subscribeOverSse, untilListening } from '../helpers/sse';

let dir: string;
let file: string;
let db: SitrepDatabase;
let server: RunningServer;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-subscription-'));
  file = join(dir, 'sitrep.db');
  db = openDatabase(file);
  seedDemo(db);
  server = await startServer({ db, port: 0 });
});
afterAll(async () => {
  await server.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const subscribe = (query: string, variables: Record<string, unknown> = {}) =>
  subscribeOverSse(server.url, query, variables);

function note(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, `${text}\n`);
  return path;
}

interface Change {
  data: {
    knowledgeChanged: { newClaims: number; articles: Array<{ outlet: string }>; entities: Array<{ name: string }> };
  };
}

const TARTUS_ID = () =>
  Buffer.from(
    `Installation:${db.sqlite.prepare("select id from entities where name = 'Tartus naval facility'").pluck().get() as number}`,
  ).toString('base64');

describe('subscriptions over Server-Sent Events', { timeout: 60_000 }, () => {
  it('tell a client what `sitrep ingest` in another process added, within two seconds', async () => {
    const client = subscribe(
      'subscription { knowledgeChanged { newClaims articles { title outlet } entities { name } } }',
    );
    await untilListening(() => server.changes.listeners);
    const run = runSitrep([
      'ingest',
      note('halm.txt', 'Teodor Halm said Russian ships had left Tartous on Monday.'),
      '--db',
      file,
      '--date',
      '2025-02-03',
      '--outlet',
      'Desk notes',
    ]);
    expect(run.status, run.stderr).toBe(0);
    const stored = Date.now();
    let change: {
      data: {
        knowledgeChanged: { newClaims: number; articles: Array<{ outlet: string }>; entities: Array<{ name: string }> };
      };
    } | null = null;
    // The first change heard is the ingest's: opening an up-to-date database commits nothing.
    change = (await client.next(2_000)) as Change | null;
    expect(Date.now() - stored).toBeLessThan(2_000);
    expect(change?.data.knowledgeChanged.articles).toEqual([{ title: expect.any(String), outlet: 'Desk notes' }]);
    expect(change?.data.knowledgeChanged.newClaims).toBeGreaterThan(0);
    expect(change?.data.knowledgeChanged.entities.map((e) => e.name)).toContain('Tartus naval facility');
    expect(client.contentType()).toMatch(/^text\/event-stream/);
    await client.close();
  });

  it('tell a client watching one entity only of commits about it', async () => {
    const client = subscribe('subscription($id: ID!) { entityChanged(id: $id) { name claimStats { claims } } }', {
      id: TARTUS_ID(),
    });
    await untilListening(() => server.changes.listeners);
    expect(
      runSitrep([
        'ingest',
        note('qarawi.txt', 'Syrian officials said the talks in Damascus had ended.'),
        '--db',
        file,
        '--date',
        '2025-02-04',
      ]).status,
    ).toBe(0);
    expect(await client.next(1_500)).toBeNull();
    const before = db.sqlite
      .prepare(
        "select claims from entity_claim_stats s join entities e on e.id = s.entity_id where e.name = 'Tartus naval facility'",
      )
      .pluck()
      .get() as number;
    expect(
      runSitrep([
        'ingest',
        note('berth.txt', 'Port workers said a Russian frigate had docked at Tartous.'),
        '--db',
        file,
        '--date',
        '2025-02-05',
      ]).status,
    ).toBe(0);
    const event = (await client.next(2_000)) as {
      data: { entityChanged: { name: string; claimStats: { claims: number } } };
    } | null;
    // Loaded after the commit: the count the event carries includes the new claim.
    const now = db.sqlite
      .prepare(
        "select claims from entity_claim_stats s join entities e on e.id = s.entity_id where e.name = 'Tartus naval facility'",
      )
      .pluck()
      .get() as number;
    expect(now).toBeGreaterThan(before);
    expect(event?.data.entityChanged).toEqual({ name: 'Tartus naval facility', claimStats: { claims: now } });
    expect(client.contentType()).toMatch(/^text\/event-stream/);
    await client.close();
  });
});
