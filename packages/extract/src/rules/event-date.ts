import { matchesOf } from '../matches';

/**
 * Finds the first expression that dates an event to a single day ("on Saturday", "Dec. 9", "yesterday")
 * and resolves it against the article's publication date. Month-level or vaguer expressions ("in December",
 * "last week", "earlier this month") are not day precision and are never returned.
 *
 * All arithmetic is on UTC calendar days, so the host's time zone cannot shift a date.
 */

export interface EventDate {
  /** YYYY-MM-DD. */
  date: string;
  /** JS string indices into the text: the words that carry the date, without a leading "on" or a trailing "'s". */
  start: number;
  end: number;
}

export interface EventDateOptions {
  /**
   * A month and day without a year is read in the publication year, unless that puts it more than this many
   * days after publication (then it is last year's: "Dec. 30" in a January article) or more than
   * `365 - futureWindowDays` days before it (then it is next year's: "Jan. 5" in a late-December article).
   * Wire copy names upcoming days too ("due to arrive on Jan. 8"), hence a window rather than "never after".
   * @default 60
   */
  futureWindowDays?: number;
}

const DAY_MS = 86_400_000;

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

// Every spelling of a month ("Sept.", "September", "Sep") starts with these three letters.
const MONTH_PREFIXES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const WEEKDAY = '(?:Sun|Mon|Tues|Wednes|Thurs|Fri|Satur)day';
const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const ORDINAL = '(?:st|nd|rd|th)?';
const YEAR = '(?:,?\\s+(\\d{4})(?!\\d))?';
// "Sunday, Dec. 8": the weekday joins the explicit date rather than being resolved on its own.
const WEEKDAY_PREFIX = `(?:(${WEEKDAY}),?\\s+(?:the\\s+)?)?`;

const MONTH_FIRST = new RegExp(
  `\\b${WEEKDAY_PREFIX}(${MONTH})\\.?\\s+(\\d{1,2})${ORDINAL}(?![\\w]|[,.]\\d)${YEAR}`,
  'gi',
);
// "8 December", "8th of December 2024", "8-9 December" (the first day of a range).
const DAY_FIRST = new RegExp(
  `\\b${WEEKDAY_PREFIX}(\\d{1,2})${ORDINAL}(?:\\s*[-–]\\s*\\d{1,2}${ORDINAL})?\\s+(?:of\\s+)?(${MONTH})\\b${YEAR}`,
  'gi',
);
const ISO = /(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])/g;
const WEEKDAY_PHRASE = new RegExp(`\\b(?:(last|next|(?:this\\s+)?(?:coming|past))\\s+)?(${WEEKDAY})\\b`, 'gi');
const RELATIVE_OFFSETS: Record<string, number> = {
  'the day before yesterday': -2,
  yesterday: -1,
  'last night': -1,
  today: 0,
  tonight: 0,
  'this morning': 0,
  'this afternoon': 0,
  'this evening': 0,
  tomorrow: 1,
  'the day after tomorrow': 2,
};
const RELATIVE = new RegExp(
  `\\b(?:${Object.keys(RELATIVE_OFFSETS)
    .sort((a, b) => b.length - a.length)
    .map((phrase) => phrase.replace(/ /g, '\\s+'))
    .join('|')})\\b`,
  'gi',
);
const DAYS_AGO = /\b(\d{1,2}|a|one|two|three|four|five|six|seven|eight|nine|ten)\s+days?\s+ago\b/gi;

// What each kind of form cannot do without: explicit dates a digit, weekdays "day", the relative
// forms a word of time. A sentence without them is not searched for that kind; most are not.
const DIGIT = /\d/;
const TIME_WORD = /day|night|morning|afternoon|evening|tomorrow/i;
const DAY = /day/i;

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

// Named days that are holidays or history, not "the latest such weekday".
const NAMED_DAY = /\b(?:good|black|bloody|super|ash|palm|easter|cyber|holy|maundy|shrove|whit|low)\s+$/i;
// "every Friday", "on a Friday": habitual or indefinite, no particular day.
const INDEFINITE = /\b(?:every|each|a|an|one|some|any)\s+$/i;
// Where a capitalised "Today" is a sentence's first word rather than part of a name ("Russia Today", "USA Today").
const SENTENCE_START = /(?:^|[.!?:;]["'”’)\]]?\s+|["“‘(]\s*)$/;

/** Epoch day number of a valid YYYY-MM-DD, else null. */
function dayNumber(year: number, month: number, day: number): number | null {
  const ms = Date.UTC(year, month - 1, day);
  const date = new Date(ms);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return ms / DAY_MS;
}

// Every sentence of an article asks with the same publication date: keep the last one read.
let lastIso: { iso: string; day: number } | null = null;

function parseIsoDay(iso: string): number {
  if (lastIso?.iso === iso) return lastIso.day;
  const day = readIsoDay(iso);
  lastIso = { iso, day };
  return day;
}

function readIsoDay(iso: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const day = match ? dayNumber(Number(match[1]), Number(match[2]), Number(match[3])) : null;
  if (day == null) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(iso)}`);
  return day;
}

function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** `date` (YYYY-MM-DD) moved by `days` calendar days, in UTC. */
export function addDays(date: string, days: number): string {
  return formatDay(parseIsoDay(date) + days);
}

function weekdayIndex(weekday: number | string): number {
  const index = typeof weekday === 'number' ? weekday : WEEKDAYS.findIndex((name) => name === weekday.toLowerCase());
  if (!Number.isInteger(index) || index < 0 || index > 6) throw new RangeError(`not a weekday: ${String(weekday)}`);
  return index;
}

/**
 * The latest `weekday` (0 = Sunday … 6 = Saturday, or its English name) on or before `published`:
 * a wire report dated Tuesday says "on Tuesday" for that same day.
 */
export function weekdayOnOrBefore(published: string, weekday: number | string): string {
  const day = parseIsoDay(published);
  const back = (new Date(day * DAY_MS).getUTCDay() - weekdayIndex(weekday) + 7) % 7;
  return formatDay(day - back);
}

/** The month-day in the year that keeps it inside the window around publication (see `futureWindowDays`). */
function resolveMonthDay(published: number, month: number, day: number, windowDays: number): number | null {
  const year = new Date(published * DAY_MS).getUTCFullYear();
  const sameYear = Date.UTC(year, month - 1, day) / DAY_MS;
  let chosen = year;
  if (sameYear - published > windowDays) chosen = year - 1;
  else if (published - sameYear > 365 - windowDays) chosen = year + 1;
  return dayNumber(chosen, month, day);
}

function isCapitalised(text: string, at: number): boolean {
  const first = text[at] ?? '';
  return first !== first.toLowerCase();
}

interface Candidate {
  day: number;
  start: number;
  end: number;
}

function* explicitDates(text: string, published: number, windowDays: number): Generator<Candidate> {
  for (const [pattern, monthGroup, dayGroup] of [
    [MONTH_FIRST, 2, 3],
    [DAY_FIRST, 3, 2],
  ] as const) {
    for (const match of matchesOf(pattern, text)) {
      const monthText = match[monthGroup] ?? '';
      const monthAt = match.index + match[0].indexOf(monthText, match[1] ? match[1].length : 0);
      if (!isCapitalised(text, monthAt)) continue; // "troops march 5 km", not March 5
      const month = MONTH_PREFIXES.indexOf(monthText.slice(0, 3).toLowerCase()) + 1;
      const dayOfMonth = Number(match[dayGroup]);
      const year = match[4];
      const day =
        year == null
          ? resolveMonthDay(published, month, dayOfMonth, windowDays)
          : dayNumber(Number(year), month, dayOfMonth);
      if (day != null) yield { day, start: match.index, end: match.index + match[0].length };
    }
  }
  for (const match of matchesOf(ISO, text)) {
    const day = dayNumber(Number(match[1]), Number(match[2]), Number(match[3]));
    if (day != null) yield { day, start: match.index, end: match.index + match[0].length };
  }
}

function* weekdayDates(text: string, published: number): Generator<Candidate> {
  if (!DAY.test(text)) return;
  const publishedWeekday = new Date(published * DAY_MS).getUTCDay();
  for (const match of matchesOf(WEEKDAY_PHRASE, text)) {
    const modifier = match[1]?.toLowerCase().replace(/\s+/g, ' ');
    const name = match[2] ?? '';
    const before = text.slice(0, match.index);
    if (!isCapitalised(text, match.index + match[0].length - name.length)) continue;
    if (modifier == null && (NAMED_DAY.test(before) || INDEFINITE.test(before))) continue;
    const back = (publishedWeekday - weekdayIndex(name) + 7) % 7;
    let day: number;
    if (modifier === 'last' || modifier?.endsWith('past')) day = published - (back === 0 ? 7 : back);
    else if (modifier === 'next' || modifier?.endsWith('coming')) day = published + (7 - back);
    else day = published - back;
    yield { day, start: match.index, end: match.index + match[0].length };
  }
}

function* relativeDates(text: string, published: number): Generator<Candidate> {
  if (!TIME_WORD.test(text)) return;
  for (const match of matchesOf(RELATIVE, text)) {
    const phrase = match[0].toLowerCase().replace(/\s+/g, ' ');
    if (isCapitalised(text, match.index) && !SENTENCE_START.test(text.slice(0, match.index))) continue;
    yield { day: published + (RELATIVE_OFFSETS[phrase] ?? 0), start: match.index, end: match.index + match[0].length };
  }
  for (const match of matchesOf(DAYS_AGO, text)) {
    const count = (match[1] ?? '').toLowerCase();
    const days = count === 'a' ? 1 : /\d/.test(count) ? Number(count) : NUMBER_WORDS.indexOf(count);
    yield { day: published - days, start: match.index, end: match.index + match[0].length };
  }
}

/**
 * The first expression in `text` that dates an event to one day, resolved against `published` (YYYY-MM-DD).
 * Where two expressions start at the same place, the longer wins ("Sunday, Dec. 8" over "Sunday").
 * Tense is not read: "will meet on Tuesday" still resolves to the latest Tuesday on or before publication;
 * only "next Tuesday" / "this coming Tuesday" look forward.
 */
export function findEventDate(text: string, published: string, options: EventDateOptions = {}): EventDate | null {
  const publishedDay = parseIsoDay(published);
  const windowDays = options.futureWindowDays ?? 60;
  let best: Candidate | null = null;
  for (const candidates of [
    // Every explicit date has its day in digits; most sentences have none.
    DIGIT.test(text) ? explicitDates(text, publishedDay, windowDays) : [],
    weekdayDates(text, publishedDay),
    relativeDates(text, publishedDay),
  ]) {
    for (const candidate of candidates) {
      if (
        best == null ||
        candidate.start < best.start ||
        (candidate.start === best.start && candidate.end > best.end)
      ) {
        best = candidate;
      }
    }
  }
  return best && { date: formatDay(best.day), start: best.start, end: best.end };
}
