import {
  MessageType,
  type SemanticTokensLegend,
  SemanticTokensBuilder,
  ShowMessageNotification,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { NameMatch } from '@sitrep/names';
import type { Workbench } from '../workbench';

/**
 * Sitrep's own token types, so a theme or an editor's settings can style them apart from code;
 * the VS Code extension declares them with a standard type each falls back to (package.json).
 */
export const NAME_TOKENS_LEGEND: SemanticTokensLegend = {
  tokenTypes: ['sitrepInstallation', 'sitrepActor'],
  tokenModifiers: [],
};
const TOKEN_TYPE = { INSTALLATION: 0, ACTOR: 1 } as const;

/**
 * Pushes a token for each known name, one per line it spans: a name broken across a line is
 * matched whole, but a token, for most clients, cannot cross a line.
 */
export function pushNameTokens(
  builder: SemanticTokensBuilder,
  document: TextDocument,
  matches: ReadonlyArray<NameMatch>,
): void {
  const text = document.getText();
  for (const { start, end, entry } of matches) {
    const type = TOKEN_TYPE[entry.kind];
    const from = document.positionAt(start).line;
    const to = document.positionAt(end).line;
    for (let line = from; line <= to; line++) {
      const lineStart = document.offsetAt({ line, character: 0 });
      const tokenStart = line === from ? start : lineStart;
      let tokenEnd = line === to ? end : document.offsetAt({ line: line + 1, character: 0 });
      // A line's break is not part of its token.
      while (tokenEnd > tokenStart && (text[tokenEnd - 1] === '\n' || text[tokenEnd - 1] === '\r')) tokenEnd--;
      if (tokenEnd > tokenStart) builder.push(line, tokenStart - lineStart, tokenEnd - tokenStart, type, 0);
    }
  }
}

/**
 * `textDocument/semanticTokens` (full and delta): every known name marked by kind, as the analyst
 * types. Past `maxDocumentChars` nothing is marked, and the editor is told why once a document.
 */
export function registerTokens(wb: Workbench): void {
  const builders = new Map<string, SemanticTokensBuilder>();
  const toldTooLong = new Set<string>();
  wb.documents.onDidClose(({ document }) => {
    builders.delete(document.uri);
    toldTooLong.delete(document.uri);
  });
  // Names added or removed change what is marked in every open document.
  wb.onNamesChanged(() => {
    if (wb.client().workspace?.semanticTokens?.refreshSupport)
      void wb.connection.languages.semanticTokens.refresh().catch(() => undefined);
  });

  /** The document's builder with its tokens pushed, or null when it is not to be marked. */
  const tokensOf = async (uri: string, previousResultId?: string): Promise<SemanticTokensBuilder | null> => {
    const document = wb.followed(uri);
    const settings = wb.settings();
    if (!document || !settings.markNames) return null;
    if (document.getText().length > settings.maxDocumentChars) {
      if (!toldTooLong.has(uri)) {
        toldTooLong.add(uri);
        // A notification, not window/showMessageRequest: nothing to answer, and every client shows it.
        void wb.connection.sendNotification(ShowMessageNotification.type, {
          type: MessageType.Info,
          message:
            `Sitrep marks names in documents up to ${settings.maxDocumentChars.toLocaleString('en')} characters ` +
            `(the sitrep.maxDocumentChars setting); this one has ${document.getText().length.toLocaleString('en')}.`,
        });
      }
      return null;
    }
    await wb.dictionary.ready(5000);
    const matcher = wb.dictionary.matcher;
    if (!matcher) return null;
    let builder = builders.get(uri);
    if (!builder) builders.set(uri, (builder = new SemanticTokensBuilder()));
    if (previousResultId) builder.previousResult(previousResultId);
    pushNameTokens(builder, document, matcher.findAll(document.getText()));
    return builder;
  };

  wb.connection.languages.semanticTokens.on(async ({ textDocument }) => {
    return (await tokensOf(textDocument.uri))?.build() ?? { data: [] };
  });
  wb.connection.languages.semanticTokens.onDelta(async ({ textDocument, previousResultId }) => {
    return (await tokensOf(textDocument.uri, previousResultId))?.buildEdits() ?? { data: [] };
  });
}
