import { createRequire } from 'node:module';
import winkNLP, { type ItemToken } from 'wink-nlp';
import type Model from 'wink-eng-lite-web-model';
import { MAX_SENTENCE_CHARS, blankRuns, cutLongSentence, longRuns, runTokens } from './long-text';
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
 * Sentences never cross a paragraph; a short paragraph without a full stop is one heading. No
 * sentence is longer than MAX_SENTENCE_CHARS, nor a token than MAX_WORD_CHARS (see long-text.ts).
 */
export function segment(text: string, from = 0): Sentence[] {
  const sentences: Sentence[] = [];
  paragraphs(text, from).forEach(([pStart, pEnd], paragraph) => {
    const body = text.slice(pStart, pEnd);
    const heading = !SENTENCE_END.test(body) && body.length < 160 && !body.includes('\n');
    const { tokens, firsts } = tokenize(body, pStart);
    if (heading) {
      sentences.push({ start: pStart, end: pEnd, text: body, tokens, paragraph, heading: true });
      return;
    }
    firsts.forEach((first, i) => {
      const own = tokens.slice(first, firsts[i + 1] ?? tokens.length);
      const pieces = own.at(-1)!.end - own[0]!.start > MAX_SENTENCE_CHARS ? cutLongSentence(own) : [own];
      for (const piece of pieces) {
        const start = piece[0]!.start;
        const end = piece.at(-1)!.end;
        sentences.push({ start, end, text: text.slice(start, end), tokens: piece, paragraph, heading: false });
      }
    });
  });
  return sentences;
}

/**
 * A paragraph's tokens, and the index of each sentence's first token. wink reads the paragraph
 * with its overlong runs blanked out; each run becomes tokens of its own, in the sentence it
 * stands in (or the one before it, between two).
 */
function tokenize(body: string, offset: number): { tokens: Token[]; firsts: number[] } {
  const { nlp, its } = english();
  const runs = longRuns(body);
  const read = runs.length > 0 ? blankRuns(body, runs) : body;
  const doc = nlp.readDoc(read);
  // wink's tokens are verbatim pieces of the text: find each from where the last ended.
  let cursor = 0;
  const all = doc.tokens();
  const located = all.out() as string[];
  const pos = all.out(its.pos) as string[];
  const words: Token[] = located.map((value, i) => {
    const at = read.indexOf(value, cursor);
    const start = at >= 0 ? at : cursor;
    cursor = start + value.length;
    return { start: offset + start, end: offset + start + value.length, text: value, pos: pos[i] ?? 'X' };
  });
  // Each sentence's [first, last] token, read at once rather than through a wink item per
  // sentence. They follow one another, so a sentence's tokens are those up to the next one's first.
  const spans = doc.sentences().out(its.span) as unknown as Array<[number, number]>;
  const starts = spans.filter(([first, last]) => last >= first).map(([first]) => first);
  if (runs.length === 0) return { tokens: words, firsts: starts };
  const tokens: Token[] = [];
  const firsts: number[] = [];
  const at = new Map(starts.map((first, i) => [first, i]));
  let run = 0;
  const runsBefore = (end: number) => {
    for (; run < runs.length && offset + runs[run]![0] < end; run += 1)
      for (const token of runTokens(body, runs[run]!, offset)) tokens.push(token);
  };
  words.forEach((word, i) => {
    runsBefore(word.start);
    if (at.has(i)) firsts.push(tokens.length);
    tokens.push(word);
  });
  runsBefore(Infinity);
  // Runs before the first sentence belong to it; a paragraph of runs alone is one sentence.
  if (firsts.length === 0 || firsts[0] !== 0) firsts[0] = 0;
  return { tokens, firsts };
}

export type { ItemToken };
