import {
  type ClientCapabilities,
  type Connection,
  type InitializeResult,
  type ServerCapabilities,
  TextDocumentSyncKind,
  TextDocuments,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ChangeFeed } from './changes';
import { Dictionary } from './dictionary';
import { FactsCache } from './facts';
import { ADD_ALIAS_COMMAND, CREATE_ENTITY_COMMAND, registerActions } from './features/actions';
import { registerCompletion } from './features/completion';
import { registerDiagnostics } from './features/diagnostics';
import { registerEvidence } from './features/evidence';
import { registerHighlights } from './features/highlights';
import { registerHover } from './features/hover';
import { registerRequests } from './features/requests';
import { registerSymbols } from './features/symbols';
import { NAME_TOKENS_LEGEND, registerTokens } from './features/tokens';
import { ChangedNotification, type Status, StatusNotification } from './protocol';
import { type Settings, handlesLanguage, resolveSettings } from './settings';
import type { Workbench } from './workbench';

/** Each feature: what it adds to the server's capabilities, and its handlers on the workbench. */
const FEATURES: Array<{ capabilities: ServerCapabilities; register(wb: Workbench): void }> = [
  { capabilities: { hoverProvider: true }, register: registerHover },
  { capabilities: {}, register: registerRequests },
  {
    capabilities: { documentSymbolProvider: { label: 'Sitrep' }, workspaceSymbolProvider: true },
    register: registerSymbols,
  },
  { capabilities: {}, register: registerDiagnostics },
  {
    capabilities: {
      codeActionProvider: { codeActionKinds: ['quickfix', 'refactor.rewrite'] },
      executeCommandProvider: { commands: [ADD_ALIAS_COMMAND, CREATE_ENTITY_COMMAND] },
    },
    register: registerActions,
  },
  { capabilities: { definitionProvider: true, referencesProvider: true }, register: registerEvidence },
  { capabilities: { completionProvider: { resolveProvider: true } }, register: registerCompletion },
  {
    capabilities: { semanticTokensProvider: { legend: NAME_TOKENS_LEGEND, full: { delta: true } } },
    register: registerTokens,
  },
  { capabilities: { documentHighlightProvider: true }, register: registerHighlights },
];

/** Wires Sitrep's features, settings and status into an LSP connection (stdio or any other transport). */
export function startSitrepServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let initOptions: unknown = null;
  let settings: Settings = resolveSettings(null, null);
  let canReadConfiguration = false;
  let client: ClientCapabilities = {};
  let timer: NodeJS.Timeout | null = null;
  let status: Status = { state: 'connecting', endpoint: settings.endpoint, entities: 0 };
  const statusListeners: Array<(status: Status) => void> = [];
  const namesListeners: Array<() => void> = [];
  const factsListeners: Array<() => void> = [];

  const endpoint = () => ({ url: settings.endpoint, token: settings.token });
  const dictionary = new Dictionary(endpoint);
  const facts = new FactsCache(endpoint);

  const setStatus = (next: Status) => {
    status = next;
    for (const listener of statusListeners) listener(status);
    void connection.sendNotification(StatusNotification, status);
  };

  async function refresh(force = false): Promise<Status> {
    try {
      const before = dictionary.version;
      await dictionary.refresh(force);
      if (dictionary.version !== before) for (const listener of namesListeners) listener();
      setStatus({ state: 'connected', endpoint: settings.endpoint, entities: dictionary.size });
    } catch (error) {
      setStatus({
        state: 'unreachable',
        endpoint: settings.endpoint,
        entities: dictionary.size,
        message: String((error as Error).message),
      });
    }
    return status;
  }

  // Commits pushed by the server: what they touched is fetched again at the next hover, and the
  // names at once. The periodic refresh stays, for when the subscription is down.
  let paused = false;
  const changes = new ChangeFeed(
    endpoint,
    (change) => {
      if (change.edited) facts.clear();
      else facts.forget(change.entityIds);
      for (const listener of factsListeners) listener();
      void refresh();
      void connection.sendNotification(ChangedNotification, change);
    },
    (open, why) => {
      if (!open && why) {
        paused = true;
        connection.console.log(
          `sitrep: live updates paused (${why}); retrying, and refreshing every few minutes meanwhile`,
        );
      } else if (open && paused) {
        // Commits made while the subscription was down were not heard: what is cached may be stale.
        paused = false;
        facts.clear();
        for (const listener of factsListeners) listener();
        void refresh();
        connection.console.log('sitrep: live updates resumed');
      }
    },
  );

  async function loadSettings(): Promise<void> {
    const section = canReadConfiguration
      ? await connection.workspace.getConfiguration('sitrep').catch(() => null)
      : null;
    const next = resolveSettings(initOptions, section);
    const moved = next.endpoint !== settings.endpoint || next.token !== settings.token;
    settings = next;
    if (timer) clearInterval(timer);
    timer = setInterval(() => void refresh(), settings.refreshIntervalSeconds * 1000);
    timer.unref();
    if (moved || !changes.open) {
      changes.start();
    }
    if (moved) {
      facts.clear();
      dictionary.matcher = null;
      dictionary.version = null;
    }
  }

  const followed = (uri: string) => {
    const document = documents.get(uri);
    return document && handlesLanguage(settings, document.languageId) ? document : null;
  };

  const workbench: Workbench = {
    connection,
    documents,
    dictionary,
    facts,
    settings: () => settings,
    client: () => client,
    endpoint,
    status: () => status,
    refresh,
    onStatus: (listener) => void statusListeners.push(listener),
    onNamesChanged: (listener) => void namesListeners.push(listener),
    onFactsChanged: (listener) => void factsListeners.push(listener),
    unreachable: (message) =>
      setStatus({ state: 'unreachable', endpoint: settings.endpoint, entities: dictionary.size, message }),
    followed,
    async nameAt(uri, position) {
      const document = followed(uri);
      if (!document) return null;
      // A request that comes before the names have loaded waits for them (briefly) instead of answering nothing.
      await dictionary.ready(5000);
      const match = dictionary.matcher?.findAt(document.getText(), document.offsetAt(position));
      return match ? { match, document } : null;
    },
  };
  for (const feature of FEATURES) feature.register(workbench);

  connection.onInitialize((params): InitializeResult => {
    initOptions = params.initializationOptions ?? null;
    client = params.capabilities;
    canReadConfiguration = params.capabilities.workspace?.configuration === true;
    settings = resolveSettings(initOptions, null);
    return {
      capabilities: Object.assign(
        { textDocumentSync: TextDocumentSyncKind.Incremental },
        ...FEATURES.map((f) => f.capabilities),
      ) as ServerCapabilities,
      serverInfo: { name: 'sitrep-language-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(async () => {
    await loadSettings();
    setStatus({ state: 'connecting', endpoint: settings.endpoint, entities: 0 });
    void refresh(true);
  });

  connection.onDidChangeConfiguration(async (change) => {
    if (!canReadConfiguration && change.settings && typeof change.settings === 'object') {
      initOptions = { ...(initOptions as object), ...((change.settings as { sitrep?: object }).sitrep ?? {}) };
    }
    await loadSettings();
    // Marking may have been switched, or its limit moved: clients ask for the tokens again.
    for (const listener of namesListeners) listener();
    void refresh(dictionary.matcher === null);
  });

  connection.onShutdown(() => changes.stop());

  documents.listen(connection);
  connection.listen();
}
