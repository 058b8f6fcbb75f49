import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, TransportKind } from 'vscode-languageclient/node';
import {
  EntityAtRequest,
  EvidenceDocumentRequest,
  FactsMarkdownRequest,
  IngestDocumentRequest,
  RefreshDictionaryRequest,
  type Status,
  StatusNotification,
} from '@sitrep/language-server/protocol';

// Everything Sitrep knows lives in the language server (packages/language-server); this file only
// starts it, forwards three commands to its custom requests and shows its status.

const FACTS_SCHEME = 'sitrep-facts';

let client: LanguageClient | undefined;
let selector = selectorFor([]);

function settings() {
  const section = vscode.workspace.getConfiguration('sitrep');
  return {
    endpoint: section.get<string>('endpoint'),
    token: section.get<string>('token') || null,
    languages: section.get<string[]>('languages', ['plaintext', 'markdown']),
    maxClaims: section.get<number>('maxClaims'),
    refreshIntervalSeconds: section.get<number>('refreshIntervalSeconds'),
    markNames: section.get<boolean>('markNames'),
    // This editor runs sitrep.openEvidence from hover links.
    commandLinks: true,
    completeNames: section.get<boolean>('completeNames'),
    quickFixes: section.get<boolean>('quickFixes'),
    diagnostics: section.get<boolean>('diagnostics'),
    staleAfterDays: section.get<number>('staleAfterDays'),
    maxDocumentChars: section.get<number>('maxDocumentChars'),
  };
}

/** The documents the server follows (the editor's and the protocol's selector types both accept these). */
function selectorFor(languages: string[]): Array<{ scheme: string; language?: string }> {
  const schemes = ['file', 'untitled'];
  return languages.includes('*')
    ? schemes.map((scheme) => ({ scheme }))
    : languages.flatMap((language) => schemes.map((scheme) => ({ scheme, language })));
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const status = vscode.window.createStatusBarItem('sitrep.status', vscode.StatusBarAlignment.Right, 100);
  status.name = 'Sitrep';
  status.command = 'sitrep.refreshDictionary';
  const showStatus = (s: Status) => {
    status.text =
      s.state === 'connected'
        ? `$(book) Sitrep: ${s.entities} entities`
        : s.state === 'unreachable'
          ? '$(warning) Sitrep unreachable'
          : '$(sync~spin) Sitrep';
    status.tooltip = [`Sitrep at ${s.endpoint}`, s.message, 'Click to refresh the names.'].filter(Boolean).join('\n');
    status.show();
  };

  // "Show all facts" opens a read-only virtual document in the Markdown preview.
  const pages = new Map<string, string>();
  const changed = new vscode.EventEmitter<vscode.Uri>();
  const facts: vscode.TextDocumentContentProvider = {
    onDidChange: changed.event,
    provideTextDocumentContent: (uri) => pages.get(uri.toString()) ?? '',
  };

  const start = async () => {
    const current = settings();
    selector = selectorFor(current.languages);
    const options: LanguageClientOptions = {
      documentSelector: selector,
      synchronize: { configurationSection: 'sitrep' },
      initializationOptions: current,
      // Hovers quote article text: only the "show all" command link may run, and no HTML.
      markdown: { isTrusted: { enabledCommands: ['sitrep.showFacts', 'sitrep.openEvidence'] }, supportHtml: false },
    };
    const module = context.asAbsolutePath('dist/server.cjs');
    client = new LanguageClient('sitrep', 'Sitrep', { module, transport: TransportKind.ipc }, options);
    client.onNotification(StatusNotification, showStatus);
    await client.start();
  };

  const running = async () => {
    if (!client) throw new Error('the Sitrep language server is not running.');
    return client;
  };

  const showFacts = async (entityId?: unknown) => {
    const lsp = await running();
    let entity = typeof entityId === 'string' ? entityId : null;
    if (!entity) {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return void vscode.window.showInformationMessage('Sitrep: put the cursor on a name first.');
      const found = await lsp.sendRequest(EntityAtRequest, {
        textDocument: { uri: lsp.code2ProtocolConverter.asUri(editor.document.uri) },
        position: lsp.code2ProtocolConverter.asPosition(editor.selection.active),
      });
      if (!found) return void vscode.window.showInformationMessage('Sitrep knows no name under the cursor.');
      entity = found.entity;
    }
    const markdown = await lsp.sendRequest(FactsMarkdownRequest, { entity });
    if (!markdown) return void vscode.window.showInformationMessage('Sitrep no longer knows this entity.');
    const title = (markdown.split('\n')[0] ?? '').replace(/^# /, '').replace(/\\(.)/g, '$1');
    const uri = vscode.Uri.from({ scheme: FACTS_SCHEME, path: `/${title.replace(/[/\\]/g, '-')}.md`, query: entity });
    pages.set(uri.toString(), markdown);
    changed.fire(uri);
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  };

  const ingestDocument = async () => {
    const lsp = await running();
    const document = vscode.window.activeTextEditor?.document;
    if (!document) return void vscode.window.showInformationMessage('Sitrep: open the article to ingest first.');
    if (!vscode.languages.match(selector, document)) {
      return void vscode.window.showWarningMessage(
        `Sitrep reads only the languages in the sitrep.languages setting; this document is ${document.languageId}.`,
      );
    }
    const result = await lsp.sendRequest(IngestDocumentRequest, {
      textDocument: { uri: lsp.code2ProtocolConverter.asUri(document.uri) },
    });
    if (!result.ok)
      return void vscode.window.showErrorMessage(`Sitrep could not ingest this document: ${result.message}`);
    const created = result.createdEntities.length ? `; new: ${result.createdEntities.join(', ')}` : '';
    void vscode.window.showInformationMessage(`Sitrep ingested “${result.title}”: ${result.claims} claims${created}.`);
  };

  // Articles and entity pages the language server serves (sitrep://article/<key>.md), read-only.
  const evidence: vscode.TextDocumentContentProvider = {
    provideTextDocumentContent: async (uri) =>
      (await (await running()).sendRequest(EvidenceDocumentRequest, { uri: uri.toString() }))?.text ??
      'Sitrep no longer holds this document.',
  };

  /** Opens an article with a quote selected: `start` and `end` count from the article's own text. */
  const openEvidence = async (uri?: unknown, start?: unknown, end?: unknown) => {
    if (typeof uri !== 'string' || typeof start !== 'number' || typeof end !== 'number') return;
    const served = await (await running()).sendRequest(EvidenceDocumentRequest, { uri });
    if (!served) return void vscode.window.showInformationMessage('Sitrep no longer holds this article.');
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
    const selection = new vscode.Selection(
      document.positionAt(served.bodyOffset + start),
      document.positionAt(served.bodyOffset + end),
    );
    await vscode.window.showTextDocument(document, { selection, preview: true });
  };

  const refreshDictionary = async () => {
    const now = await (await running()).sendRequest(RefreshDictionaryRequest);
    if (now.state === 'unreachable') {
      void vscode.window.showWarningMessage(`Sitrep is unreachable at ${now.endpoint}: ${now.message ?? ''}`);
    }
  };

  // A command that fails says why instead of failing silently.
  const command = (id: string, run: (...args: unknown[]) => Promise<void>) =>
    vscode.commands.registerCommand(id, (...args: unknown[]) =>
      run(...args).catch((error: unknown) => {
        void vscode.window.showErrorMessage(`Sitrep: ${(error as Error).message}`);
      }),
    );

  context.subscriptions.push(
    status,
    changed,
    vscode.workspace.registerTextDocumentContentProvider(FACTS_SCHEME, facts),
    vscode.workspace.registerTextDocumentContentProvider('sitrep', evidence),
    command('sitrep.openEvidence', openEvidence),
    command('sitrep.showFacts', showFacts),
    command('sitrep.ingestDocument', ingestDocument),
    command('sitrep.refreshDictionary', refreshDictionary),
    // The server lets initializationOptions win over the settings section, and the document
    // selector is fixed at start: a changed setting restarts the server with the new values.
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (!event.affectsConfiguration('sitrep')) return;
      await client?.stop();
      await start();
    }),
  );
  await start();
}

export function deactivate(): Promise<void> | undefined {
  return client?.stop();
}
