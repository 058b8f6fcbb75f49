import {
  type Connection,
  type Hover,
  type InitializeResult,
  MarkupKind,
  type Position,
  TextDocumentSyncKind,
  TextDocuments,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ChangeFeed } from './changes';
import { Dictionary } from './dictionary';
import { FACTS_QUERY, FactsCache } from './facts';
import { GraphQLRequestError, UnreachableError, graphql } from './graphql-client';
import type { NameMatch } from '@sitrep/names';
import {
  ChangedNotification,
  EntityAtRequest,
  FactsMarkdownRequest,
  IngestDocumentRequest,
  type IngestDocumentResult,
  RefreshDictionaryRequest,
  type Status,
  StatusNotification,
  StatusRequest,
} from './protocol';
import { renderAllFacts, renderHover } from './render';
import { type Settings, handlesLanguage, resolveSettings } from './settings';

const INGEST = `mutation SitrepIngest($input: IngestArticleInput!) {
  ingestArticle(input: $input) { article { id title } claims { id } createdEntities { name } }
}`;

/** Wires Sitrep's hover, commands and status into an LSP connection (stdio or any other transport). */
export function startSitrepServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let initOptions: unknown = null;
  let settings: Settings = resolveSettings(null, null);
  let canReadConfiguration = false;
  let timer: NodeJS.Timeout | null = null;
  // The unreachable notice shows in one hover per outage, not on every mouse move.
  let outageNoticeShown = false;
  let status: Status = { state: 'connecting', endpoint: settings.endpoint, entities: 0 };

  const endpoint = () => ({ url: settings.endpoint, token: settings.token });
  const dictionary = new Dictionary(endpoint);
  const facts = new FactsCache(endpoint);
  // Commits pushed by the server: what they touched is fetched again at the next hover, and the
  // names at once. The periodic refresh stays, for when the subscription is down.
  let paused = false;
  const changes = new ChangeFeed(
    endpoint,
    (change) => {
      if (change.edited) facts.clear();
      else facts.forget(change.entityIds);
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
        void refresh();
        connection.console.log('sitrep: live updates resumed');
      }
    },
  );

  const setStatus = (next: Status) => {
    if (next.state === 'connected') outageNoticeShown = false;
    status = next;
    void connection.sendNotification(StatusNotification, status);
  };

  async function refresh(force = false): Promise<Status> {
    try {
      await dictionary.refresh(force);
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

  function unreachableHover(): Hover | null {
    if (outageNoticeShown) return null;
    outageNoticeShown = true;
    return {
      contents: {
        kind: MarkupKind.Markdown,
        value: `**Sitrep is unreachable** at \`${settings.endpoint}\`.\n\nStart the server (\`pnpm start\` in the Sitrep folder) or point the \`sitrep.endpoint\` setting at a running one; hovers resume on their own.`,
      },
    };
  }

  async function nameAt(uri: string, position: Position): Promise<{ match: NameMatch; text: string } | null> {
    const document = documents.get(uri);
    if (!document || !handlesLanguage(settings, document.languageId)) return null;
    // A hover that comes before the names have loaded waits for them (briefly) instead of answering nothing.
    await dictionary.ready(5000);
    const text = document.getText();
    const match = dictionary.matcher?.findAt(text, document.offsetAt(position));
    return match ? { match, text } : null;
  }

  connection.onInitialize((params): InitializeResult => {
    initOptions = params.initializationOptions ?? null;
    canReadConfiguration = params.capabilities.workspace?.configuration === true;
    settings = resolveSettings(initOptions, null);
    return {
      capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental, hoverProvider: true },
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
    void refresh(dictionary.matcher === null);
  });

  connection.onHover(async ({ textDocument, position }): Promise<Hover | null> => {
    if (!dictionary.matcher && status.state === 'unreachable') {
      const document = documents.get(textDocument.uri);
      return document && handlesLanguage(settings, document.languageId) ? unreachableHover() : null;
    }
    const found = await nameAt(textDocument.uri, position);
    if (!found) return null;
    const { match } = found;
    try {
      const entity = await facts.get(match.entry.entity, settings.maxClaims);
      if (!entity) return null;
      const document = documents.get(textDocument.uri)!;
      const args = encodeURIComponent(JSON.stringify([match.entry.entity]));
      const graphiql = `${settings.endpoint}?query=${encodeURIComponent(FACTS_QUERY)}&variables=${encodeURIComponent(JSON.stringify({ id: entity.id, first: 20 }))}`;
      return {
        contents: {
          kind: MarkupKind.Markdown,
          value: renderHover(entity, settings.maxClaims, {
            showAllLink: `command:sitrep.showFacts?${args}`,
            graphiqlLink: graphiql,
          }),
        },
        range: { start: document.positionAt(match.start), end: document.positionAt(match.end) },
      };
    } catch (error) {
      if (error instanceof UnreachableError) {
        setStatus({
          state: 'unreachable',
          endpoint: settings.endpoint,
          entities: dictionary.size,
          message: error.message,
        });
        return unreachableHover();
      }
      connection.console.error(`sitrep: hover on ${match.entry.name} failed: ${(error as Error).message}`);
      return null;
    }
  });

  connection.onShutdown(() => changes.stop());
  connection.onRequest(RefreshDictionaryRequest, () => refresh(true));
  connection.onRequest(StatusRequest, () => status);

  connection.onRequest(EntityAtRequest, async (params) => {
    const found = await nameAt(params.textDocument.uri, params.position);
    return found ? { entity: found.match.entry.entity, name: found.match.entry.name } : null;
  });

  connection.onRequest(FactsMarkdownRequest, async (params) => {
    const entity = await facts.get(params.entity, 100);
    return entity ? renderAllFacts(entity) : null;
  });

  connection.onRequest(IngestDocumentRequest, async (params): Promise<IngestDocumentResult> => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return { ok: false, message: 'The document is not open.' };
    try {
      const data = await graphql<{
        ingestArticle: {
          article: { id: string; title: string };
          claims: unknown[];
          createdEntities: Array<{ name: string }>;
        };
      }>(endpoint(), INGEST, {
        input: { text: document.getText(), publishedAt: params.publishedAt ?? null, url: params.textDocument.uri },
      });
      void refresh();
      const { article, claims, createdEntities } = data.ingestArticle;
      return {
        ok: true,
        title: article.title,
        claims: claims.length,
        createdEntities: createdEntities.map((e) => e.name),
      };
    } catch (error) {
      const code = error instanceof GraphQLRequestError ? error.code : undefined;
      return { ok: false, code, message: (error as Error).message };
    }
  });

  documents.listen(connection);
  connection.listen();
}
