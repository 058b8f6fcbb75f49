import { type CompletionItem, CompletionItemKind, MarkupKind } from 'vscode-languageserver/node';
import { renderSummary } from '../render';
import type { Workbench } from '../workbench';
import { CompletionIndex } from './completion-index';

/** Items offered at a time: the client asks again as the word grows (the list is incomplete). */
const MAX_ITEMS = 50;
/** Letters typed before names are offered: fewer would offer half the dictionary. */
const MIN_LETTERS = 3;
const WORD_CHAR = /[\p{L}\p{N}'’-]/u;

interface ItemData {
  entity: string;
}

/**
 * Completion of known names and aliases once a word has three letters: the whole name replaces
 * the word typed, and resolving an item fetches one paragraph of facts (the hover's cache).
 */
export function registerCompletion(wb: Workbench): void {
  let index: CompletionIndex | null = null;
  // Built on first use after the names change: a dictionary of 100k names takes a moment.
  const indexNow = () => {
    const entries = wb.dictionary.entries;
    if (!index || index.entries !== entries) index = new CompletionIndex(entries);
    return index;
  };

  wb.connection.onCompletion(async ({ textDocument, position }) => {
    const document = wb.followed(textDocument.uri);
    if (!document || !wb.settings().completeNames) return null;
    const text = document.getText();
    const end = document.offsetAt(position);
    let start = end;
    while (start > 0 && WORD_CHAR.test(text[start - 1]!)) start--;
    const typed = text.slice(start, end);
    if (typed.replace(/[^\p{L}]/gu, '').length < MIN_LETTERS) return null;
    await wb.dictionary.ready(5000);
    const range = { start: document.positionAt(start), end: position };
    const items: CompletionItem[] = indexNow()
      .find(typed, MAX_ITEMS)
      .map((entry) => {
        const own = wb.dictionary.nameOf(entry);
        const kind = entry.kind === 'INSTALLATION' ? 'Installation' : 'Actor';
        return {
          label: entry.name,
          kind: entry.kind === 'INSTALLATION' ? CompletionItemKind.Struct : CompletionItemKind.Class,
          detail: own === entry.name ? kind : `${kind} · ${own}`,
          // Matched on a folded spelling or a later word: keep the item whatever the client filters by.
          filterText: typed,
          textEdit: { range, newText: entry.name },
          data: { entity: entry.entity } satisfies ItemData,
        };
      });
    return { isIncomplete: true, items };
  });

  wb.connection.onCompletionResolve(async (item) => {
    const { entity } = item.data as ItemData;
    const facts = await wb.facts.get(entity, wb.settings().maxClaims).catch(() => null);
    if (facts) item.documentation = { kind: MarkupKind.Markdown, value: renderSummary(facts) };
    return item;
  });
}
