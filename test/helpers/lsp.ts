import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { join } from 'node:path';
import {
  type ConfigurationParams,
  type Hover,
  type InitializeParams,
  type InitializeResult,
  type MessageConnection,
  type NotificationType,
  StreamMessageReader,
  StreamMessageWriter,
  createMessageConnection,
} from 'vscode-languageserver-protocol/node';
import { REPO_ROOT, SITREP_BIN } from './cli';

export const LANGUAGE_SERVER_DIR = join(REPO_ROOT, 'packages/language-server');
/** The bundle editors run (`pnpm build`; the tests' global set-up builds it): never the TypeScript sources. */
export const SERVER_BUNDLE = join(LANGUAGE_SERVER_DIR, 'dist/server.cjs');
/** `sitrep lsp --stdio`, as `pnpm sitrep lsp --stdio` and an installed `sitrep` run it. */
export const SITREP_LSP_COMMAND: [string, ...string[]] = [process.execPath, SITREP_BIN, 'lsp', '--stdio'];

export interface LanguageServerProcess extends AsyncDisposable {
  connection: MessageConnection;
  child: ChildProcessWithoutNullStreams;
  /** Every notification the server sent, in order, with when it came (`performance.now()`). */
  notifications: Array<{ method: string; params: unknown; at: number }>;
  /** The server's workspace/configuration requests, in order. */
  configurationRequests: ConfigurationParams[];
  stderr(): string;
  exited: Promise<number | null>;
  /** Sends initialize, then initialized; `initializationOptions`, `capabilities` and the rest as given. */
  initialize(params?: Partial<InitializeParams>): Promise<InitializeResult>;
  open(uri: string, text: string, languageId?: string): Promise<void>;
  hover(uri: string, line: number, character: number): Promise<Hover | null>;
  /** The first notification of `method` (already received or still to come) that passes `test`; rejects after `ms`. */
  notification<T>(type: NotificationType<T>, test?: (params: T) => boolean, ms?: number): Promise<T>;
}

export interface LanguageServerOptions {
  /** What to run. Default: `node dist/server.cjs --stdio`. */
  command?: [string, ...string[]];
  /** The answer to each item of a workspace/configuration request. Default: null (nothing set). */
  configuration?: (section: string | undefined) => unknown | Promise<unknown>;
  env?: NodeJS.ProcessEnv;
}

/** Starts the language server as an editor does and connects to it over stdio, as the client. */
export function startLanguageServer(options: LanguageServerOptions = {}): LanguageServerProcess {
  const [command, ...args] = options.command ?? [process.execPath, SERVER_BUNDLE, '--stdio'];
  const child = spawn(command, args, { cwd: REPO_ROOT, env: { ...process.env, ...options.env }, stdio: 'pipe' });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const connection = createMessageConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  );
  const notifications: LanguageServerProcess['notifications'] = [];
  const waiting = new Set<() => void>();
  connection.onNotification((method, params) => {
    notifications.push({ method, params, at: performance.now() });
    for (const check of waiting) check();
  });
  const configurationRequests: ConfigurationParams[] = [];
  connection.onRequest('workspace/configuration', (params: ConfigurationParams) => {
    configurationRequests.push(params);
    return Promise.all(params.items.map(async (item) => (await options.configuration?.(item.section)) ?? null));
  });
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();

  const server: LanguageServerProcess = {
    connection,
    child,
    notifications,
    configurationRequests,
    stderr: () => stderr,
    exited,
    async initialize(params = {}) {
      const result = await connection.sendRequest<InitializeResult>('initialize', {
        processId: process.pid,
        rootUri: null,
        capabilities: {},
        ...params,
      } satisfies InitializeParams);
      await connection.sendNotification('initialized', {});
      return result;
    },
    open: (uri, text, languageId = 'markdown') =>
      connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } }),
    hover: (uri, line, character) =>
      connection.sendRequest<Hover | null>('textDocument/hover', {
        textDocument: { uri },
        position: { line, character },
      }),
    notification<T>({ method }: NotificationType<T>, test: (params: T) => boolean = () => true, ms = 15_000) {
      return new Promise<T>((resolve, reject) => {
        let seen = 0;
        const check = () => {
          for (; seen < notifications.length; seen += 1) {
            const n = notifications[seen]!;
            if (n.method === method && test(n.params as T)) return finish(null, n.params as T);
          }
        };
        const timer = setTimeout(() => finish(new Error(`no ${method} as expected within ${ms} ms:\n${stderr}`)), ms);
        const onExit = (code: number | null) =>
          finish(new Error(`server exited (${code}) before ${method}:\n${stderr}`));
        function finish(error: Error | null, params?: T) {
          clearTimeout(timer);
          waiting.delete(check);
          child.off('exit', onExit);
          if (error) reject(error);
          else resolve(params as T);
        }
        waiting.add(check);
        child.once('exit', onExit);
        check();
      });
    },
    async [Symbol.asyncDispose]() {
      if (child.exitCode === null && child.signalCode === null) {
        const bound = <T>(p: Promise<T>, ms: number) =>
          Promise.race([p, new Promise<void>((resolve) => setTimeout(resolve, ms).unref())]);
        await bound(
          connection.sendRequest('shutdown').then(() => connection.sendNotification('exit')),
          3000,
        ).catch(() => {});
        await bound(exited, 3000);
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
      connection.dispose();
      // Its input's end tells a server that missed `exit` to go too.
      child.stdin.destroy();
    },
  };
  return server;
}
