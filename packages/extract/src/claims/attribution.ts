import type { Token } from '../segment';
import { DENYING_VERB, HEDGING_VERB, IN_THEIR_WORDS } from './cues';
import {
  VERBS,
  REPORTING,
  REPORTING_WORD,
  AFTER_VERB,
  AFTER_TOLD,
  LEADING,
  TRAILING,
  TRAILING_TAIL,
  TRAILING_TOLD_TAIL,
  TELLS,
  NO_COMMENT,
  CONNECTOR,
  EVIDENCE_HEAD,
  NO_COMMENT_WORD,
  isNoComment,
  SPACES,
  sourceLike,
  trimSpan,
  QUOTED_THEN_SOURCE,
  SECOND_SPEAKER,
  NOT_A_SECOND_SPEAKER,
  ANAPHORIC_OBJECT,
  SPLIT_QUOTE,
  INTERRUPTING,
  MIN_PART_WORDS,
  FINITE_START,
  CITED_AS,
  OWNED_CLAIMS_THAT,
  SAYING,
  subjectOf,
  OTHER_FRAME_CUE,
  CITING,
  BUT_SAID,
  EVIDENCE_SHOWS,
  CLOSING_QUOTE,
  EVIDENCE_VERB,
  ACCORDING_TO_FIRST,
  ACCORDING_TO_LAST,
  QUOTED_AS_SAYING,
  OPENING_QUOTE,
  APPOSITIVE,
  LAST_APPOSITIVE,
  INNER_APPOSITIVE,
  COMMA_OR_SEMICOLON,
  UP_TO_THAT,
  ENDS_IN_THAT,
  ADDING,
  AND_THAT,
  MAX_FRAME_SENTENCE,
  ONLY_NAMES_A_STATEMENT,
  MANNER_AT_END,
} from './frame-patterns';

/** Who says what in one sentence: the content span and the span naming its source. */
export interface Frame {
  /** Offsets into the sentence text. */
  content: [number, number];
  source: [number, number] | null;
  /** The reporting verb hedges ("suggested", "alleged"). */
  hedgedVerb?: boolean;
  /** The reporting verb denies ("denied that …"). */
  denyingVerb?: boolean;
  /** The claim is that the source did not comment; the quote keeps the source. */
  noComment: boolean;
}

/**
 * Finds the attribution frames of a sentence: `X said …`, `…, X said`, `according to X`,
 * quoted speech, headline `X says …`, `…, adding that …`, and "did not respond to a request for comment".
 */
export function findFrames(text: string, tokens?: readonly Token[], offset = 0): Frame[] {
  // A "sentence" this long is text the splitter found no end in (a list, a paste, a hostile
  // input); the frame patterns backtrack over it quadratically (200 KB of quotes: 5 s) and a
  // frame fitted to it would not be a claim anyone wrote.
  if (text.length > MAX_FRAME_SENTENCE) return [];
  // Most sentences of an article attribute nothing: without any word a frame needs, none of the
  // patterns (several carry the whole reporting lexicon) is tried.
  if (!REPORTING_WORD.test(text) && !OTHER_FRAME_CUE.test(text)) return [];
  // Offsets stay those of the text: nouns that look like reporting verbs are only blanked out.
  const masked = tokens ? maskNounUses(text, tokens, offset) : text;
  // "X reported, citing Y, that …": Y said it and X relays it; the frame is read without the
  // citing phrase, and its source is Y, the innermost speaker.
  const citing = CITING.exec(masked);
  if (citing) {
    const at = citing.index + citing[0].indexOf(citing[1]!);
    const inner: [number, number] = trimSpan(masked, at, at + citing[1]!.length);
    const blanked = `${masked.slice(0, citing.index)}${' '.repeat(citing[0].length)}${masked.slice(citing.index + citing[0].length)}`;
    const frames = framesAround(blanked);
    if (frames.some((f) => f.source)) return frames.map((f) => (f.source ? { ...f, source: inner } : f));
  }
  return framesAround(masked);
}

/**
 * The frames of a sentence, and of what its source said next ("…, but said …", "X disputed that,
 * saying that …").
 */
function framesAround(sentence: string): Frame[] {
  // "…, after satellite images showed …", "…, which analysts warn could …": a second speaker in a
  // clause of its own; the first part is read on its own.
  const clause = SECOND_SPEAKER.exec(sentence);
  if (clause && clause.index > 0 && sourceLike(clause[1]!) && !NOT_A_SECOND_SPEAKER.test(clause[1]!)) {
    const first = framesAround(sentence.slice(0, clause.index));
    const at = clause.index + clause[0].indexOf(clause[1]!);
    const contentAt = clause.index + clause[0].length;
    const main =
      first.length > 0 ? first : [{ content: trimSpan(sentence, 0, clause.index), source: null, noComment: false }];
    const source = trimSpan(sentence, at, at + clause[1]!.length);
    const second = statementAfter(sentence, contentAt, source, clause[2]!);
    // "but B denied it": what B denied is only pointed at; the claim is B's clause itself.
    if (ANAPHORIC_OBJECT.test(sentence.slice(contentAt))) second.content = trimSpan(sentence, at, sentence.length);
    return [...main, second];
  }
  const saying = SAYING.exec(sentence);
  if (saying && saying.index > 0) {
    const first = sentence.slice(0, saying.index);
    const frames = framesOf(first);
    const at = saying.index + saying[0].length;
    // Who says it: the speaker named last, after what they said ("…, an official said, adding
    // that …"); else the first clause's subject ("Hadfield disputed that", "The Command rejected
    // Russian claims that …"); else the first part's source.
    const last = frames.at(-1);
    const trailing = last?.source && last.source[0] > last.content[0] ? last.source : undefined;
    const source = trailing ?? subjectOf(first) ?? last?.source;
    if (source) return [...frames, statementAfter(sentence, at, source, saying[1]!)];
  }
  // "…, Shaibani told Lavrov, but said there were factors …": the frames of the first part, and
  // what the same source said next.
  const next = BUT_SAID.exec(sentence);
  if (next && next.index > 0) {
    const frames = framesOf(sentence.slice(0, next.index));
    const source = frames.at(-1)?.source;
    if (source) return [...frames, statementAfter(sentence, next.index + next[0].length, source, next[1]!)];
  }
  return framesOf(sentence);
}

/** What a source said from `at` to the end of the sentence, hedged or denied as its verb says. */
function statementAfter(sentence: string, at: number, source: [number, number], verb: string): Frame {
  return {
    content: trimSpan(sentence, at, sentence.length),
    source,
    noComment: false,
    hedgedVerb: HEDGING_VERB.test(verb),
    denyingVerb: DENYING_VERB.test(verb),
  };
}

function framesOf(sentence: string): Frame[] {
  const frames: Frame[] = [];

  // “A,” the Kremlin said, “B.”
  const split = CLOSING_QUOTE.test(sentence) ? SPLIT_QUOTE.exec(sentence) : null;
  const splitSource = split?.indices?.[2] ?? split?.indices?.[3];
  if (split?.indices && splitSource && sourceLike(sentence.slice(...splitSource))) {
    const source = trimSpan(sentence, ...splitSource);
    return [split.indices[1]!, split.indices[4]!].map(([a, b]) => ({
      content: trimSpan(sentence, a, b),
      source,
      noComment: false,
    }));
  }

  // “…,” said the official, adding that …  /  “…,” he added.  /  …,” Sharaa, who spoke in Arabic, told Putin.
  const quoted = CLOSING_QUOTE.test(sentence) ? QUOTED_THEN_SOURCE.exec(sentence) : null;
  if (quoted && sourceLike((quoted[2] ?? quoted[3]!).replace(APPOSITIVE, ''))) {
    const sourceText = quoted[2] ?? quoted[3]!;
    const sourceStart = sentence.indexOf(sourceText, quoted[1]!.length);
    // "“…,” X, a Y, said": the comma closing the appositive is not part of the name.
    const source: [number, number] = trimSpan(sentence, sourceStart, sourceStart + sourceText.length);
    const open = OPENING_QUOTE.test(sentence) ? 1 : 0;
    frames.push({ content: trimSpan(sentence, open, open + quoted[1]!.length), source, noComment: false });
    if (quoted[4]) {
      const at = sentence.lastIndexOf(quoted[4]);
      frames.push({ content: trimSpan(sentence, at, at + quoted[4].length), source, noComment: false });
    }
    return frames;
  }

  // Satellite imagery shows that … (content after "that") / An image taken on Dec. 9 showed three ships (all of it).
  const evidence = EVIDENCE_VERB.test(sentence) ? EVIDENCE_SHOWS.exec(sentence) : null;
  // "Satellite photos show …, said X, an analyst": X is who says it; the photos are what X cites.
  const speaker = evidence && REPORTING_WORD.test(sentence) ? trailingSpeaker(sentence) : null;
  if (speaker) return framesOfTrailing(sentence, speaker);
  if (evidence && EVIDENCE_HEAD.test(evidence[1]!.split(SPACES).slice(0, 3).join(' '))) {
    const source: [number, number] = trimSpan(sentence, 0, evidence[1]!.length);
    const start = evidence[3] ? evidence[0].length : 0;
    return [{ content: trimSpan(sentence, start, sentence.length), source, noComment: false }];
  }

  // The company cited satellite imagery as showing that …
  const citedAs = CITED_AS.exec(sentence);
  if (citedAs && sourceLike(citedAs[1]!)) {
    return [
      {
        content: trimSpan(sentence, citedAs[0].length, sentence.length),
        source: trimSpan(sentence, 0, citedAs[1]!.length),
        noComment: false,
      },
    ];
  }

  // In his words, … / In the minister's view, … / In the words of X, …
  const inWords = IN_THEIR_WORDS.exec(sentence);
  if (inWords) {
    const sourceText = inWords[1] ?? inWords[2]!;
    const at = inWords[0].indexOf(sourceText);
    return [
      {
        content: trimSpan(sentence, inWords[0].length, sentence.length),
        source: [at, at + sourceText.length],
        noComment: false,
      },
    ];
  }

  // According to X, … / …, according to X.
  const accordingFirst = ACCORDING_TO_FIRST.exec(sentence);
  if (accordingFirst) {
    const start = accordingFirst[0].length;
    const at = accordingFirst[0].indexOf(accordingFirst[1]!);
    return [
      {
        content: trimSpan(sentence, start, sentence.length),
        source: trimSpan(sentence, at, at + accordingFirst[1]!.length),
        noComment: false,
      },
    ];
  }
  const accordingLast = ACCORDING_TO_LAST.exec(sentence);
  if (accordingLast) {
    // "Two officials said X, according to the spokesman": the officials are who said X; the
    // spokesman only relays it. The innermost speaker is the claim's source.
    const inner = framesOf(sentence.slice(0, accordingLast.index));
    if (inner.some((f) => f.source)) return inner;
    const at = accordingLast.index + accordingLast[0].indexOf(accordingLast[1]!);
    return [
      {
        content: trimSpan(sentence, 0, accordingLast.index),
        source: [at, at + accordingLast[1]!.length],
        noComment: false,
      },
    ];
  }

  // Al-Watan quoted the head of customs, Riad Joudy, as saying that …
  const quotedAs = QUOTED_AS_SAYING.exec(sentence);
  if (quotedAs) {
    const sourceStart = quotedAs.index + quotedAs[0].indexOf(quotedAs[1]!);
    const start = quotedAs.index + quotedAs[0].length;
    return [
      {
        content: trimSpan(sentence, start, sentence.length),
        source: [sourceStart, sourceStart + quotedAs[1]!.length],
        noComment: false,
      },
    ];
  }

  // X said (that) …  /  Kremlin says …  /  But the sources said …
  const connector = CONNECTOR.exec(sentence)?.[0].length ?? 0;
  // Most sentences have no reporting verb: neither "X said …" nor "…, X said" is searched for in them.
  const reports = REPORTING_WORD.test(sentence);
  const leading = reports ? LEADING.exec(sentence.slice(connector)) : null;
  // One appositive may sit inside the source: "STG Engineering, a Russian company that …, said".
  const bareSource = leading?.[1]!.replace(LAST_APPOSITIVE, '').replace(INNER_APPOSITIVE, '') ?? '';
  if (leading && REPORTING.test(leading[2]!) && sourceLike(bareSource) && !COMMA_OR_SEMICOLON.test(bareSource)) {
    const sourceStart = connector;
    const manner = MANNER_AT_END.exec(leading[1]!);
    const sourceEnd = connector + (manner ? manner.index : leading[1]!.length);
    const verbEnd = connector + leading[0].length;
    const afterVerb = sentence.slice(verbEnd);
    // "told Reuters on Friday that …", but not across "A and that B", whose A is said too (splitOnThat).
    const upToThat = UP_TO_THAT.exec(afterVerb);
    const toThat = upToThat && !AND_THAT.test(upToThat[0]) ? upToThat : null;
    const rest = (leading[2] === 'told' ? AFTER_TOLD : AFTER_VERB).exec(afterVerb);
    const contentStart =
      verbEnd + (toThat && !ENDS_IN_THAT.test(rest?.[0] ?? '') ? toThat[0].length : (rest?.[0].length ?? 0));
    // "X, a Y, said": the comma closing the appositive is not part of the name.
    const source: [number, number] = trimSpan(sentence, sourceStart, sourceEnd);
    const adding = ADDING.exec(sentence.slice(contentStart));
    // "X said …, two officials told reporters": the second frame relays the first; neither is content.
    const relayed = adding ? null : trailingSpeaker(sentence.slice(contentStart));
    const contentEnd = adding ? contentStart + adding.index : relayed ? contentStart + relayed.at : sentence.length;
    const content = trimSpan(sentence, contentStart, contentEnd);
    const hedgedVerb = HEDGING_VERB.test(leading[2]!);
    const denyingVerb = DENYING_VERB.test(leading[2]!);
    // "X rejected Russian claims that Y": Y is the claimants' statement (the innermost speaker's),
    // read as it is worded; X's rejection is the frame around it.
    const objectAt = verbEnd + (afterVerb.length - afterVerb.trimStart().length);
    const claimed = denyingVerb ? OWNED_CLAIMS_THAT.exec(sentence.slice(objectAt, content[1])) : null;
    if (claimed && !adding) {
      const owner = objectAt + claimed[0].indexOf(claimed[1]!);
      return [
        {
          content: trimSpan(sentence, objectAt + claimed[0].length, content[1]),
          source: [owner, owner + claimed[1]!.length],
          noComment: false,
        },
      ];
    }
    const onlyNamed = denyingVerb && ONLY_NAMES_A_STATEMENT.test(sentence.slice(...content));
    for (const part of onlyNamed ? [] : splitOnThat(sentence, content)) {
      frames.push({ content: part, source, noComment: isNoComment(sentence.slice(...part)), hedgedVerb, denyingVerb });
    }
    if (adding) {
      const at = contentStart + adding.index + adding[0].indexOf(adding[1]!);
      frames.push({ content: trimSpan(sentence, at, at + adding[1]!.length), source, noComment: false });
    }
    return frames;
  }

  // …, X said (on Friday).  /  …, said X.
  const trailing = reports ? trailingSpeaker(sentence) : null;
  if (trailing) return framesOfTrailing(sentence, trailing);

  // A, the Kremlin said, and B.  /  Malta, the Kremlin said, will …
  const interrupted = reports ? INTERRUPTING.exec(sentence) : null;
  const interruptingSource = interrupted?.indices?.[2] ?? interrupted?.indices?.[3];
  if (interrupted?.indices && interruptingSource && sourceLike(sentence.slice(...interruptingSource))) {
    const source = trimSpan(sentence, ...interruptingSource);
    const rest = interrupted.indices[4]!;
    const long = interrupted[1]!.trim().split(SPACES).length >= MIN_PART_WORDS;
    // After a short first part, the rest must go on with its verb: "Russia, Syria and Iran said, in a
    // statement, …" is a list of speakers, not a subject.
    if (long || FINITE_START.test(interrupted[4]!)) {
      const parts = long ? [interrupted.indices[1]!, rest] : [rest];
      return parts.map(([a, b]) => ({ content: trimSpan(sentence, a, b), source, noComment: false }));
    }
  }

  // Russia’s defence ministry did not respond to a request for comment.
  const noComment = NO_COMMENT_WORD.test(sentence) ? NO_COMMENT.exec(sentence) : null;
  if (noComment) {
    const clauseStart = Math.max(sentence.lastIndexOf(', ', noComment.index) + 2, 0);
    const start = clauseStart > 1 ? clauseStart : connector;
    const source = trimSpan(sentence, start, noComment.index);
    return [{ content: trimSpan(sentence, start, noComment.index + noComment[0].length), source, noComment: true }];
  }
  return [];
}

interface TrailingSpeaker {
  /** Where the frame starts: the content ends there. */
  at: number;
  source: [number, number];
  /** ", adding that …": a second statement. */
  adding: [number, number] | null;
}

/** "…, X said (on Friday)." / "…, said X, a Y.": where the frame starts, who speaks, and what they added. */
function trailingSpeaker(sentence: string): TrailingSpeaker | null {
  const trailing = TRAILING.exec(sentence);
  const tail = trailing?.[5];
  if (!trailing || (tail !== undefined && !(TELLS.test(trailing[4]!) ? TRAILING_TOLD_TAIL : TRAILING_TAIL).test(tail)))
    return null;
  const sourceText = trailing[2] ?? trailing[3]!;
  if (!sourceLike(sourceText.replace(APPOSITIVE, ''))) return null;
  const sourceStart = trailing.index + trailing[0].indexOf(sourceText);
  const at = trailing[6] === undefined ? -1 : sentence.lastIndexOf(trailing[6]);
  return {
    at: trailing.index,
    source: trimSpan(sentence, sourceStart, sourceStart + sourceText.length),
    adding: at < 0 ? null : trimSpan(sentence, at, at + trailing[6]!.length),
  };
}

/** What a trailing speaker said: the sentence up to the frame, and what they added. */
function framesOfTrailing(sentence: string, { at, source, adding }: TrailingSpeaker): Frame[] {
  const said: Frame = { content: trimSpan(sentence, 0, at), source, noComment: false };
  return adding ? [said, { content: adding, source, noComment: false }] : [said];
}

const REPORTING_TOKEN = new RegExp(`^(?:${VERBS})$`);
const NOUN_BEFORE = new Set(['DET', 'NOUN', 'ADJ', 'NUM']);

/**
 * Blanks out words of the reporting lexicon that the sentence uses as nouns: "media reports
 * suggested …", "a report said …", "the claims were …". The tagger reads "reports" after a
 * determiner, a noun or an adjective as a noun reliably; after a name it often errs ("the Kremlin
 * states that …"), so a name's verb is kept.
 */
function maskNounUses(text: string, tokens: readonly Token[], offset: number): string {
  // Tokens come in order and do not overlap: the masked text is put together once, left to right.
  const parts: string[] = [];
  let done = 0;
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    if (token.pos !== 'NOUN' || !REPORTING_TOKEN.test(token.text)) continue;
    const before = tokens[i - 1];
    if (before && !NOUN_BEFORE.has(before.pos)) continue;
    const at = token.start - offset;
    parts.push(text.slice(done, at), '_'.repeat(token.text.length));
    done = at + token.text.length;
  }
  return parts.length === 0 ? text : parts.join('') + text.slice(done);
}

/** "said A and that B": two statements. */
function splitOnThat(sentence: string, [start, end]: [number, number]): Array<[number, number]> {
  const part = sentence.slice(start, end);
  const m = AND_THAT.exec(part);
  if (!m) return [[start, end]];
  return [trimSpan(sentence, start, start + m.index), trimSpan(sentence, start + m.index + m[0].length, end)];
}
