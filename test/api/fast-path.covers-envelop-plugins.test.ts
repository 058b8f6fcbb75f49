import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GraphQLError } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SitrepDatabase, openDatabase } from '@sitrep/db';
import { seedDemo } from '@sitrep/demo-data';
import { type RunningServer, type ServerPlugin, startServer } from '@sitrep/server';
import { HOVER_QUERY } from '@sitrep/vocabulary';
import { REPEATS, ask, askBoth, serveTwice } from '@sitrep/test';

// A plugin added to the server (logging, limits, metrics) must see the requests the fast path
// answers as it sees Yoga's. The fast path runs envelop's phases through Yoga's orchestrator;
// a plugin hooking into Yoga's own phases around them turns the fast path off.

const HOVER = (name: string) => JSON.stringify({ query: HOVER_QUERY, variables: { name } });
const PAGE = 'query($first: Int!) { claims(first: $first) { edges { node { quote } } } }';
const NAMES = ['Hmeimim', 'Tartus', 'al-Golani', 'the Kremlin', 'Russia', 'Nowhere Atlantis Outpost'];

/** Counts each envelop phase it is run for, and the variables each execution had. */
function countingPlugin() {
  const seen = { parse: 0, validate: 0, context: 0, execute: 0, executeDone: 0, variables: [] as unknown[] };
  const plugin: ServerPlugin = {
    onParse: () => void (seen.parse += 1),
    onValidate: () => void (seen.validate += 1),
    onContextBuilding: () => void (seen.context += 1),
    onExecute: ({ args }) => {
      seen.execute += 1;
      seen.variables.push(args.variableValues);
      return { onExecuteDone: () => void (seen.executeDone += 1) };
    },
  };
  return { plugin, seen };
}

let dir: string;
let db: SitrepDatabase;
const running: RunningServer[] = [];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-plugins-'));
  db = openDatabase(join(dir, 'sitrep.db'));
  seedDemo(db);
});
afterAll(async () => {
  await Promise.all(running.map((server) => server.close()));
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

async function serveWith(...plugins: ServerPlugin[]): Promise<RunningServer> {
  const server = await startServer({ db, port: 0, host: '127.0.0.1', plugins });
  running.push(server);
  return server;
}

describe('plugins added to the server cover the fast path', () => {
  it('a plugin on envelop’s phases sees every request the fast path answers, once, with its variables', async () => {
    const { plugin, seen } = countingPlugin();
    const server = await serveWith(plugin);
    const names = [...NAMES, ...NAMES];
    for (const name of names) expect((await ask(server.url, HOVER(name))).status).toBe(200);
    // Yoga runs the document twice; from then on, the fast path answers.
    expect(server.fastPath!.answered).toBe(names.length - 2);
    expect(seen).toMatchObject({ parse: 12, validate: 12, context: 12, execute: 12, executeDone: 12 });
    expect(seen.variables).toEqual(names.map((name) => ({ name })));
  });

  it('a request handed back to Yoga after the plugins ran is not run for them again', async () => {
    const { plugin, seen } = countingPlugin();
    const server = await serveWith(plugin);
    for (let i = 0; i < 3; i++) await ask(server.url, JSON.stringify({ query: PAGE, variables: { first: 2 } }));
    const before = { ...seen, handedOver: server.fastPath!.handedOver };
    // An error while executing (a page too large), then variables that do not fit (refused first).
    const tooLarge = await ask(server.url, JSON.stringify({ query: PAGE, variables: { first: 1000 } }));
    expect(tooLarge.body).toContain('"code":"BAD_USER_INPUT"');
    const notANumber = await ask(server.url, JSON.stringify({ query: PAGE, variables: { first: 'ten' } }));
    expect(notANumber.body).toContain('"code":"BAD_USER_INPUT"');
    expect(server.fastPath!.handedOver - before.handedOver).toBe(2);
    expect(seen.execute - before.execute).toBe(2);
    expect(seen.executeDone - before.executeDone).toBe(2);
    expect(seen.parse - before.parse).toBe(2);
  });

  it('what such a plugin changes in a result, the fast path answers with, byte for byte as Yoga', async () => {
    const stamped: ServerPlugin = {
      onExecute: () => ({
        onExecuteDone: ({ result, setResult }) => {
          if (!(Symbol.asyncIterator in result)) setResult({ ...result, extensions: { stamped: true } });
        },
      }),
    };
    const served = await serveTwice({ plugins: [stamped] });
    try {
      const answered = served.fast.fastPath!.answered;
      const answer = await askBoth(served, HOVER('Hmeimim'));
      expect(answer.body).toContain('"extensions":{"stamped":true}');
      expect(served.fast.fastPath!.answered).toBe(answered + 1);
    } finally {
      await served.dispose();
    }
  });

  it('a plugin that throws while the fast path runs it gets Yoga’s own answer to the throw', async () => {
    const refuses: ServerPlugin = {
      onExecute: ({ args }) => {
        const { name } = (args.variableValues ?? {}) as { name?: string };
        if (name === 'Boom') throw new GraphQLError('No hovering over Boom.', { extensions: { code: 'BOOM' } });
      },
    };
    const served = await serveTwice({ plugins: [refuses] });
    try {
      await askBoth(served, HOVER('Hmeimim'));
      const handedOver = served.fast.fastPath!.handedOver;
      const refused = await askBoth(served, HOVER('Boom'));
      expect(refused.body).toContain('"code":"BOOM"');
      expect(served.fast.fastPath!.handedOver - handedOver).toBe(REPEATS);
    } finally {
      await served.dispose();
    }
  });

  it('a plugin on Yoga’s own phases (here onResponse) turns the fast path off, and sees every request', async () => {
    let responses = 0;
    const server = await serveWith({ onResponse: () => void (responses += 1) });
    expect(server.fastPath).toBeNull();
    for (const name of NAMES) await ask(server.url, HOVER(name));
    expect(responses).toBe(NAMES.length);
  });

  it('so does a plugin that adds one, when envelop initialises the plugins', async () => {
    let processed = 0;
    const adds: ServerPlugin = {
      onPluginInit: ({ addPlugin }) => addPlugin({ onResultProcess: () => void (processed += 1) }),
    };
    const server = await serveWith(adds);
    expect(server.fastPath).toBeNull();
    for (const name of NAMES) await ask(server.url, HOVER(name));
    expect(processed).toBe(NAMES.length);
  });
});
