import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, openPostgres } from '@sitrep/db';
import { type Health, type RunningServer, postgresServerStore, startServer } from '@sitrep/server';
import { afterAll, describe, expect, it } from 'vitest';
import { postgresDatabase } from '../helpers/postgres';

/*
 * GET /health over real HTTP: which database a server answers from, whether it answered, and its
 * migrations; 503 when it does not answer, naming why without a password.
 */

const url = await postgresDatabase('GET /health');
const dir = mkdtempSync(join(tmpdir(), 'sitrep-health-'));
const running: RunningServer[] = [];
const closing: Array<() => Promise<void> | void> = [];

afterAll(async () => {
  await Promise.all(running.map((server) => server.close()));
  for (const close of closing) await close();
  rmSync(dir, { recursive: true, force: true });
});

async function health(server: RunningServer): Promise<{ status: number; body: Health; type: string | null }> {
  const response = await fetch(new URL('/health', server.url));
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    body: (await response.json()) as Health,
  };
}

describe('GET /health', () => {
  it('on SQLite: ok, reachable, every migration applied', async () => {
    const db = openDatabase(join(dir, 'kb.db'));
    closing.push(() => db.close());
    const server = await startServer({ db, port: 0 });
    running.push(server);
    const { status, body, type } = await health(server);
    expect([status, type]).toEqual([200, 'application/json']);
    expect(body.database.schema!.applied).toBe(body.database.schema!.shipped);
    expect(body).toMatchObject({ status: 'ok', database: { kind: 'sqlite', reachable: true } });
  });

  it.skipIf(!url)(
    'on PostgreSQL: ok while it answers; 503, unreachable and why, without the password, when not',
    async () => {
      const pg = await openPostgres(url!);
      closing.push(() => pg.close());
      const server = await startServer({ store: postgresServerStore(pg), port: 0 });
      running.push(server);
      const up = await health(server);
      expect(up.status).toBe(200);
      expect(up.body).toMatchObject({
        status: 'ok',
        database: { kind: 'postgres', reachable: true, schema: { upToDate: true } },
      });

      // Nothing listens on port 1: the pool opens lazily, so the server starts and its health says so.
      const gone = await openPostgres('postgres://me:secret@127.0.0.1:1/kb', { migrate: false, max: 1 });
      closing.push(() => gone.close());
      const down = await startServer({ store: postgresServerStore(gone), port: 0 });
      running.push(down);
      const answer = await health(down);
      expect(answer.status).toBe(503);
      expect(answer.body).toMatchObject({
        status: 'unavailable',
        database: { kind: 'postgres', reachable: false, schema: null },
      });
      expect(answer.body.database.error).toEqual(expect.any(String));
      expect(JSON.stringify(answer.body)).not.toContain('secret');
    },
  );
});
