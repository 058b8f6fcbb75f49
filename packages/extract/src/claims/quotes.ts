import type { Sentence } from '../segment';
import { isSpace } from '../text-scan';

/** Whether a character opens a quotation, as /^[“"]/ reads the text that starts with it. */
export const isOpeningQuote = (char: string | undefined) => char === '“' || char === '"';
const isClosingQuote = (char: string | undefined) => char === '”' || char === '"';

/** The length of `sentence` without its final run of full stops, ! and ? (as /[.!?]+$/ removes it). */
export function withoutFinalStops(sentence: string): number {
  let end = sentence.length;
  while (end > 0 && '.!?'.includes(sentence[end - 1]!)) end -= 1;
  return end;
}

/**
 * The first match of a global pattern at or after a place, for places that only move forward:
 * kept until the place passes it, so the text is searched once, not once per place. Only for
 * patterns without anchors or lookbehind, whose matches do not depend on where the search starts.
 */
export class NextMatch {
  private from = -1;
  private found: RegExpExecArray | null = null;

  constructor(
    private readonly pattern: RegExp,
    private readonly text: string,
  ) {}

  /** The first match starting at or after `from`, if it ends by `to` (as a search of text.slice(from, to) finds it). */
  within(from: number, to: number): RegExpExecArray | null {
    if (this.from < 0 || from < this.from || (this.found && from > this.found.index)) {
      this.pattern.lastIndex = from;
      this.found = this.pattern.exec(this.text);
      this.pattern.lastIndex = 0;
      this.from = from;
    }
    return this.found && this.found.index + this.found[0].length <= to ? this.found : null;
  }
}

/**
 * Whether the rest of a paragraph from a sentence on is one quotation, as
 * /^[“"](?:(?![”"]\s+\S)[\s\S])*[”"]$/ reads it: an opening mark, a closing mark at the very end,
 * and no closing mark followed by more words in between. Per paragraph, the last closing mark
 * followed by more words is found once, so each sentence is answered without reading the rest.
 */
export class WhollyQuoted {
  private readonly spans = new Map<number, { start: number; end: number; lastInner: number | undefined }>();

  constructor(
    private readonly text: string,
    sentences: readonly Sentence[],
  ) {
    for (const { paragraph, start, end } of sentences) {
      const span = this.spans.get(paragraph);
      if (span) span.end = end;
      else this.spans.set(paragraph, { start, end, lastInner: undefined });
    }
  }

  fromHere(sentence: Sentence): boolean {
    const span = this.spans.get(sentence.paragraph)!;
    const { text } = this;
    if (!isOpeningQuote(text[sentence.start]) || span.end - sentence.start < 2) return false;
    if (!isClosingQuote(text[span.end - 1])) return false;
    span.lastInner ??= this.lastInnerClose(span.start, span.end);
    return span.lastInner < sentence.start + 1;
  }

  /** The last closing mark in [start, end) followed by white space and then more text before `end`; -1 if none. */
  private lastInnerClose(start: number, end: number): number {
    const { text } = this;
    let lastWord = end - 1;
    while (lastWord >= start && isSpace(text.charCodeAt(lastWord))) lastWord -= 1;
    for (let at = lastWord - 2; at >= start; at -= 1)
      if (isClosingQuote(text[at]) && isSpace(text.charCodeAt(at + 1))) return at;
    return -1;
  }
}
