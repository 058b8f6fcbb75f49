import { matchesOf } from '../matches';

/**
 * Hedges: words by which a writer signals that a claim is uncertain or second-hand ("reportedly",
 * "appeared to", "may"). The lexicon is the corpus conventions' list plus its near synonyms in general
 * English; each entry is a class of usage, none exists for one article.
 *
 * Decisions:
 * - "maybe", "perhaps" and "probably" are hedges: they mark possibility exactly as "possibly" and "likely" do.
 *   "unlikely" is one too (a hedged negative); "impossible" is not (it is a denial, see negation.ts).
 * - "apparent" counts with "apparently" ("an apparent drone strike"), "alleged" with "allegedly", "purported"
 *   with "purportedly", "seem" in every form with "seemingly", "unverified" with "unconfirmed".
 * - "suggest" in every form counts, also as the outlet's own verb ("a pledge suggesting ...").
 * - Only lower-case "may" is the modal. "May" is the month or a name ("in May", "May 5", "Theresa May"); a
 *   sentence-initial modal "May" is a wish or a question in news copy ("May I ask"), not a hedge. In capitals
 *   ("TROOPS MAY WITHDRAW") it is the modal unless a day or year follows or a preposition of time precedes ("MAY 5", "IN MAY"). Title-case headlines
 *   ("Russia May Withdraw") are read as the month: a known miss.
 * - "might" is the noun, not a hedge, after a determiner, a possessive or an adjective of power
 *   ("its might", "Russia's military might") or before "of" ("the might of").
 * - "appear" is not a hedge where it means "show up" (followed by in, at, on, before, alongside, with):
 *   "appeared in court", "appeared on television".
 * - "possible" is not a hedge in set phrases of feasibility: "as soon as possible", "made it possible",
 *   "where possible", "if possible", "everything possible".
 * - "said/thought/reported/understood to" need a form of "be" before them ("is said to", "were thought to"),
 *   which keeps "said to reporters" out; "believed to" counts alone, as the conventions list it.
 */

export interface Hedge {
  /** The hedge as it appears in the text. */
  word: string;
  start: number;
  end: number;
}

const BE = '(?:is|are|was|were|be|been|being)';

const LEXICON = new RegExp(
  [
    `according\\s+to\\s+(?:unconfirmed|unverified)\\s+reports`,
    `${BE}\\s+(?:widely\\s+)?(?:said|thought|reported|understood|rumou?red)\\s+to`,
    `believed\\s+to`,
    `appear(?:s|ed|ing)?`,
    `seem(?:s|ed|ing|ingly)?`,
    `apparent(?:ly)?`,
    `reportedly`,
    `alleged(?:ly)?`,
    `purported(?:ly)?`,
    `supposedly`,
    `presumably`,
    `suggest(?:s|ed|ing)?`,
    `(?:un)?likely`,
    `probably`,
    `possibly`,
    `possible`,
    `perhaps`,
    `maybe`,
    `may`,
    `might`,
    `rumou?red`,
    `unconfirmed`,
    `unverified`,
  ]
    .map((entry) => `\\b${entry}\\b`)
    .join('|'),
  'gi',
);

const DATE_AFTER_MAY = /^\s+\d/;
const MONTH_PREPOSITION_BEFORE = /\b(?:in|since|until|by|of|from|early|late|mid|last|next|this|through|during)[\s-]+$/i;
const MIGHT_NOUN_BEFORE =
  /(?:\b(?:the|its|his|her|their|our|your|my|whose|with|all|full|sheer|great|military|naval|economic|industrial|financial|nuclear|air|armed)|['’]s)\s+$/i;
const OF_AFTER = /^\s+of\b/i;
const APPEAR_SHOW_UP = /^\s+(?:in|at|on|before|alongside|with)\b/i;
const POSSIBLE_SET_PHRASE_BEFORE =
  /\b(?:as|make|makes|made|making|where|wherever|whenever|if|everything)\s+(?:it\s+|this\s+|that\s+)?$/i;

function isHedge(word: string, before: string, after: string): boolean {
  const lower = word.toLowerCase();
  if (lower === 'may') {
    if (word === 'may') return true;
    return word === 'MAY' && !DATE_AFTER_MAY.test(after) && !MONTH_PREPOSITION_BEFORE.test(before);
  }
  if (lower === 'might') return !MIGHT_NOUN_BEFORE.test(before) && !OF_AFTER.test(after);
  if (lower.startsWith('appear')) return !APPEAR_SHOW_UP.test(after);
  if (lower === 'possible') return !POSSIBLE_SET_PHRASE_BEFORE.test(before);
  return true;
}

function* hedgesIn(text: string): Generator<Hedge> {
  for (const match of matchesOf(LEXICON, text)) {
    const start = match.index;
    const end = start + match[0].length;
    if (isHedge(match[0], text.slice(0, start), text.slice(end))) yield { word: match[0], start, end };
  }
}

/** Every hedge in `text`, in order, without overlaps (the longer phrase wins: "according to unconfirmed reports"). */
export function findHedges(text: string): Hedge[] {
  return [...hedgesIn(text)];
}

/** Whether `text` has a hedge: the first one found answers. */
export function isHedged(text: string): boolean {
  for (const _ of hedgesIn(text)) return true;
  return false;
}
