import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type Hover,
  type InitializeParams,
  StreamMessageReader,
  StreamMessageWriter,
  createMessageConnection,
} from 'vscode-languageserver-protocol/node';
import { stopProcess } from './child-process';
import { percentile } from './load';
import { StatusNotification } from '@sitrep/language-server/protocol';

const LANGUAGE_SERVER = fileURLToPath(new URL('../../language-server', import.meta.url));
const BUNDLE = join(LANGUAGE_SERVER, 'dist/server.cjs');
const BUNDLED_SOURCES = [join(LANGUAGE_SERVER, 'src'), join(LANGUAGE_SERVER, '../names/src')];

function newestSource(): number {
  let newest = statSync(join(LANGUAGE_SERVER, 'build.mjs')).mtimeMs;
  for (const dir of BUNDLED_SOURCES) {
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && entry.name.endsWith('.ts'))
        newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return newest;
}

/** The bundle editors run; built with `node build.mjs` when missing or older than its sources. */
export function ensureLanguageServerBundle(): string {
  if (existsSync(BUNDLE) && statSync(BUNDLE).mtimeMs >= newestSource()) return BUNDLE;
  const result = spawnSync(process.execPath, ['build.mjs'], {
    cwd: LANGUAGE_SERVER,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (result.status !== 0) throw new Error(`language-server build.mjs failed (${result.status}): ${result.stderr}`);
  return BUNDLE;
}

export interface EditorHoverFigures {
  names: number;
  /** Hovers that showed facts (the others found no name or no entity). */
  answered: number;
  /** From `initialized` to the status notification that the names are loaded. */
  dictionarySeconds: number;
  dictionaryNames: number;
  uncachedP50: number;
  uncachedP99: number;
  cachedP50: number;
  cachedP99: number;
  /** Semantic tokens (every known name marked) for a 1 MiB document: the median of five full requests, and how many tokens. */
  tokens1MiBMs: number;
  tokens1MiB: number;
  /** Completion of each name's first four letters: the first request (building the index), then p95 of the rest. */
  completionFirstMs: number;
  completionP95: number;
  /** Definition on each name (no request to the API: the page loads when opened). */
  definitionP95: number;
}

const withTimeout = <T>(promise: Promise<T>, ms: number, what: string) =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      setTimeout(() => reject(new Error(`${what}: no answer within ${ms / 1000} s`)), ms).unref();
    }),
  ]);

/**
 * Hovers names through the language server as an editor does: spawns dist/server.cjs --stdio against
 * `endpoint`, opens one document with one name per line, and hovers each name twice: the first time
 * the server asks GraphQL, the second time its 30-second cache answers.
 */
export async function measureEditorHover(
  endpoint: string,
  names: readonly string[],
  registerCleanup: (stop: () => Promise<void>) => void,
): Promise<EditorHoverFigures> {
  const child = spawn(process.execPath, [ensureLanguageServerBundle(), '--stdio'], {
    stdio: 'pipe',
    cwd: dirname(LANGUAGE_SERVER),
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4_000)));
  const connection = createMessageConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  );
  let disposed = false;
  const stop = async () => {
    if (!disposed) connection.dispose();
    disposed = true;
    await stopProcess(child, 2_000);
  };
  registerCleanup(stop);
  try {
    let loaded: (status: { entities: number }) => void = () => {};
    const dictionary = new Promise<{ entities: number }>((resolve) => (loaded = resolve));
    connection.onNotification(StatusNotification, (status) => {
      if (status.state === 'connected') loaded(status);
    });
    connection.onRequest('workspace/configuration', () => [null]);
    connection.listen();
    await withTimeout(
      connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: null,
        capabilities: {},
        initializationOptions: { endpoint, languages: ['*'], refreshIntervalSeconds: 3_600 },
      } satisfies InitializeParams),
      30_000,
      'language server initialize',
    );
    const started = performance.now();
    await connection.sendNotification('initialized', {});
    const status = await withTimeout(dictionary, 120_000, `language server name dictionary (${stderr})`);
    const dictionarySeconds = (performance.now() - started) / 1000;

    const uri = 'file:///bench/notes.md';
    const lines = names.map((name) => `Reports about ${name} came in overnight.`);
    await connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'markdown', version: 1, text: lines.join('\n\n') },
    });
    const hoverAll = async () => {
      const times: number[] = [];
      let answered = 0;
      for (let i = 0; i < names.length; i += 1) {
        const t0 = performance.now();
        const hover = await withTimeout(
          connection.sendRequest<Hover | null>('textDocument/hover', {
            textDocument: { uri },
            position: { line: i * 2, character: 'Reports about '.length + 1 },
          }),
          10_000,
          `hover on ${names[i]}`,
        );
        times.push(performance.now() - t0);
        if (hover) answered += 1;
      }
      return { times: times.sort((a, b) => a - b), answered };
    };
    const uncached = await hoverAll();
    const cached = await hoverAll();
    const editing = await measureEditing(connection, uri, names);
    return {
      ...editing,
      names: names.length,
      answered: Math.min(uncached.answered, cached.answered),
      dictionarySeconds,
      dictionaryNames: status.entities,
      uncachedP50: percentile(uncached.times, 50),
      uncachedP99: percentile(uncached.times, 99),
      cachedP50: percentile(cached.times, 50),
      cachedP99: percentile(cached.times, 99),
    };
  } finally {
    await withTimeout(connection.sendRequest('shutdown'), 2_000, 'shutdown')
      .then(() => connection.sendNotification('exit'))
      .catch(() => {});
    await stop();
  }
}

type Connection = ReturnType<typeof createMessageConnection>;

/** Requests an editor makes while someone writes: tokens for a large document, completion, definition. */
async function measureEditing(connection: Connection, uri: string, names: readonly string[]) {
  const timed = async <T>(request: () => Promise<T>) => {
    const t0 = performance.now();
    const result = await withTimeout(request(), 30_000, 'editor request');
    return { ms: performance.now() - t0, result };
  };
  // A report of about 1 MiB: prose lines, every third naming one of the names.
  const big = 'file:///bench/big.md';
  const lines: string[] = [];
  for (let i = 0, size = 0; size < 1_048_576; i++) {
    const line =
      i % 3 === 0
        ? `Analysts said ${names[i % names.length]} was busier this week than last, according to two people.`
        : 'The convoy moved slowly along the coast road, and the port stayed quiet for most of the night.';
    lines.push(line);
    size += line.length + 1;
  }
  await connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri: big, languageId: 'markdown', version: 1, text: lines.join('\n') },
  });
  const tokenRuns: number[] = [];
  let tokens = 0;
  for (let run = 0; run < 5; run++) {
    const { ms, result } = await timed(() =>
      connection.sendRequest<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri: big } }),
    );
    tokenRuns.push(ms);
    tokens = result.data.length / 5;
  }
  const completion: number[] = [];
  const definition: number[] = [];
  for (let i = 0; i < names.length; i++) {
    const prefix = names[i]!.slice(0, 4);
    const at = { line: 0, character: prefix.length };
    await connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 + i },
      contentChanges: [{ text: `${prefix}\n` }],
    });
    completion.push(
      (await timed(() => connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: at })))
        .ms,
    );
  }
  for (let i = 0; i < names.length; i++) {
    await connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 10_000 + i },
      contentChanges: [{ text: `Reports about ${names[i]} came in.\n` }],
    });
    const position = { line: 0, character: 'Reports about '.length + 1 };
    definition.push(
      (await timed(() => connection.sendRequest('textDocument/definition', { textDocument: { uri }, position }))).ms,
    );
  }
  const [first = 0, ...rest] = completion;
  return {
    tokens1MiBMs: percentile(
      [...tokenRuns].sort((a, b) => a - b),
      50,
    ),
    tokens1MiB: tokens,
    completionFirstMs: first,
    completionP95: percentile(
      rest.sort((a, b) => a - b),
      95,
    ),
    definitionP95: percentile(
      definition.sort((a, b) => a - b),
      95,
    ),
  };
}
