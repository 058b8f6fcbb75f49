import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { type SitrepDatabase, openDatabase } from '@sitrep/db';
import { seedDemo } from '@sitrep/demo-data';
import { type RunningServer, type ServerPlugin, type SitrepYogaOptions, startServer } from '@sitrep/server';

/**
 * The fast path's two ways of answering, for describe.each: with Sitrep's plugins alone it runs a
 * plan by itself; with a plugin added (here one that only looks), it runs envelop's phases
 * through Yoga's orchestrator.
 */
export const FAST_PATH_ROUTES: Array<[string, ServerPlugin[]]> = [
  ['with Sitrep’s plugins alone', []],
  ['with a plugin added', [{ onExecute: () => {} }]],
];

/** One demo database served twice on 127.0.0.1: with the fast path, and by Yoga alone. */
export interface ServedTwice {
  db: SitrepDatabase;
  fast: RunningServer;
  yoga: RunningServer;
  dispose(): Promise<void>;
}

export async function serveTwice(options: Omit<SitrepYogaOptions, 'db' | 'fastPath'> = {}): Promise<ServedTwice> {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-fast-path-'));
  const db = openDatabase(join(dir, 'sitrep.db'));
  seedDemo(db);
  const at = { port: 0, host: '127.0.0.1', ...options, db };
  const fast = await startServer({ ...at, fastPath: true });
  const yoga = await startServer({ ...at, fastPath: false });
  return {
    db,
    fast,
    yoga,
    async dispose() {
      await Promise.all([fast.close(), yoga.close()]);
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Answer {
  status: number;
  /** The headers a client acts on; Date and Connection aside. */
  type: string | null;
  cors: string | null;
  body: string;
}

export const JSON_POST = { 'content-type': 'application/json', accept: 'application/json' };

/** POSTs `body` as it is, over real HTTP. */
export async function ask(url: string, body: string | ReadableStream, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { ...JSON_POST, ...headers },
    body,
    ...(typeof body === 'string' ? {} : { duplex: 'half' }),
  } as RequestInit);
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    cors: response.headers.get('access-control-allow-origin'),
    body: await response.text(),
  } satisfies Answer;
}

/** Yoga compiles a document the second time it runs it; the third request takes the fast path. */
export const REPEATS = 3;

/**
 * Sends the same request REPEATS times to both servers and expects the same status, content type,
 * CORS header and body from each every time; returns the last answer.
 */
export async function askBoth(served: ServedTwice, body: string, headers: Record<string, string> = {}) {
  let last: Answer | undefined;
  for (let i = 0; i < REPEATS; i++) {
    const [fast, yoga] = await Promise.all([ask(served.fast.url, body, headers), ask(served.yoga.url, body, headers)]);
    expect(fast, `request ${i + 1}: ${body.slice(0, 120)}`).toEqual(yoga);
    last = fast;
  }
  return last!;
}
