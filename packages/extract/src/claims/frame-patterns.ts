import { REPORTING_VERBS, VERB_ADVERBS } from './cues';

/*
 * The patterns that find who says what in a sentence (attribution.ts), built once: a literal in a
 * function body is a new RegExp object each time the line runs, and these run for every sentence.
 */

export const VERBS = REPORTING_VERBS;
export const REPORTING = new RegExp(`^(?:${VERBS})$`);
const ADVERB = `(?:(?:${VERB_ADVERBS})\\s+){0,2}`;
export const REPORTING_WORD = new RegExp(`\\b(?:${VERBS})\\b`);
// What may follow a reporting verb before the content starts: "told Reuters on Friday that".
// What may follow a reporting verb before the content starts: "told Reuters on Friday that",
// "said on Dec. 9 that", "said in a statement". Only "told" takes an addressee.
const DAY =
  '(?:(?:on|late on|early on|last|this) [A-Z][a-z]+\\.?(?: \\d{1,2}(?:st|nd|rd|th)?)?(?:,? \\d{4})?|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))';
export const AFTER_VERB = new RegExp(
  `^(?:\\s+${DAY})?(?:\\s+in an? (?:statement|post|video|interview|briefing)(?: on [A-Z][a-z]+)?)?(?:\\s*,)?(?:\\s+that)?\\s*:?\\s*`,
);
export const AFTER_TOLD = new RegExp(
  `^(?:\\s+(?:reporters|journalists|the [A-Z][\\w-]*(?: [A-Z][\\w-]*)*|[A-Z][\\w-]*(?: [A-Z][\\w-]*){0,4}|him|her|them|us|me))?(?:\\s+${DAY})?(?:\\s*,\\s*)?(?:\\s+that)?\\s*:?\\s*`,
);
// "X said (that) …": the source, then a reporting verb. Built once: a sentence only runs it.
export const LEADING = new RegExp(`^(.+?)\\s+${ADVERB}(${VERBS})\\b`, 'u');
// "…, X said (on Friday)." / "…, said X." / "…, X told the channel in an interview", perhaps
// "…, adding that …". What follows the verb (group 5) is checked apart by TRAILING_TAIL.
// An appositive may follow the name ("…, said Jane Roe, an analyst at X." / "…, Jane Roe, an analyst, said.").
const TRAILING_APPOSITIVE = `(?:,\\s+(?:an?|the)\\s+[^,]+?)`;
// How the source spoke, after the frame: "…, an official said, speaking on condition of anonymity
// (because …)", "…, speaking to reporters", "…, requesting anonymity", "…, asking not to be named".
// Part of the frame, not a statement. Only these: "…, the ministry said, asking it to condemn the
// strikes" or "…, declining for a third month" say something.
const SPEAKING_MANNER =
  '(?:,\\s+(?:(?:speaking|talking)\\s+(?:anonymously|on\\s+(?:the\\s+)?condition\\s+of\\s+anonymity|(?:to|at|from|in|on)\\s+[^,]{1,80}?)|' +
  '(?:requesting|asking\\s+for|demanding)\\s+anonymity|(?:asking|requesting)\\s+not\\s+to\\s+be\\s+(?:named|identified)|' +
  'declining\\s+to\\s+be\\s+(?:named|identified))(?:\\s+(?:because|as|since)\\s+[^,]{1,120}?)?)';
// "Two diplomats, speaking on condition of anonymity, said …": how the source spoke, at the end
// of the words before the verb, is not part of its name.
export const MANNER_AT_END = new RegExp(`${SPEAKING_MANNER},?\\s*$`, 'u');
export const TRAILING = new RegExp(
  `,\\s+(?:(${VERBS})\\s+([^,]+?${TRAILING_APPOSITIVE}?)|([^,]+?(?:${TRAILING_APPOSITIVE},)?)\\s+${ADVERB}(${VERBS})\\b([^,]{0,120}?))${SPEAKING_MANNER}?(?:,\\s+adding\\s+(?:that\\s+)?(.+?))?\\.?$`,
  'u',
);
// After a trailing verb, only adverbials ("said in a statement on Friday", "said without
// elaborating"), and after "told" its addressee too ("told reporters", "told the Al-X channel in an interview",
// "told state television").
const ADVERBIALS =
  '(?:\\s+(?:(?:on|in|at|during|after|before|late|early|last|this|over|by)\\s+[^,]{1,60}?|without elaborating|on condition of anonymity))*\\s*$';
export const TRAILING_TAIL = new RegExp(`^${ADVERBIALS}`, 'u');
export const TRAILING_TOLD_TAIL = new RegExp(
  `^(?:\\s+(?:reporters|journalists|him|her|them|us|me|the\\s+[^,.]{1,60}?|an?\\s+[^,.]{1,60}?|[\\p{Lu}][^,.]{0,60}?|[\\p{Ll}][\\p{L}-]*(?:\\s+[\\p{L}-]+){0,2}?))??${ADVERBIALS}`,
  'u',
);
export const TELLS = /^(?:tell|tells|told|inform|informs|informed)$/;
// Saying nothing is not denying anything: "did not (immediately) respond to a request for comment",
// "declined/refused to comment", "has not commented", "had no immediate comment", "could not be reached".
const NOT = `(?:did|does|has|have|had|could|would|will)(?:\\s+not|n['’]t)|cannot|can['’]t|won['’]t`;
export const NO_COMMENT = new RegExp(
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
export const CONNECTOR =
  /^(?:(?:But|And|However|Earlier|Later|Meanwhile|Separately|Previously|Tonight|Overnight|Yesterday|Today|Also|Still|Instead|In [A-Z][a-z]+),?\s+|(?:When|After|Asked|Speaking|Responding|Commenting|Earlier|Later|In|On|At|During)\b[^,]{0,80},\s+)/;

/** Evidence speaks too: "satellite imagery", "an image taken on …", "footage", "an analysis". */
export const EVIDENCE_HEAD =
  /\b(?:imagery|images?|footage|photos?|photographs?|videos?|analysis|data|satellite|tracking)\b/i;

// Every form ends in "comment" or "reached": a text without either word is not searched.
export const NO_COMMENT_WORD = /comment|reached/;
export const isNoComment = (text: string) => NO_COMMENT_WORD.test(text) && NO_COMMENT.test(text);

// The patterns below are built once: a literal in a function body is a new RegExp object each
// time the line runs, and these run for every sentence (trimSpan for every character it trims).
export const SPACES = /\s+/;
const LETTER = /[\p{L}]/u;
const AUXILIARY = /\b(is|are|was|were|has|have|had|will|would|can|could|should|did|does)\b/;
const PRONOUN = /^(?:he|she|it|they)$/i;
// Words inside a quotation ("“We already declared …”") or a subordinate clause ("which said", "as claimed")
// are not who speaks.
const NOT_A_SOURCE_START = /^(?:[“"‘]|(?:which|that|where|when|while|if|as)\b)/i;
const TRIMMED_AT_START = /[\s,;:“”"'‘’—–-]/;
const TRIMMED_AT_END = /[\s,;:.“”"'‘’—–-]/;

/** A plausible source: a short noun phrase, not a clause of its own, nor quoted words. */
export function sourceLike(text: string): boolean {
  const words = text.trim().split(SPACES);
  if (words.length === 0 || words.length > 16 || !LETTER.test(text)) return false;
  if (NOT_A_SOURCE_START.test(text.trim())) return false;
  return !AUXILIARY.test(text) || PRONOUN.test(text.trim());
}

export function trimSpan(text: string, start: number, end: number): [number, number] {
  while (start < end && TRIMMED_AT_START.test(text[start]!)) start += 1;
  while (end > start && TRIMMED_AT_END.test(text[end - 1]!)) end -= 1;
  return [start, end];
}

// “…,” said the official, adding that …  /  “…,” he added.  /  …,” Sharaa, who spoke in Arabic, told Putin.
export const QUOTED_THEN_SOURCE = new RegExp(
  `^[“"]?(.+?)(?:[,.!?][”"],?|[”"],)\\s+(?:(?:${VERBS})\\s+([^.]+?)|([^.]+?)\\s+${ADVERB}(?:told\\s+(?:reporters|journalists|(?:his|her|their|its|the|an?)\\s+[^.,]{1,60}?|[\\p{Lu}][\\p{L}]+(?: [\\p{Lu}][\\p{L}]+)*)|${VERBS}))(?:,\\s+adding\\s+(?:that\\s+)?(.+?))?(?:\\s+without elaborating)?\\.?$`,
  'su',
);
// ", after satellite images showed (that) …", ", which Israeli analysts warn could …", ", but B denied it".
export const SECOND_SPEAKER = new RegExp(
  `,\\s+(?:after|as|when|while|whereas|since|which|but|and)\\s+((?:[\\p{L}\\d’'-]+\\s+){0,5}?[\\p{L}\\d’'-]+)\\s+(${VERBS}|showed|shows|indicated|revealed)\\s+(?:that\\s+)?(?=\\S)`,
  'u',
);
// Not a speaker of its own: a "subject" that starts with a reporting verb (", but said …" is the first
// speaker's) or holds a negation (", but Moscow has not confirmed this" says what was not said).
export const NOT_A_SECOND_SPEAKER = new RegExp(`^(?:${VERBS})\\b|n['’]t\\b|\\b(?:not|never)\\b`, 'u');
// "denied it", "confirmed this", "disputed the report": the object points back at what was said before.
// A noun of the reporting lexicon comes here blanked out (maskNounUses): "the ______".
export const ANAPHORIC_OBJECT =
  /^(?:it|this|that|so|them|these|those|the\s+(?:claims?|reports?|allegations?|accounts?|statements?|assertions?|_+))\s*[.!]?\s*$/i;
// “A,” the Kremlin said, “B.”: one quotation split by its frame; both halves are the speaker's.
export const SPLIT_QUOTE = new RegExp(
  `^[“"](.+?)[,.!?]?[”"]\\s+(?:(?:${VERBS})\\s+([^,“”"]+?)|([^,“”"]+?)\\s+${ADVERB}(?:${VERBS}))\\s*[,:]\\s*[“"](.+?)[,.!?]?[”"]?$`,
  'dsu',
);
// "A, the Kremlin said, and B" / "Malta, the Kremlin said, will …": a frame that interrupts the sentence.
export const INTERRUPTING = new RegExp(
  `^(.+?),\\s+(?:(?:${VERBS})\\s+([^,]+?)|([^,]+?)\\s+${ADVERB}(?:${VERBS}))(?:\\s+${DAY})?,\\s+(?:(?:and|but)\\s+)?(?=[\\p{Ll}“"])(.+?)\\.?$`,
  'du',
);
/** Fewer words than this before an interrupting frame are the subject alone ("Malta, X said, will …"). */
export const MIN_PART_WORDS = 3;
export const FINITE_START =
  /^(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|did|does|do|had)\b/;
// "The company cited satellite imagery as showing that …": the subject reads the evidence.
export const CITED_AS = /^(.+?)\s+cited\s+.+?\s+as\s+(?:showing|saying|indicating|proving)\s+(?:that\s+)?/u;
// "Russian claims that …", "claims by the ministry that …": what the claimants said, they named.
export const OWNED_CLAIMS_THAT =
  /^(?:the\s+)?((?:[\p{Lu}][\p{L}’'-]*\s+)(?:claims?|reports?|assertions?|allegations?|statements?|suggestions?)|(?:claims?|reports?|assertions?|allegations?|statements?)\s+by\s+[^,]{2,60}?)\s+that\s+/u;
// "…, saying (that) …": what the subject of the sentence said while doing so.
export const SAYING =
  /,\s+(saying|adding|noting|arguing|insisting|claiming|stressing|warning|explaining)\s+(?:(?:on|late on|early on|last|this)\s+[A-Z][a-z]+\s+)?(?:that\s+)?(?=\S)/u;
// The subject of a short clause: a name or a noun phrase up to its first verb in the past or present tense.
const SUBJECT_THEN_VERB =
  /^((?:[Tt]he|[Aa]n?|[\p{Lu}][\p{L}’'.-]*)(?:\s+[\p{L}’'.-]+){0,4}?)\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|s)\b/u;

/** The span of a clause's subject, when it is short ("Hadfield disputed that", "The US command rejected …"). */
export function subjectOf(clause: string): [number, number] | null {
  const m = SUBJECT_THEN_VERB.exec(clause);
  return m && !NOT_A_SOURCE_START.test(m[1]!) ? [0, m[1]!.length] : null;
}

// Cue words of the frames that need no verb of the lexicon: evidence, "according to", "In his
// words/view", "quoted … as saying", "cited … as showing", "did not respond to a request for comment".
export const OTHER_FRAME_CUE = /show|indicat|reveal|[Aa]ccording to|In |quoted|cited|comment|reached|saying/;
// ", citing two Syrian military sources" (up to the next comma or the end).
export const CITING = /,\s+citing\s+([^,]+?)(?=,|\.?$)/u;
// "…, X told Y, but said …" / "… and added that …": a second statement by the same source.
export const BUT_SAID = new RegExp(`,?\\s+(?:but|and)\\s+${ADVERB}(${VERBS})\\s+(?:that\\s+)?(?=\\S)`, 'u');
// Satellite imagery shows that … / An image taken on Dec. 9 showed three ships.
export const EVIDENCE_SHOWS =
  /^((?:[\p{L}\d.,’'-]+\s+){0,14}?)(shows?|showed|shown|indicates?|indicated|reveals?|revealed)\b(\s+that\s+)?/u;
// What the two patterns above cannot match without: most sentences have neither, and are not searched.
export const CLOSING_QUOTE = /[”"]/;
export const EVIDENCE_VERB = /show|indicat|reveal/;
// "According to X, …", also after an opening adverb: "Overall, according to X, …".
export const ACCORDING_TO_FIRST = /^(?:[A-Z][a-z]+,\s+)?[Aa]ccording to ([^,]+),\s*/;
export const ACCORDING_TO_LAST = /,\s+according to ([^,]+?)\.?$/;
export const QUOTED_AS_SAYING = /\bquoted\s+(.+?),?\s+as\s+saying\s+(?:that\s+)?/;
export const OPENING_QUOTE = /^[“"]/;
export const APPOSITIVE = /,[^,]+,?/;
export const LAST_APPOSITIVE = /,[^,]+,$/;
export const INNER_APPOSITIVE = /,[^,]+,/;
export const COMMA_OR_SEMICOLON = /[,;]/;
// "said before the talks that …": a short adverbial, then "that".
export const UP_TO_THAT = /^[^,“”"]{0,60}?\bthat\s+/;
export const ENDS_IN_THAT = /\bthat\s+$/;
// "…, adding that …", "…, telling reporters that …": a second statement of the same source.
export const ADDING = /,\s+(?:adding(?:\s+that)?|telling\s+[^,“”"]{1,60}?\s+that)\s+(.+?)\.?$/u;
// "rejected the report", "denied Russian claims": an object that names what was said and says
// nothing itself; what the source said instead follows (", saying …"), if anything. A noun of the
// reporting lexicon comes here blanked out, as for ANAPHORIC_OBJECT.
export const ONLY_NAMES_A_STATEMENT =
  /^(?:(?:the|these|those|this|that|such|its|their|his|her|any|all|an?)\s+)?(?:[\p{L}’'-]+\s+){0,2}?(?:reports?|claims?|allegations?|accusations?|charges?|stor(?:y|ies)|accounts?|rumou?rs?|assertions?|suggestions?|speculation|statements?|reporting|_+)[.!?]?$/iu;
export const AND_THAT = /,?\s+and\s+that\s+/;

/** Longest sentence searched for frames; the corpus' longest is 750 characters (see findFrames). */
export const MAX_FRAME_SENTENCE = 2_000;
