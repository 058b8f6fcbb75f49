import type { Token } from '../segment';
import { DENYING_VERB, HEDGING_VERB, IN_THEIR_WORDS, REPORTING_VERBS, VERB_ADVERBS } from './cues';

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

const VERBS = REPORTING_VERBS;
const REPORTING = new RegExp(`^(?:${VERBS})$`);
const ADVERB = `(?:(?:${VERB_ADVERBS})\\s+){0,2}`;
const REPORTING_WORD = new RegExp(`\\b(?:${VERBS})\\b`);
// What may follow a reporting verb before the content starts: "told Reuters on Friday that".
// What may follow a reporting verb before the content starts: "told Reuters on Friday that",
// "said on Dec. 9 that", "said in a statement". Only "told" takes an addressee.
const DAY =
  '(?:(?:on|late on|early on|last|this) [A-Z][a-z]+\\.?(?: \\d{1,2}(?:st|nd|rd|th)?)?(?:,? \\d{4})?|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))';
const AFTER_VERB = new RegExp(
  `^(?:\\s+${DAY})?(?:\\s+in an? (?:statement|post|video|interview|briefing)(?: on [A-Z][a-z]+)?)?(?:\\s*,)?(?:\\s+that)?\\s*:?\\s*`,
);
const AFTER_TOLD = new RegExp(
  `^(?:\\s+(?:reporters|journalists|the [A-Z][\\w-]*(?: [A-Z][\\w-]*)*|[A-Z][\\w-]*(?: [A-Z][\\w-]*){0,4}|him|her|them|us|me))?(?:\\s+${DAY})?(?:\\s*,\\s*)?(?:\\s+that)?\\s*:?\\s*`,
);
// "X said (that) …": the source, then a reporting verb. Built once: a sentence only runs it.
const LEADING = new RegExp(`^(.+?)\\s+${ADVERB}(${VERBS})\\b`, 'u');
// "…, X said (on Friday)." / "…, said X." / "…, X told the channel in an interview", perhaps
// "…, adding that …". What follows the verb (group 5) is checked apart by TRAILING_TAIL.
// An appositive may follow the name ("…, said Jane Roe, an analyst at X." / "…, Jane Roe, an analyst, said.").
const TRAILING_APPOSITIVE = `(?:,\\s+(?:an?|the)\\s+[^,]+?)`;
const TRAILING = new RegExp(
  `,\\s+(?:(${VERBS})\\s+([^,]+?${TRAILING_APPOSITIVE}?)|([^,]+?(?:${TRAILING_APPOSITIVE},)?)\\s+${ADVERB}(${VERBS})\\b([^,]{0,120}?))(?:,\\s+adding\\s+(?:that\\s+)?(.+?))?\\.?$`,
  'u',
);
// After a trailing verb, only adverbials ("said in a statement on Friday", "said without
// elaborating"), and after "told" its addressee too ("told reporters", "told the Al-X channel in an interview",
// "told state television").
const ADVERBIALS =
  '(?:\\s+(?:(?:on|in|at|during|after|before|late|early|last|this|over|by)\\s+[^,]{1,60}?|without elaborating|on condition of anonymity))*\\s*$';
const TRAILING_TAIL = new RegExp(`^${ADVERBIALS}`, 'u');
const TRAILING_TOLD_TAIL = new RegExp(
  `^(?:\\s+(?:reporters|journalists|him|her|them|us|me|the\\s+[^,.]{1,60}?|an?\\s+[^,.]{1,60}?|[\\p{Lu}][^,.]{0,60}?|[\\p{Ll}][\\p{L}-]*(?:\\s+[\\p{L}-]+){0,2}?))??${ADVERBIALS}`,
  'u',
);
const TELLS = /^(?:tell|tells|told|inform|informs|informed)$/;
// Saying nothing is not denying anything: "did not (immediately) respond to a request for comment",
// "declined/refused to comment", "has not commented", "had no immediate comment", "could not be reached".
const NOT = `(?:did|does|has|have|had|could|would|will)(?:\\s+not|n['’]t)|cannot|can['’]t|won['’]t`;
const NO_COMMENT = new RegExp(
  [
    `\\b(?:${NOT})\\s+(?:immediately\\s+)?(?:respond|reply|return|answer)(?:ed)?\\s+(?:to\\s+)?(?:an?\\s+|the\\s+)?(?:[\\p{L}-]+\\s+){0,2}?(?:requests?|calls?|questions?|queries|emails?|messages?)\\s+(?:for|seeking)\\s+comment`,
    `\\b(?:declined|refused)\\s+to\\s+comment`,
    `\\b(?:${NOT})\\s+(?:immediately\\s+|publicly\\s+)?(?:comment(?:ed)?|be\\s+reached\\s+for\\s+comment)`,
    `\\b(?:${NOT})\\s+(?:immediately\\s+)?be\\s+(?:immediately\\s+)?reached(?:\\s+for\\s+comment)?`,
    `\\b(?:was|were|is|are)\\s+not\\s+(?:immediately\\s+)?available\\s+(?:for|to)\\s+comment`,
    `\\b(?:had|has|have|offered|made|gave)\\s+no\\s+(?:immediate\\s+)?comment`,
  ].join('|'),
  'u',
);
// Openings that are not part of the source: "But", "Earlier,", "When contacted on Friday,".
const CONNECTOR =
  /^(?:(?:But|And|However|Earlier|Later|Meanwhile|Separately|Previously|Tonight|Overnight|Yesterday|Today|Also|Still|Instead|In [A-Z][a-z]+),?\s+|(?:When|After|Asked|Speaking|Responding|Commenting|Earlier|Later|In|On|At|During)\b[^,]{0,80},\s+)/;

/** Evidence speaks too: "satellite imagery", "an image taken on …", "footage", "an analysis". */
export const EVIDENCE_HEAD =
  /\b(?:imagery|images?|footage|photos?|photographs?|videos?|analysis|data|satellite|tracking)\b/i;

// Every form ends in "comment" or "reached": a text without either word is not searched.
const NO_COMMENT_WORD = /comment|reached/;
export const isNoComment = (text: string) => NO_COMMENT_WORD.test(text) && NO_COMMENT.test(text);

// The patterns below are built once: a literal in a function body is a new RegExp object each
// time the line runs, and these run for every sentence (trimSpan for every character it trims).
const SPACES = /\s+/;
const LETTER = /[\p{L}]/u;
const AUXILIARY = /\b(is|are|was|were|has|have|had|will|would|can|could|should|did|does)\b/;
const PRONOUN = /^(?:he|she|it|they)$/i;
// Words inside a quotation ("“We already declared …”") or a subordinate clause ("which said", "as claimed")
// are not who speaks.
const NOT_A_SOURCE_START = /^(?:[“"‘]|(?:which|that|where|when|while|if|as)\b)/i;
const TRIMMED_AT_START = /[\s,;:“”"'‘’—–-]/;
const TRIMMED_AT_END = /[\s,;:.“”"'‘’—–-]/;

/** A plausible source: a short noun phrase, not a clause of its own, nor quoted words. */
function sourceLike(text: string): boolean {
  const words = text.trim().split(SPACES);
  if (words.length === 0 || words.length > 16 || !LETTER.test(text)) return false;
  if (NOT_A_SOURCE_START.test(text.trim())) return false;
  return !AUXILIARY.test(text) || PRONOUN.test(text.trim());
}

function trimSpan(text: string, start: number, end: number): [number, number] {
  while (start < end && TRIMMED_AT_START.test(text[start]!)) start += 1;
  while (end > start && TRIMMED_AT_END.test(text[end - 1]!)) end -= 1;
  return [start, end];
}

// “…,” said the official, adding that …  /  “…,” he added.  /  …,” Sharaa, who spoke in Arabic, told Putin.
const QUOTED_THEN_SOURCE = new RegExp(
  `^[“"]?(.+?)(?:[,.!?][”"],?|[”"],)\\s+(?:(?:${VERBS})\\s+([^.]+?)|([^.]+?)\\s+${ADVERB}(?:told\\s+(?:reporters|journalists|(?:his|her|their|its|the|an?)\\s+[^.,]{1,60}?|[\\p{Lu}][\\p{L}]+(?: [\\p{Lu}][\\p{L}]+)*)|${VERBS}))(?:,\\s+adding\\s+(?:that\\s+)?(.+?))?(?:\\s+without elaborating)?\\.?$`,
  'su',
);
// ", after satellite images showed (that) …", ", which Israeli analysts warn could …", ", but B denied it".
const SECOND_SPEAKER = new RegExp(
  `,\\s+(?:after|as|when|while|whereas|since|which|but|and)\\s+((?:[\\p{L}\\d’'-]+\\s+){0,5}?[\\p{L}\\d’'-]+)\\s+(${VERBS}|showed|shows|indicated|revealed)\\s+(?:that\\s+)?(?=\\S)`,
  'u',
);
// Not a speaker of its own: a "subject" that starts with a reporting verb (", but said …" is the first
// speaker's) or holds a negation (", but Moscow has not confirmed this" says what was not said).
const NOT_A_SECOND_SPEAKER = new RegExp(`^(?:${VERBS})\\b|n['’]t\\b|\\b(?:not|never)\\b`, 'u');
// "denied it", "confirmed this", "disputed the report": the object points back at what was said before.
// A noun of the reporting lexicon comes here blanked out (maskNounUses): "the ______".
const ANAPHORIC_OBJECT =
  /^(?:it|this|that|so|them|these|those|the\s+(?:claims?|reports?|allegations?|accounts?|statements?|assertions?|_+))\s*[.!]?\s*$/i;
// “A,” the Kremlin said, “B.”: one quotation split by its frame; both halves are the speaker's.
const SPLIT_QUOTE = new RegExp(
  `^[“"](.+?)[,.!?]?[”"]\\s+(?:(?:${VERBS})\\s+([^,“”"]+?)|([^,“”"]+?)\\s+${ADVERB}(?:${VERBS}))\\s*[,:]\\s*[“"](.+?)[,.!?]?[”"]?$`,
  'dsu',
);
// "A, the Kremlin said, and B" / "Malta, the Kremlin said, will …": a frame that interrupts the sentence.
const INTERRUPTING = new RegExp(
  `^(.+?),\\s+(?:(?:${VERBS})\\s+([^,]+?)|([^,]+?)\\s+${ADVERB}(?:${VERBS}))(?:\\s+${DAY})?,\\s+(?:(?:and|but)\\s+)?(?=[\\p{Ll}“"])(.+?)\\.?$`,
  'du',
);
/** Fewer words than this before an interrupting frame are the subject alone ("Malta, X said, will …"). */
const MIN_PART_WORDS = 3;
const FINITE_START = /^(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|did|does|do|had)\b/;
// "The company cited satellite imagery as showing that …": the subject reads the evidence.
const CITED_AS = /^(.+?)\s+cited\s+.+?\s+as\s+(?:showing|saying|indicating|proving)\s+(?:that\s+)?/u;
// "Russian claims that …", "claims by the ministry that …": what the claimants said, they named.
const OWNED_CLAIMS_THAT =
  /^(?:the\s+)?((?:[\p{Lu}][\p{L}’'-]*\s+)(?:claims?|reports?|assertions?|allegations?|statements?|suggestions?)|(?:claims?|reports?|assertions?|allegations?|statements?)\s+by\s+[^,]{2,60}?)\s+that\s+/u;
// "…, saying (that) …": what the subject of the sentence said while doing so.
const SAYING =
  /,\s+(saying|adding|noting|arguing|insisting|claiming|stressing|warning|explaining)\s+(?:(?:on|late on|early on|last|this)\s+[A-Z][a-z]+\s+)?(?:that\s+)?(?=\S)/u;
// The subject of a short clause: a name or a noun phrase up to its first verb in the past or present tense.
const SUBJECT_THEN_VERB =
  /^((?:[Tt]he|[Aa]n?|[\p{Lu}][\p{L}’'.-]*)(?:\s+[\p{L}’'.-]+){0,4}?)\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|s)\b/u;

/** The span of a clause's subject, when it is short ("Hadfield disputed that", "The US command rejected …"). */
function subjectOf(clause: string): [number, number] | null {
  const m = SUBJECT_THEN_VERB.exec(clause);
  return m && !NOT_A_SOURCE_START.test(m[1]!) ? [0, m[1]!.length] : null;
}

// Cue words of the frames that need no verb of the lexicon: evidence, "according to", "In his
// words/view", "quoted … as saying", "cited … as showing", "did not respond to a request for comment".
const OTHER_FRAME_CUE = /show|indicat|reveal|[Aa]ccording to|In |quoted|cited|comment|reached|saying/;
// ", citing two Syrian military sources" (up to the next comma or the end).
const CITING = /,\s+citing\s+([^,]+?)(?=,|\.?$)/u;
// "…, X told Y, but said …" / "… and added that …": a second statement by the same source.
const BUT_SAID = new RegExp(`,?\\s+(?:but|and)\\s+${ADVERB}(${VERBS})\\s+(?:that\\s+)?(?=\\S)`, 'u');
// Satellite imagery shows that … / An image taken on Dec. 9 showed three ships.
const EVIDENCE_SHOWS =
  /^((?:[\p{L}\d.,’'-]+\s+){0,14}?)(shows?|showed|shown|indicates?|indicated|reveals?|revealed)\b(\s+that\s+)?/u;
// What the two patterns above cannot match without: most sentences have neither, and are not searched.
const CLOSING_QUOTE = /[”"]/;
const EVIDENCE_VERB = /show|indicat|reveal/;
// "According to X, …", also after an opening adverb: "Overall, according to X, …".
const ACCORDING_TO_FIRST = /^(?:[A-Z][a-z]+,\s+)?[Aa]ccording to ([^,]+),\s*/;
const ACCORDING_TO_LAST = /,\s+according to ([^,]+?)\.?$/;
const QUOTED_AS_SAYING = /\bquoted\s+(.+?),?\s+as\s+saying\s+(?:that\s+)?/;
const OPENING_QUOTE = /^[“"]/;
const APPOSITIVE = /,[^,]+,?/;
const LAST_APPOSITIVE = /,[^,]+,$/;
const INNER_APPOSITIVE = /,[^,]+,/;
const COMMA_OR_SEMICOLON = /[,;]/;
// "said before the talks that …": a short adverbial, then "that".
const UP_TO_THAT = /^[^,“”"]{0,60}?\bthat\s+/;
const ENDS_IN_THAT = /\bthat\s+$/;
const ADDING = /,\s+adding\s+(?:that\s+)?(.+?)\.?$/;
const AND_THAT = /,?\s+and\s+that\s+/;

/** Longest sentence searched for frames; the corpus' longest is 750 characters (see findFrames). */
const MAX_FRAME_SENTENCE = 2_000;

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
    // Who says it: the first clause's subject ("Hadfield disputed that", "The Command rejected
    // Russian claims that …"), or else the first part's source.
    const source = subjectOf(first) ?? frames.at(-1)?.source;
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
    const sourceEnd = connector + leading[1]!.length;
    const verbEnd = connector + leading[0].length;
    const afterVerb = sentence.slice(verbEnd);
    const toThat = UP_TO_THAT.exec(afterVerb);
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
    for (const part of splitOnThat(sentence, content)) {
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
