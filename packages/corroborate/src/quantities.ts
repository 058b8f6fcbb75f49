import type { Word } from './language';
import { monthOf, spelling, unitOf } from './lexicon';
import type { Quantity } from './types';

const ONES = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const SCALES = new Map([
  ['hundred', 100],
  ['thousand', 1_000],
  ['million', 1_000_000],
  ['billion', 1_000_000_000],
]);

/** The value of one number word or numeral ("two", "3,000", "1.5"), else null. */
function valueOf(text: string): number | null {
  const t = text.toLowerCase();
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$/.test(t)) return Number(t.replaceAll(',', ''));
  const one = ONES.indexOf(t);
  if (one >= 0) return one;
  const ten = TENS.indexOf(t);
  if (ten >= 0) return 20 + 10 * ten;
  if (t === 'dozen') return 12;
  return null;
}

// Four digits without a comma between 1900 and 2100 are years in wire copy ("in 2017"); counts that
// large are written "2,000".
const isYear = (text: string) => /^(?:19|20)\d\d$/.test(text);

/** Words that may stand between a number and what it counts ("two Russian cargo planes"). */
const MODIFIERS = new Set(['ADJ', 'NOUN', 'PROPN']);

/**
 * Counts in a claim with the noun they count: "two AN-124s" → 2 an-124, "twenty-one vessels" →
 * 21 ship, "1.5 million people" → 1,500,000 person. Years and days of months are dates, not counts.
 */
export function quantitiesOf(words: readonly Word[]): Quantity[] {
  const found: Quantity[] = [];
  let i = 0;
  while (i < words.length) {
    const start = i;
    let value: number | null = null;
    let current = 0;
    // A run of number words: "twenty - one", "two hundred", "1.5 million".
    while (i < words.length) {
      const text = words[i]!.text;
      const scale = SCALES.get(text.toLowerCase());
      const v = valueOf(text);
      if (scale !== undefined && value !== null) {
        current = (current === 0 ? 1 : current) * scale;
        value = current;
      } else if (v !== null && !(isYear(text) && value === null)) {
        current += v;
        value = current;
      } else if (text === '-' && value !== null && valueOf(words[i + 1]?.text ?? '') !== null) {
        // "twenty-one" is read as three tokens
      } else break;
      i++;
    }
    if (value === null) {
      i = start + 1;
      continue;
    }
    const before = words[start - 1]?.text ?? '';
    const after = words[i]?.text ?? '';
    // "December 12", "12 December", "the 12th": days, not counts.
    if (monthOf(before) !== null || monthOf(after) !== null || /^(?:st|nd|rd|th)$/i.test(after)) continue;
    found.push({ value, unit: countedNoun(words, i) });
  }
  return found;
}

/** The noun a number counts: the last noun of the modifiers that follow it ("two Russian cargo planes" → aircraft). */
function countedNoun(words: readonly Word[], from: number): string | null {
  let i = from;
  // "five of the ships"
  if (words[i]?.lemma === 'of' && ['the', 'its', 'their', 'these', 'those'].includes(words[i + 1]?.lemma ?? '')) i += 2;
  let noun: string | null = null;
  let name: string | null = null;
  for (let n = 0; n < 4 && i < words.length && MODIFIERS.has(words[i]!.pos); n++, i++) {
    const w = words[i]!;
    if (w.pos === 'NOUN') noun = w.lemma;
    else if (w.pos === 'PROPN') name = w.lemma;
  }
  const head = noun ?? name;
  if (head === null) return null;
  // "AN-124s": a model's plural keeps its "s" in the lemma.
  return unitOf(spelling(/\d/.test(head) ? head.replace(/s$/, '') : head));
}
