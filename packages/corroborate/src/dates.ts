import type { Word } from './language';
import { monthOf } from './lexicon';

const DAY_MS = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');
const dayNumber = (text: string | undefined) => {
  const m = /^(\d{1,2})(?:st|nd|rd|th)?$/i.exec(text ?? '');
  return m && Number(m[1]) >= 1 && Number(m[1]) <= 31 ? Number(m[1]) : null;
};
const yearNumber = (text: string | undefined) => (/^(?:19|20)\d\d$/.test(text ?? '') ? Number(text) : null);

/**
 * Dates a quote spells out with a month: "December 12", "12 December 2024", "in January" (YYYY-MM).
 * Without a year, the month is read in the year the claim was said, or the year before when that
 * would put it more than two months after (a January article's "December" is last December).
 */
export function datesOf(words: readonly Word[], saidOn: string | null): string[] {
  const found: string[] = [];
  const [saidYear, saidMonth] = saidOn ? saidOn.split('-').map(Number) : [null, null];
  words.forEach((word, i) => {
    const month = monthOf(word.text);
    // "may" is a modal far more often than a month; a month is capitalised.
    if (month === null || !/^[A-Z]/.test(word.text)) return;
    const next = words[i + 1]?.text;
    const day = dayNumber(next) ?? dayNumber(words[i - 1]?.text);
    const yearAt = dayNumber(next) !== null ? (words[i + 2]?.text === ',' ? i + 3 : i + 2) : i + 1;
    let year = yearNumber(words[yearAt]?.text);
    if (year === null && saidYear != null && saidMonth != null) year = month > saidMonth + 2 ? saidYear - 1 : saidYear;
    if (year === null) return;
    found.push(day === null ? `${year}-${pad(month)}` : `${year}-${pad(month)}-${pad(day)}`);
  });
  return found;
}

/** The day `days` after `day` (before, when negative), YYYY-MM-DD. */
export const addDays = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

// Days are compared for every pair of claims a grouping weighs, and few distinct days occur.
const parsed = new Map<string, number>();
function dayMs(d: string): number {
  let ms = parsed.get(d);
  if (ms === undefined) {
    if (parsed.size >= 10_000) parsed.clear();
    parsed.set(d, (ms = Date.parse(`${d.length === 7 ? `${d}-01` : d}T00:00:00Z`)));
  }
  return ms;
}

/** Whole days from a to b (YYYY-MM-DD, or YYYY-MM read as its first day). */
export function daysBetween(a: string, b: string): number {
  return Math.round((dayMs(b) - dayMs(a)) / DAY_MS);
}

export type DateRelation = 'same' | 'different' | 'unknown';

/**
 * Whether two claims' dates name one time: the same day (a day apart still counts, as wire copy in
 * another time zone dates one event a day off), or the same month. Compared only at one precision:
 * days with days, else months with months; a day on one side and only a month on the other is
 * unknown, as the two often date different things (when it was said, when it happened).
 */
export function dateRelation(a: readonly string[], b: readonly string[]): DateRelation {
  const days = (ds: readonly string[]) => ds.filter((d) => d.length === 10);
  const [dayA, dayB] = [days(a), days(b)];
  if (dayA.length > 0 && dayB.length > 0)
    return dayA.some((x) => dayB.some((y) => Math.abs(daysBetween(x, y)) <= 1)) ? 'same' : 'different';
  if (dayA.length > 0 || dayB.length > 0 || a.length === 0 || b.length === 0) return 'unknown';
  return a.some((m) => b.includes(m)) ? 'same' : 'different';
}
