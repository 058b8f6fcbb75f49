import { type DocumentSymbol, SymbolKind } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { NameEntry, NameMatch } from '@sitrep/names';
import { plural } from '@sitrep/vocabulary';
import type { Workbench } from '../workbench';

/** The outline's groups, in the order they show, and the symbol kind that gives each its icon. */
const GROUPS: ReadonlyArray<{ kind: NameEntry['kind']; title: string; symbol: SymbolKind }> = [
  { kind: 'INSTALLATION', title: 'Installations', symbol: SymbolKind.Struct },
  { kind: 'ACTOR', title: 'Actors', symbol: SymbolKind.Class },
];

/**
 * The known entities a document mentions, grouped by kind, each under its own name with how many
 * times it is mentioned; a symbol spans its first to last mention and selects the first, so
 * picking it in the outline goes to where the report first names it.
 */
export function outline(
  document: TextDocument,
  matches: ReadonlyArray<NameMatch>,
  nameOf: (entry: NameEntry) => string,
): DocumentSymbol[] {
  const byEntity = new Map<string, NameMatch[]>();
  for (const match of matches) {
    const seen = byEntity.get(match.entry.entity);
    if (seen) seen.push(match);
    else byEntity.set(match.entry.entity, [match]);
  }
  const range = (start: number, end: number) => ({ start: document.positionAt(start), end: document.positionAt(end) });
  return GROUPS.flatMap(({ kind, title, symbol }) => {
    const children: DocumentSymbol[] = [...byEntity.values()]
      .filter((mentions) => mentions[0]!.entry.kind === kind)
      .map((mentions) => ({
        name: nameOf(mentions[0]!.entry),
        detail: plural(mentions.length, 'mention'),
        kind: symbol,
        range: range(mentions[0]!.start, mentions.at(-1)!.end),
        selectionRange: range(mentions[0]!.start, mentions[0]!.end),
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
    if (children.length === 0) return [];
    const start = Math.min(...children.map((c) => document.offsetAt(c.range.start)));
    const end = Math.max(...children.map((c) => document.offsetAt(c.range.end)));
    return [
      {
        name: title,
        detail: plural(children.length, kind === 'ACTOR' ? 'actor' : 'installation'),
        kind: SymbolKind.Namespace,
        range: range(start, end),
        selectionRange: range(start, start),
        children,
      },
    ];
  });
}

/** `textDocument/documentSymbol`: the outline of the known entities a document mentions. */
export function registerSymbols(wb: Workbench): void {
  wb.connection.onDocumentSymbol(async ({ textDocument }) => {
    const document = wb.followed(textDocument.uri);
    if (!document || document.getText().length > wb.settings().maxDocumentChars) return null;
    await wb.dictionary.ready(5000);
    const matcher = wb.dictionary.matcher;
    if (!matcher) return null;
    return outline(document, matcher.findAll(document.getText()), (entry) => wb.dictionary.nameOf(entry));
  });
}
