/**
 * Reporting cues of general English, grouped the way attribution research groups them (PARC 3.0:
 * verbs of saying, of evidence, of denial). Each entry is an ordinary way English news attributes
 * a statement; none is here because one article uses it. Inflected forms are listed in full: the
 * patterns match whole words, and "says"/"said"/"say" all occur in news copy.
 */

/** Verbs that report speech or writing as it was put: "X said …", "…, X told reporters". */
// prettier-ignore
const ASSERTING = [
  'say', 'says', 'said',
  'tell', 'tells', 'told',
  'inform', 'informs', 'informed',
  'add', 'adds', 'added',
  'note', 'notes', 'noted',
  'state', 'states', 'stated',
  'write', 'writes', 'wrote',
  'explain', 'explains', 'explained',
  'stress', 'stresses', 'stressed',
  'emphasise', 'emphasises', 'emphasised', 'emphasize', 'emphasizes', 'emphasized',
  'underline', 'underlines', 'underlined',
  'declare', 'declares', 'declared',
  'assert', 'asserts', 'asserted',
  'affirm', 'affirms', 'affirmed',
  'reiterate', 'reiterates', 'reiterated',
  'clarify', 'clarifies', 'clarified',
  'insist', 'insists', 'insisted',
  'maintain', 'maintains', 'maintained',
  'argue', 'argues', 'argued',
  'announce', 'announces', 'announced',
  'report', 'reports', 'reported',
  'confirm', 'confirms', 'confirmed',
  'acknowledge', 'acknowledges', 'acknowledged',
  'admit', 'admits', 'admitted',
  'concede', 'concedes', 'conceded',
  'warn', 'warns', 'warned',
  'caution', 'cautions', 'cautioned',
  'predict', 'predicts', 'predicted',
  'estimate', 'estimates', 'estimated',
  'assure', 'assures', 'assured',
  'disclose', 'discloses', 'disclosed',
  'signal', 'signals', 'signalled', 'signaled',
  // Cognition: "US officials suspect the base is being converted" reports what they think.
  'suspect', 'suspects', 'suspected',
  'reveal', 'reveals', 'revealed',
] as const;

/** Verbs that report a statement while keeping a distance from it: the claim is hedged. */
// prettier-ignore
const HEDGING = [
  'claim', 'claims', 'claimed',
  'allege', 'alleges', 'alleged',
  'suggest', 'suggests', 'suggested',
  'believe', 'believes', 'believed',
  'speculate', 'speculates', 'speculated',
  'hint', 'hints', 'hinted',
] as const;

/** Verbs that report a statement as its source's denial: "X denied that …" claims the opposite. */
// prettier-ignore
const DENYING = [
  'deny', 'denies', 'denied',
  'reject', 'rejects', 'rejected',
  'dismiss', 'dismisses', 'dismissed',
  'refute', 'refutes', 'refuted',
  'dispute', 'disputes', 'disputed',
] as const;

/** Every reporting verb, as one alternation for the frame patterns. */
export const REPORTING_VERBS = [...ASSERTING, ...HEDGING, ...DENYING].join('|');

export const HEDGING_VERB = new RegExp(`^(?:${HEDGING.join('|')})$`);
export const DENYING_VERB = new RegExp(`^(?:${DENYING.join('|')})$`);

/**
 * Adverbs that sit between a source and its verb ("Putin also said", "the ministry later
 * confirmed"): they belong to neither the source nor the content.
 */
export const VERB_ADVERBS =
  'also|later|earlier|again|then|once|still|had|has|have|would|will|' +
  // Manner adverbs of reporting, named one by one: "family said" must not read as an adverb.
  'previously|further|separately|repeatedly|recently|reportedly|publicly|privately|openly|officially|flatly|firmly|strongly|categorically|explicitly|quickly|swiftly|immediately|initially|subsequently|angrily|bluntly';

/** Verbs by which evidence speaks: "satellite images showed …", "footage appears to show …". */
export const EVIDENCE_VERBS =
  'shows?|showed|shown|indicates?|indicated|reveals?|revealed|suggests?|suggested|confirms?|confirmed';

/**
 * Openings that attribute what follows to someone named before or inside them: "In his words, …",
 * "In the minister's view, …", "In the words of X, …". Group 1 or 2 is the source.
 */
export const IN_THEIR_WORDS =
  /^In\s+(?:the\s+words\s+of\s+([^,]{2,80})|(his|her|their|its|[^,]{2,60}?['’]s?)\s+(?:own\s+)?(?:words|view|opinion|estimation|assessment))\s*,\s*/u;
