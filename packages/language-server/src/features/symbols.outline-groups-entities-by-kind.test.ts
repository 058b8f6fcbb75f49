import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SymbolKind } from 'vscode-languageserver/node';
import { NameMatcher } from '@sitrep/names';
import { outline } from './symbols';

const ENTRIES = [
  { name: 'Hmeimim Air Base', entity: 'I1', kind: 'INSTALLATION' as const, primary: true },
  { name: 'Hmeimim', entity: 'I1', kind: 'INSTALLATION' as const, primary: false },
  { name: 'Tartus naval facility', entity: 'I2', kind: 'INSTALLATION' as const, primary: true },
  { name: 'Tartous', entity: 'I2', kind: 'INSTALLATION' as const, primary: false },
  { name: 'the Kremlin', entity: 'A1', kind: 'ACTOR' as const, primary: true },
];
const own = new Map(ENTRIES.filter((e) => e.primary).map((e) => [e.entity, e.name]));

describe('outline', () => {
  it('lists each entity once under its own name, grouped by kind, with its mentions counted', () => {
    const text = 'Ships left Tartous.\nThe Kremlin said Hmeimim stays.\nMore ships at Tartous on Friday.\n';
    const document = TextDocument.create('file:///r.md', 'markdown', 1, text);
    const symbols = outline(document, new NameMatcher(ENTRIES).findAll(text), (e) => own.get(e.entity) ?? e.name);

    expect(symbols.map((s) => [s.name, s.detail, s.kind])).toEqual([
      ['Installations', '2 installations', SymbolKind.Namespace],
      ['Actors', '1 actor', SymbolKind.Namespace],
    ]);
    expect(symbols[0]!.children!.map((c) => [c.name, c.detail])).toEqual([
      ['Hmeimim Air Base', '1 mention'],
      ['Tartus naval facility', '2 mentions'],
    ]);
    // Spans first to last mention, selects the first.
    const tartus = symbols[0]!.children![1]!;
    expect(tartus.selectionRange).toEqual({ start: { line: 0, character: 11 }, end: { line: 0, character: 18 } });
    expect(tartus.range.end).toEqual({ line: 2, character: 21 });
    expect(symbols[1]!.children!.map((c) => c.name)).toEqual(['the Kremlin']);
  });

  it('is empty for a document that names nothing known', () => {
    const document = TextDocument.create('file:///r.md', 'markdown', 1, 'Nothing here.');
    expect(outline(document, [], (e) => e.name)).toEqual([]);
  });
});
