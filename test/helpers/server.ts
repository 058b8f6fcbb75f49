import { afterAll, beforeAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type SitrepDatabase, createToken, openDatabase } from '@sitrep/db';
import { type TokenScope } from '@sitrep/vocabulary';
import { seedDemo } from '@sitrep/demo-data';
import { type RunningServer, type SitrepYogaOptions, startServer } from '@sitrep/server';

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: Array<{
    message: string;
    path?: Array<string | number>;
    extensions?: { code?: string } & Record<string, unknown>;
  }>;
}

export interface TestServer {
  url: string;
  dbFile: string;
  db: SitrepDatabase;
  /** SQL statements the server ran, in order; clear it between measurements. */
  statements: string[];
  /** POSTs a GraphQL request over real HTTP. */
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GraphQLResponse<T>>;
  token(scope: TokenScope): string;
  /** Subscriptions listening for commits now (0 while stopped). */
  changeListeners(): number;
  /** Stops the HTTP server and closes the database, keeping the file. */
  stop(): Promise<void>;
  /** Starts again on the same database file (a restart); on the same port with `samePort`. */
  restart(options?: { samePort?: boolean }): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

export interface TestServerOptions extends Omit<SitrepYogaOptions, 'db'> {
  /** Load the demo data first. Default: true. */
  demo?: boolean;
}

/** A real server on 127.0.0.1 and a free port, over a fresh SQLite file in a temp folder. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-test-'));
  const dbFile = join(dir, 'sitrep.db');
  const statements: string[] = [];
  let db = openDatabase(dbFile, { onStatement: (sql) => statements.push(sql) });
  if (options.demo ?? true) seedDemo(db);
  const { demo: _demo, ...yogaOptions } = options;
  let running: RunningServer | null = await startServer({ db, port: 0, host: '127.0.0.1', ...yogaOptions });
  let url = running.url;

  const stop = async () => {
    await running?.close();
    running = null;
    db.close();
  };
  const server: TestServer = {
    get url() {
      return url;
    },
    dbFile,
    get db() {
      return db;
    },
    statements,
    async gql(query, variables, token) {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResponse<never>;
    },
    token: (scope) => createToken(db, scope, `test ${scope}`).secret,
    changeListeners: () => running?.changes.listeners ?? 0,
    stop,
    async restart(options = {}) {
      if (running) await stop();
      db = openDatabase(dbFile, { onStatement: (sql) => statements.push(sql) });
      // On the same port a client holding the address must reconnect; fetch's pooled keep-alive
      // sockets to the old server would fail the test's own next request, so by default a new one.
      const port = options.samePort ? Number(new URL(url).port) : 0;
      running = await startServer({ db, port, host: '127.0.0.1', ...yogaOptions });
      url = running.url;
    },
    async [Symbol.asyncDispose]() {
      if (running) await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return server;
}

/** The data of a response that must have succeeded; fails with the errors otherwise. */
export function dataOf<T>(response: GraphQLResponse<T>): T {
  if (response.errors?.length || !response.data) {
    throw new Error(`GraphQL errors: ${JSON.stringify(response.errors)}`);
  }
  return response.data;
}

/** The codes of a response's errors, e.g. ['BAD_USER_INPUT']. */
export const errorCodes = (response: GraphQLResponse<unknown>) =>
  (response.errors ?? []).map((e) => e.extensions?.code);

/**
 * A seeded test server for the whole file: started before its tests, disposed after them.
 * The returned object stands for the server once `beforeAll` has run.
 */
export function useTestServer(options: TestServerOptions = {}): TestServer {
  let current: TestServer | undefined;
  beforeAll(async () => {
    current = await startTestServer(options);
  });
  afterAll(() => current?.[Symbol.asyncDispose]());
  const server = (): TestServer => {
    if (!current) throw new Error('useTestServer: the server is used before beforeAll ran');
    return current;
  };
  return {
    get url() {
      return server().url;
    },
    get dbFile() {
      return server().dbFile;
    },
    get db() {
      return server().db;
    },
    get statements() {
      return server().statements;
    },
    gql: (query, variables, token) => server().gql(query, variables, token),
    token: (scope) => server().token(scope),
    changeListeners: () => server().changeListeners(),
    stop: () => server().stop(),
    restart: (options) => server().restart(options),
    [Symbol.asyncDispose]: () => server()[Symbol.asyncDispose](),
  };
}
