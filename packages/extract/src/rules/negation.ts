import type { Stance } from '@sitrep/vocabulary';
import { matchesOf } from '../matches';

/**
 * Negation cues: evidence that a clause denies rather than affirms ("Moscow will not withdraw",
 * "no one has notified us", "the ministry denied the report").
 *
 * Decisions, kept simple on purpose:
 * - The first cue decides. Double negation ("not impossible") and negated denial ("did not deny") still read as
 *   denials; they are rare in wire copy and a lexical rule cannot weigh them.
 * - A cue inside a subordinate "if"/"whether" clause is still reported ("asked whether it would not ...").
 * - Not cues: "without" (it qualifies, it does not deny), "not only", "not just/merely/simply ... but",
 *   "not least", "not to mention", "whether or not", "if not" ("many, if not most"), "none other than",
 *   "no doubt", "no matter", "no less/more/fewer than", "no later/earlier than", "no sooner", "no surprise",
 *   "no wonder", "No. 2" (an abbreviation) and hyphenated compounds ("no-fly zone").
 * - "no" is a cue in general, reported with the word it negates ("no intention", "no legitimate" for
 *   "no legitimate basis", "no plans"); a bare "No," answering a question is one too.
 * - Verbs of denial count ("denied", "denies"); "rejected", "dismissed", "refuted" and "rebuffed" count only
 *   with something said as their object, within three words ("rejected the claims", "dismissed media reports"),
 *   since "dismissed the commander" is not a denial. Adjectives that deny a report count too: "baseless",
 *   "groundless", "unfounded", "untrue".
 * - "impossible" and "unable" deny an ability; "failed to" is left out (it reports an outcome).
 * - "is yet to", "has yet to" deny that something has happened so far.
 * - A demand ("Do not build a base here") denies nothing: it is not read as a denial.
 * - A message quoted after a colon is the content of what the clause affirms ("the strike was a message:
 *   “Do not build a base here”"): its own negations do not make the clause a denial.
 * - Whether the source declined to comment is not decided here: "did not respond" is a negation, and the caller
 *   classes it as no_comment before asking for a stance.
 */

export interface NegationCue {
  /** The cue as it appears in the text ("not", "n't", "no intention", "denied"). */
  cue: string;
  start: number;
  end: number;
}

const SAID_THING =
  '(?:claims?|reports?|allegations?|accusations?|charges?|suggestions?|assertions?|statements?|stor(?:y|ies)|ideas?|notions?|speculation|rumou?rs?)';

// Phrases that contain a negative word but affirm; matched first so their words are not read as cues.
const AFFIRMING_IDIOMS = [
  'not\\s+(?:only|least|to\\s+mention)',
  '(?:whether|if)\\s+or\\s+not',
  'if\\s+not',
  'none\\s+other\\s+than',
  'no\\s+(?:doubt|matter|sooner|less|more\\s+than|fewer|later|earlier|surprise|wonder|stranger)',
];

const CUES = [
  'no-one',
  // "no" and the word it negates ("no intention", "no legitimate"), or a bare "No," / "said no";
  // not "no-fly" or the abbreviation "No. 2".
  'no(?!-|\\.\\s*\\d)(?:\\s+[a-z]+)?',
  'not|never|cannot|nobody|none|nothing|nowhere|neither|nor',
  'impossible|unable|baseless|groundless|unfounded|untrue',
  // "are yet to be signed", "has yet to respond": not (so far) done.
  '(?:is|are|was|were|has|have|had|remains?|remained)\\s+yet\\s+to',
  'den(?:y|ies|ied|ying|ial)',
  `(?:reject|dismiss|refut|rebuff)(?:e|s|es|ed|ing)?(?:\\s+[\\w’'-]+){0,3}?\\s+${SAID_THING}`,
];

const PATTERN = new RegExp(
  `\\b(?:(?<idiom>${AFFIRMING_IDIOMS.join('|')})|(?<cue>${CUES.join('|')}))\\b|(?<contraction>n['’]t)\\b`,
  'gi',
);

// "not just words but deeds": correlative, the clause affirms.
const NOT_JUST_BUT = /^not\s+(?:just|merely|simply)\b[^.;]*\bbut\b/i;

const REJECTING_VERB = /^(?:reject|dismiss|refut|rebuff)\w*/i;
const QUOTED_MESSAGE = /:\s*[“"]/;
const IMPERATIVE = /^[“"]?(?:Do not|Don['’]t|Never)\s+[a-z]+/;

/** The first negation cue in `text`, or null when the text affirms. */
export function negationIn(text: string): NegationCue | null {
  // "Do not build a base here": a demand, not a statement that something is not so.
  if (IMPERATIVE.test(text)) return null;
  const quoted = QUOTED_MESSAGE.exec(text);
  const clause = quoted && quoted.index > 0 ? text.slice(0, quoted.index) : text;
  for (const match of matchesOf(PATTERN, clause)) {
    if (match.groups?.idiom != null) continue;
    if (NOT_JUST_BUT.test(text.slice(match.index))) continue;
    // A verb of rejection reports the verb alone: "rejected the claims" → "rejected".
    const verb = REJECTING_VERB.exec(match[0]);
    const cue = verb ? verb[0] : match[0];
    return { cue, start: match.index, end: match.index + cue.length };
  }
  return null;
}

export function stanceOf(text: string): Extract<Stance, 'affirms' | 'denies'> {
  return negationIn(text) ? 'denies' : 'affirms';
}
