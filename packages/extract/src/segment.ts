import { createRequire } from 'node:module';
import winkNLP, { type ItemToken } from 'wink-nlp';
import type Model from 'wink-eng-lite-web-model';
import { matchesOf } from './matches';

export interface Token {
  start: number;
  end: number;
  text: string;
  /** Universal POS tag from wink's English model: PROPN, NOUN, VERB, AUX, ADP, … */
  pos: string;
}

export interface Sentence {
  start: number;
  end: number;
  text: string;
  tokens: Token[];
  /** Index of the paragraph it is in. */
  paragraph: number;
  /** A short line without a final full stop: a sub-heading or headline. */
  heading: boolean;
}

// One model for the process: loading it costs far more than reading an article, so it is read
// when the first article is, not when extraction is imported (the server and most commands
// import it and never segment). Only sentence boundaries and POS tags are read here; the default
// pipe also runs NER, negation and sentiment (most of readDoc's time), none of which feeds POS.
let language: { nlp: ReturnType<typeof winkNLP>; its: ReturnType<typeof winkNLP>['its'] } | undefined;
function english() {
  if (!language) {
    const model = createRequire(import.meta.url)('wink-eng-lite-web-model') as typeof Model;
    const nlp = winkNLP(model, ['sbd', 'pos']);
    language = { nlp, its: nlp.its };
  }
  return language;
}

const SENTENCE_END = /[.!?"”’)]$/;

/** Paragraphs are separated by blank lines; returns [start, end) of each, trimmed. */
export function paragraphs(text: string, from: number): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const pattern = /\r?\n[ \t]*\r?\n/g;
  let start = from;
  for (const match of matchesOf(pattern, text)) {
    if (match.index < from) continue;
    pushTrimmed(spans, text, start, match.index);
    start = match.index + match[0].length;
  }
  pushTrimmed(spans, text, start, text.length);
  return spans;
}

/** Adds [start, end) without its surrounding white space, unless nothing else is left. */
function pushTrimmed(spans: Array<[number, number]>, text: string, start: number, end: number): void {
  const raw = text.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  const trimmed = raw.trim();
  if (trimmed) spans.push([start + lead, start + lead + trimmed.length]);
}

/**
 * Splits [from, end) of the text into sentences of tokens with POS tags and exact offsets.
 * Sentences never cross a paragraph; a short paragraph without a full stop is one heading.
 */
export function segment(text: string, from = 0): Sentence[] {
  const sentences: Sentence[] = [];
  const { nlp, its } = english();
  paragraphs(text, from).forEach(([pStart, pEnd], paragraph) => {
    const body = text.slice(pStart, pEnd);
    const heading = !SENTENCE_END.test(body) && body.length < 160 && !body.includes('\n');
    const doc = nlp.readDoc(body);
    // wink's tokens are verbatim pieces of the text: find each from where the last ended.
    let cursor = 0;
    const all = doc.tokens();
    const located = all.out() as string[];
    const pos = all.out(its.pos) as string[];
    const tokens: Token[] = located.map((value, i) => {
      const at = body.indexOf(value, cursor);
      const start = at >= 0 ? at : cursor;
      cursor = start + value.length;
      return { start: pStart + start, end: pStart + start + value.length, text: value, pos: pos[i] ?? 'X' };
    });
    if (heading) {
      sentences.push({ start: pStart, end: pEnd, text: body, tokens, paragraph, heading: true });
      return;
    }
    // Each sentence's [first, last] token, read at once rather than through a wink item per sentence.
    const spans = doc.sentences().out(its.span) as unknown as Array<[number, number]>;
    for (const [first, last] of spans) {
      const own = tokens.slice(first, last + 1);
      if (own.length === 0) continue;
      const start = own[0]!.start;
      const end = own.at(-1)!.end;
      sentences.push({ start, end, text: text.slice(start, end), tokens: own, paragraph, heading: false });
    }
  });
  return sentences;
}

export type { ItemToken };
