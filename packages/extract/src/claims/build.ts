import type { EntityTable } from '../entities/table';
import { findEventDate } from '../rules/event-date';
import { isHedged } from '../rules/hedges';
import { stanceOf } from '../rules/negation';
import type { Sentence } from '../segment';
import type { ExtractedClaim } from '../types';
import { type Frame, findFrames } from './attribution';
import { describeSource, sourceLog } from './source';
import { matchesOf } from '../matches';
import { WordCount, isSpace, trimRange } from '../text-scan';
import { About } from './about';
import { NextMatch, WhollyQuoted, isOpeningQuote, withoutFinalStops } from './quotes';

// The outlet speaking about its own reporting is not a claim about the world.
const META =
  /\b(?:(?:could not|was unable to|were unable to|cannot|has not been able to)\s+(?:immediately\s+)?(?:independently\s+)?(?:verify|confirm|ascertain|determine)|could not be (?:immediately |independently )?(?:located|verified|confirmed|identified|determined|reached))\b/i;

// ", a pledge suggesting …": the outlet's reading of what it reports is a claim of its own.
const GLOSS =
  /,\s+(?:a|an|in a)\s+\w+\s+(?:suggesting|indicating|signalling|signaling|showing|underscoring|highlighting)\b/;

// The patterns below are built once: a literal in a function body is a new RegExp object each
// time the line runs, and these run for every sentence or claim.
// "A but B", "A, and B", "A — B": two clauses, split where one affirms and the other denies.
const BUT = /(?:,|\s+[—–])?\s+but\s+|,\s+and\s+|\s+[—–]\s+/g;
const DASHES = /\s[—–]\s/g;
const DASH = /[—–]/;
const OPENING_QUOTE = /^[“"]/;
const QUOTE_MARK = /[“"]/;
// A sentence that closes a quotation (“…, we will,” X said) names who the next quoted paragraph goes on quoting.
const ANY_QUOTE_MARK = /[“”"]/;
const CLOSING_QUOTE = /[”"]/;
const QUOTED_SENTENCE = /[”"]\s*$|^[“"]/;
const CLOSING_PUNCTUATION = /[.,]?[”"]?$/;
const FINAL_COMMA_OR_STOP = /[.,]$/;
const LEADING_SPACE = /^\s+/;
const NOT_SPACE = /\S/;

/** Contrasts weighed in one part at most: the corpus weighs one at most, a part with more is a list. */
const MAX_CONTRASTS = 8;

/**
 * One sentence part becomes two claims where it asserts one thing and denies another ("… but is
 * not leaving …", "we agree on this, and there are no obstacles", "there is no base — we are only
 * repairing our own").
 */
function splitOnContrast(text: string, start: number, end: number): Array<[number, number]> {
  const part = text.slice(start, end);
  // Two dashes enclose an aside ("— despite Beijing funding the revamp —"); one joins two clauses.
  const dashes = part.match(DASHES)?.length ?? 0;
  const words = new WordCount(part);
  let weighed = 0;
  for (const m of matchesOf(BUT, part)) {
    if (dashes > 1 && DASH.test(m[0]) && !m[0].includes('but')) continue;
    const rightStart = m.index + m[0].length;
    if (words.pieces(0, m.index) < 3 || words.pieces(rightStart, part.length) < 3) continue;
    // Each weighing reads the whole part: a bound on them keeps a part of endless joints linear.
    if (++weighed > MAX_CONTRASTS) break;
    if (stanceOf(part.slice(0, m.index)) !== stanceOf(part.slice(rightStart))) {
      return [
        [start, start + m.index],
        [start + rightStart, end],
      ];
    }
  }
  return [[start, end]];
}

// "was a message to Turkey: “Do not …”" / "“A” and “B”": each quotation is a statement of its own.
const COLON_THEN_QUOTE = /:\s*[“"]/g;
const QUOTE_AND_QUOTE = /[”"],?\s+and\s+[“"]/g;
const LEADING = (c: string) => c === '“' || c === '"' || isSpace(c.charCodeAt(0));
const TRAILING = (c: string) => c === '”' || c === '"' || c === '.' || c === ',' || isSpace(c.charCodeAt(0));

/**
 * One part becomes several where it holds a quoted message after a colon, or two quotations
 * joined by "and": the part up to the first such joint, then the rest read again the same way.
 * The first joint at or after a place is found once and kept: the rest of a part is never searched twice.
 */
function splitOnQuotations(text: string, start: number, end: number): Array<[number, number]> {
  const part = text.slice(start, end);
  const colon = new NextMatch(COLON_THEN_QUOTE, part);
  const and = new NextMatch(QUOTE_AND_QUOTE, part);
  const words = new WordCount(part);
  const found: Array<[number, number]> = [];
  for (let [from, to] = [0, part.length]; ;) {
    const m = colon.within(from, to) ?? and.within(from, to);
    if (!m || words.pieces(from, m.index) < 3) {
      found.push([start + from, start + to]);
      return found;
    }
    const left = trimRange(part, from, m.index + (m[0].startsWith(':') ? 0 : 1), LEADING, TRAILING);
    found.push([start + left[0], start + left[1]]);
    [from, to] = trimRange(part, m.index + m[0].length - 1, to, LEADING, TRAILING);
  }
}

const INDEFINITE_HEAD =
  /^(?:an?|one)\s+(?:[\p{L}-]+\s+){0,2}?(expert|analyst|official|source|diplomat|officer|researcher|specialist)\b/iu;
const THE_NOUN = /^the ([^,]*),\s/i;

/**
 * A source introduced without a name and named later ("an expert quoted by BlackSky" … "said the
 * expert, Craig Singleton") is that person from the start: the nearest later source with a name
 * that reads "the <noun>, …". Read from the last claim back, each noun's nearest is kept as it goes.
 */
function nameIntroducedSources(claims: ExtractedClaim[]): void {
  const later = new Map<string, string>();
  for (let i = claims.length - 1; i >= 0; i -= 1) {
    const source = claims[i]!.source;
    if (!source) continue;
    if (source.actor) {
      const noun = THE_NOUN.exec(source.text)?.[1];
      if (noun !== undefined) later.set(foldCase(noun), source.actor);
      continue;
    }
    const head = INDEFINITE_HEAD.exec(source.text)?.[1];
    const actor = head === undefined ? undefined : later.get(foldCase(head));
    if (actor) claims[i]!.source = { ...source, actor, anonymous: false };
  }
}

/** A word as a case-insensitive RegExp without the u flag compares it: each unit in upper case, ASCII kept apart. */
function foldCase(word: string): string {
  let folded = '';
  for (const unit of word.split('')) {
    const upper = unit.toUpperCase();
    folded += upper.length === 1 && !(unit.charCodeAt(0) >= 128 && upper.charCodeAt(0) < 128) ? upper : unit;
  }
  return folded;
}

/** Turns sentences into claims: attributed statements with their sources, and the outlet's own key statements. */
export function buildClaims(
  text: string,
  sentences: Sentence[],
  table: EntityTable,
  published: string,
): ExtractedClaim[] {
  const claims: ExtractedClaim[] = [];
  const sources = sourceLog();
  const about = new About(table, text);
  const aboutOf = (span: [number, number], sentence: Sentence, sourceSpan: [number, number] | null) =>
    about.of(span, sentence, sourceSpan);
  const quoted = new WhollyQuoted(text, sentences);
  let lastQuoted: { paragraph: number; source: ExtractedClaim['source'] } | null = null;
  // Quoted sentences whose speaker is named only at the end of the quote: “A. B,” X said.
  let pending: Array<ExtractedClaim & { paragraph?: number }> = [];
  for (const sentence of sentences) {
    const frames: Frame[] = findFrames(sentence.text, sentence.tokens, sentence.start);
    const date = findEventDate(sentence.text, published)?.date ?? null;
    // Quoted speech with no attribution of its own goes on quoting the last speaker: later in the
    // same paragraph, or in the next paragraphs when each is a quotation from its first mark to its
    // last (the news convention for a long quote); a paragraph that names its speaker later does not.
    const quoteOpen =
      lastQuoted?.paragraph === sentence.paragraph
        ? OPENING_QUOTE.test(sentence.text) || !isOpeningQuote(text[sentence.end])
        : lastQuoted?.paragraph === sentence.paragraph - 1 &&
          OPENING_QUOTE.test(sentence.text) &&
          quoted.fromHere(sentence);
    if (frames.length === 0 && quoteOpen && lastQuoted?.source && QUOTED_SENTENCE.test(sentence.text)) {
      const [start, end] = [sentence.start, sentence.end];
      const quote = text.slice(start, end).replace(OPENING_QUOTE, '').replace(CLOSING_PUNCTUATION, '');
      const offset = text.slice(start, end).indexOf(quote);
      claims.push({
        start: start + offset,
        end: start + offset + quote.length,
        quote,
        source: lastQuoted.source,
        about: aboutOf([start, end], sentence, null),
        stance: stanceOf(quote),
        hedged: isHedged(quote),
        event_date: date,
      });
      lastQuoted = { paragraph: sentence.paragraph, source: lastQuoted.source };
      continue;
    }
    // Inside a quotation that opened in an earlier sentence of this paragraph and has not closed yet.
    const insideQuote =
      pending.length > 0 && pending.at(-1)!.paragraph === sentence.paragraph && !QUOTE_MARK.test(sentence.text);
    const opensQuote = OPENING_QUOTE.test(sentence.text);
    // A straight quote mark opens and closes alike: the one that opens the sentence does not close it.
    if (frames.length === 0 && ((opensQuote && !CLOSING_QUOTE.test(sentence.text.slice(1))) || insideQuote)) {
      const quote = sentence.text.replace(OPENING_QUOTE, '').replace(FINAL_COMMA_OR_STOP, '');
      const start = sentence.start + (opensQuote ? 1 : 0);
      const claim: ExtractedClaim = {
        start,
        end: start + quote.length,
        quote,
        source: null,
        about: aboutOf([start, start + quote.length], sentence, null),
        stance: stanceOf(quote),
        hedged: isHedged(quote),
        event_date: date,
      };
      claims.push(claim);
      pending.push(Object.assign(claim, { paragraph: sentence.paragraph }));
      continue;
    }
    if (pending.length && frames[0]?.source) {
      const [s0, s1] = frames[0].source;
      const named = describeSource(text, sentence.start + s0, sentence.start + s1, table, sources).source;
      for (const claim of pending) claim.source = named;
      // The closing sentence of a quotation may itself be plain quoted speech: “C,” said X.
    }
    pending = [];
    if (frames.length === 0) {
      if (sentence.heading || META.test(sentence.text)) continue;
      if (table.inside(sentence.start, sentence.end).length === 0) continue;
      frames.push({ content: [0, withoutFinalStops(sentence.text)], source: null, noComment: false });
    }
    for (const frame of frames) {
      const sourceSpan: [number, number] | null = frame.source
        ? [sentence.start + frame.source[0], sentence.start + frame.source[1]]
        : null;
      const described = sourceSpan ? describeSource(text, sourceSpan[0], sourceSpan[1], table, sources) : null;
      if (described) sources.push(described.memory);
      const contentStart = sentence.start + frame.content[0];
      let contentEnd = sentence.start + frame.content[1];
      const gloss = frame.source ? GLOSS.exec(text.slice(contentStart, contentEnd)) : null;
      if (gloss) {
        const glossStart = contentStart + gloss.index + gloss[0].search(NOT_SPACE) + 1;
        const quote = text.slice(glossStart, contentEnd).replace(LEADING_SPACE, '');
        const start = contentEnd - quote.length;
        claims.push({
          start,
          end: contentEnd,
          quote,
          source: null,
          about: aboutOf([start, contentEnd], sentence, null),
          stance: stanceOf(quote),
          hedged: isHedged(quote),
          event_date: null,
        });
        contentEnd = contentStart + gloss.index;
      }
      const parts = frame.noComment
        ? [[contentStart, contentEnd] as [number, number]]
        : splitOnContrast(text, contentStart, contentEnd).flatMap(([a, b]) => splitOnQuotations(text, a, b));
      for (const [start, end] of parts) {
        if (end - start < 8) continue;
        const quote = text.slice(start, end);
        claims.push({
          start,
          end,
          quote,
          source: described?.source ?? null,
          about: aboutOf([start, end], sentence, sourceSpan),
          stance: frame.noComment ? 'no_comment' : frame.denyingVerb ? 'denies' : stanceOf(quote),
          hedged: isHedged(quote) || frame.hedgedVerb === true,
          event_date: date,
        });
      }
      if (described && ANY_QUOTE_MARK.test(sentence.text))
        lastQuoted = { paragraph: sentence.paragraph, source: described.source };
    }
  }
  nameIntroducedSources(claims);
  about.complete(claims);
  return claims;
}
