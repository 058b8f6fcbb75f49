import winkNLP, { type ItemSentence, type ItemToken } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

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

// One model for the process: loading it costs far more than reading an article.
const nlp = winkNLP(model);
const its = nlp.its;

/** Paragraphs are separated by blank lines; returns [start, end) of each, trimmed. */
export function paragraphs(text: string, from: number): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const pattern = /\r?\n[ \t]*\r?\n/g;
  let start = from;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed) spans.push([start + lead, start + lead + trimmed.length]);
  };
  for (const match of text.matchAll(pattern)) {
    if (match.index < from) continue;
    push(match.index);
    start = match.index + match[0].length;
  }
  push(text.length);
  return spans;
}

/**
 * Splits [from, end) of the text into sentences of tokens with POS tags and exact offsets.
 * Sentences never cross a paragraph; a short paragraph without a full stop is one heading.
 */
export function segment(text: string, from = 0): Sentence[] {
  const sentences: Sentence[] = [];
  paragraphs(text, from).forEach(([pStart, pEnd], paragraph) => {
    const body = text.slice(pStart, pEnd);
    const heading = !/[.!?"”’)]$/.test(body) && body.length < 160 && !body.includes('\n');
    const doc = nlp.readDoc(body);
    // wink's tokens are verbatim pieces of the text: find each from where the last ended.
    let cursor = 0;
    const located = doc.tokens().out() as string[];
    const pos = doc.tokens().out(its.pos) as string[];
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
    doc.sentences().each((s: ItemSentence) => {
      const [first, last] = s.out(its.span) as unknown as [number, number];
      const own = tokens.slice(first, last + 1);
      if (own.length === 0) return;
      const start = own[0]!.start;
      const end = own.at(-1)!.end;
      sentences.push({ start, end, text: text.slice(start, end), tokens: own, paragraph, heading: false });
    });
  });
  return sentences;
}

export type { ItemToken };
