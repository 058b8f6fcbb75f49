import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SemanticTokensBuilder } from 'vscode-languageserver/node';
import { NameMatcher } from '@sitrep/names';
import { pushNameTokens } from './tokens';

const ENTRIES = [
  { name: 'Hmeimim Air Base', entity: 'I1', kind: 'INSTALLATION' as const },
  { name: 'the Kremlin', entity: 'A1', kind: 'ACTOR' as const },
];

/** The builder's relative encoding, decoded to absolute [line, character, length, type]. */
function decode(data: number[]): number[][] {
  const out: number[][] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i]!;
    character = data[i]! === 0 ? character + data[i + 1]! : data[i + 1]!;
    out.push([line, character, data[i + 2]!, data[i + 3]!]);
  }
  return out;
}

function tokens(text: string): number[][] {
  const document = TextDocument.create('file:///r.md', 'markdown', 1, text);
  const builder = new SemanticTokensBuilder();
  pushNameTokens(builder, document, new NameMatcher(ENTRIES).findAll(text));
  return decode(builder.build().data);
}

describe('pushNameTokens', () => {
  it('marks each known name with its kind', () => {
    expect(tokens('The Kremlin denied it.\nJets left Hmeimim Air Base.')).toEqual([
      [0, 4, 7, 1], // the matcher leaves a leading article out of the name
      [1, 10, 16, 0],
    ]);
  });

  it('splits a name broken across lines into one token a line, without the line break', () => {
    expect(tokens('Jets left Hmeimim Air\r\nBase on Monday.')).toEqual([
      [0, 10, 11, 0],
      [1, 0, 4, 0],
    ]);
  });
});
