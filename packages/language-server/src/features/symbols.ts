import { type DocumentSymbol, type SymbolInformation, SymbolKind } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { NameEntry, NameMatch } from '@sitrep/names';
import { plural } from '@sitrep/vocabulary';
import { evidenceUri } from '../evidence';
import { graphql } from '../graphql-client';
import type { Workbench } from '../workbench';

/** Entities a workspace search lists: a picker shows a screenful, and the query narrows as it is typed. */
const MAX_FOUND = 50;
const TOP = { line: 0, character: 0 };
const SEARCH = `query SitrepEntitySearch($text: String!, $first: Int!) {
  entities(filter: { nameContains: $text }, first: $first) { edges { node { id name kind } } }
}`;

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

/**
 * `textDocument/documentSymbol`: the outline of the known entities a document mentions;
 * `workspace/symbol`: the knowledge base's entities by name, each opening its page.
 */
export function registerSymbols(wb: Workbench): void {
  wb.connection.onWorkspaceSymbol(async ({ query }): Promise<SymbolInformation[]> => {
    const text = query.trim();
    if (text.length < 2) return [];
    const { entities } = await graphql<{
      entities: { edges: Array<{ node: { id: string; name: string; kind: NameEntry['kind'] } }> };
    }>(wb.endpoint(), SEARCH, { text, first: MAX_FOUND });
    return entities.edges.map(({ node }) => ({
      name: node.name,
      kind: GROUPS.find((g) => g.kind === node.kind)!.symbol,
      containerName: node.kind === 'ACTOR' ? 'Actors' : 'Installations',
      // A range too: clients before LSP 3.17 take no location without one.
      location: { uri: evidenceUri('entity', node.id, node.name), range: { start: TOP, end: TOP } },
    }));
  });

  wb.connection.onDocumentSymbol(async ({ textDocument }) => {
    const document = wb.followed(textDocument.uri);
    if (!document || document.getText().length > wb.settings().maxDocumentChars) return null;
    await wb.dictionary.ready(5000);
    const matcher = wb.dictionary.matcher;
    if (!matcher) return null;
    return outline(document, matcher.findAll(document.getText()), (entry) => wb.dictionary.nameOf(entry));
  });
}
