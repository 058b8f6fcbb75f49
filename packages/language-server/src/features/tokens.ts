import {
  MessageType,
  type SemanticTokens,
  type SemanticTokensDelta,
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

  /**
   * The document's tokens: a full answer when `previousResultId` is absent (or unknown), else the
   * edits from that result. A full request starts a new builder, because a builder's data only
   * grows until `previousResult` resets it; nothing awaits between choosing the builder and
   * building, so two requests for one document never interleave on it.
   */
  const answer = async <T extends SemanticTokens | SemanticTokensDelta>(
    uri: string,
    previousResultId: string | undefined,
    build: (builder: SemanticTokensBuilder) => T,
  ): Promise<T | SemanticTokens> => {
    const document = wb.followed(uri);
    const settings = wb.settings();
    if (!document || !settings.markNames) return { data: [] };
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
      return { data: [] };
    }
    await wb.dictionary.ready(5000);
    const matcher = wb.dictionary.matcher;
    if (!matcher) return { data: [] };
    let builder = previousResultId === undefined ? undefined : builders.get(uri);
    if (builder) builder.previousResult(previousResultId!);
    else builders.set(uri, (builder = new SemanticTokensBuilder()));
    pushNameTokens(builder, document, matcher.findAll(document.getText()));
    return build(builder);
  };

  wb.connection.languages.semanticTokens.on(({ textDocument }) =>
    answer(textDocument.uri, undefined, (b) => b.build()),
  );
  // Given an unknown previous result, buildEdits answers in full, which is always right.
  wb.connection.languages.semanticTokens.onDelta(({ textDocument, previousResultId }) =>
    answer(textDocument.uri, previousResultId, (b) => b.buildEdits()),
  );
}
