import { DocumentHighlightKind } from 'vscode-languageserver/node';
import type { Workbench } from '../workbench';

/**
 * `textDocument/documentHighlight`: on a known name, every mention of the same entity in the
 * document, however it is spelt. Editors without semantic tokens (Neovim before 0.9) mark names
 * this way; in the others it answers "where else does this draft name it".
 */
export function registerHighlights(wb: Workbench): void {
  wb.connection.onDocumentHighlight(async ({ textDocument, position }) => {
    const settings = wb.settings();
    if (!settings.markNames) return null;
    const found = await wb.nameAt(textDocument.uri, position);
    const matcher = wb.dictionary.matcher;
    if (!found || !matcher) return null;
    const { match, document } = found;
    const text = document.getText();
    if (text.length > settings.maxDocumentChars) return null;
    return matcher
      .findAll(text)
      .filter((m) => m.entry.entity === match.entry.entity)
      .map((m) => ({
        range: { start: document.positionAt(m.start), end: document.positionAt(m.end) },
        kind: DocumentHighlightKind.Text,
      }));
  });
}
