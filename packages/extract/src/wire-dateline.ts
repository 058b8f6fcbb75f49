/**
 * A wire service's dateline at the head of a report: `TARTOUS, Syria (Reuters) -`,
 * `MOSCOW, Jan 28 (AFP) -`, `DUBAI, January 29. /TASS/.`, `BEIRUT (AP) —`. It says where the report
 * was filed, often the day, and the agency that filed it; it is not part of what the report says.
 */
export interface WireDateline {
  /** The place, as written (capitals): `TARTOUS`, `ST. PETERSBURG`. */
  place: string;
  /** The country after the place, where given: `Syria`. */
  country: string | null;
  /** The agency credited in parentheses or slashes: `Reuters`, `AFP`, `TASS`, `AP`. */
  agency: string | null;
  /** The day it gives, if any; its year only where the dateline writes one. */
  day: { month: number; day: number; year: number | null } | null;
  /** A title on its own line before the dateline (a Markdown `#` taken off), where there is one. */
  title: string | null;
  /** Where the dateline starts and where the report's own text starts after it. */
  start: number;
  bodyStart: number;
}

const MONTHS = [
  ['jan', 'january'],
  ['feb', 'february'],
  ['mar', 'march'],
  ['apr', 'april'],
  ['may'],
  ['jun', 'june'],
  ['jul', 'july'],
  ['aug', 'august'],
  ['sep', 'sept', 'september'],
  ['oct', 'october'],
  ['nov', 'november'],
  ['dec', 'december'],
] as const;
const MONTH_OF = new Map<string, number>(MONTHS.flatMap((names, i) => names.map((n) => [n, i + 1] as const)));
// Capitalised or in capitals: `Jan`, `January`, `JAN`.
const MONTH = `(?:${[...MONTH_OF.keys()]
  .sort((a, b) => b.length - a.length)
  .flatMap((name) => [name[0]!.toUpperCase() + name.slice(1), name.toUpperCase()])
  .join('|')})\\.?`;

// Every word of the place in capitals (`PORT SUDAN`, `AL-QARAWI`, `ST. PETERSBURG`); places filed
// from together are joined by a slash (`WASHINGTON/LONDON`).
const CAPS_WORD = `\\p{Lu}[\\p{Lu}\\p{M}'’.-]*`;
const PLACE = `(${CAPS_WORD}(?:[ /]${CAPS_WORD})*)`;
// `, Syria`, `, United Arab Emirates`, `, Democratic Republic of the Congo`; never a month and day.
const COUNTRY_WORD = `(?:\\p{Lu}[\\p{L}\\p{M}'’.-]*|of|the|and)`;
const COUNTRY = `(?:,\\s*(?!${MONTH}\\s*\\d)(\\p{Lu}[\\p{L}\\p{M}'’.-]*(?: ${COUNTRY_WORD}){0,5}))?`;
// `, Jan 28`, `, January 29.`, `, 29 January`, `, Jan. 28, 2025`.
const DAY = `(?:,?\\s*(?:(${MONTH})\\s+(\\d{1,2})|(\\d{1,2})\\s+(${MONTH}))(?:,?\\s+(\\d{4}))?\\.?)?`;
const AGENCY = `(?:\\s*(?:\\(\\s*(\\p{L}[^()\\n]{0,39}?)\\s*\\)|/\\s*(\\p{L}[^/\\n]{0,39}?)\\s*/))?`;
// Any dash (hyphen, en, em, figure, bar), or after an agency also a full stop or a colon.
const END = `\\s*([-‐‑‒–—―]+|\\.(?=\\s)|:)[ \\t]*`;
const DATELINE = new RegExp(`^${PLACE}${COUNTRY}${DAY}${AGENCY}${END}`, 'u');

/** How far a dateline is looked for: it is a few words, and the place's words are tried at each length. */
const REACH = 200;
/** How long a title line before it may be. */
const TITLE_REACH = 300;

/**
 * The wire dateline the text opens with, after white space and at most one title line, or null.
 * Without an agency only a dash ends it, and only after a country or a day, so a line that opens
 * with a capitalised word is not taken for one.
 */
export function readWireDateline(text: string): WireDateline | null {
  const first = skipBlank(text, 0);
  const direct = datelineAt(text, first, null);
  if (direct) return direct;
  const lineEnd = text.indexOf('\n', first);
  if (lineEnd < 0 || lineEnd - first > TITLE_REACH) return null;
  const title = text
    .slice(first, lineEnd)
    .replace(/^#{1,6}\s+/, '')
    .trim();
  return title === '' ? null : datelineAt(text, skipBlank(text, lineEnd), title);
}

function datelineAt(text: string, start: number, title: string | null): WireDateline | null {
  const match = DATELINE.exec(text.slice(start, start + REACH));
  if (!match) return null;
  const [whole, place, country, monthFirst, dayAfter, dayFirst, monthAfter, year, inParens, inSlashes, end] = match;
  const agency = (inParens ?? inSlashes)?.trim() ?? null;
  const month = monthFirst ?? monthAfter;
  const dayText = dayAfter ?? dayFirst;
  if ((place ?? '').replace(/[^\p{Lu}]/gu, '').length < 2) return null;
  if (!agency && (!/^[-‐‑‒–—―]/.test(end ?? '') || (!country && !month))) return null;
  return {
    place: place!,
    country: country ?? null,
    agency,
    day:
      month && dayText
        ? {
            month: MONTH_OF.get(month.replace('.', '').toLowerCase())!,
            day: Number(dayText),
            year: year ? Number(year) : null,
          }
        : null,
    title,
    start,
    bodyStart: skipBlank(text, start + whole.length),
  };
}

/**
 * The dateline's day as YYYY-MM-DD: with the year it writes, or else with the year of `near` (a
 * date the article is known by) that puts the day closest to it, so `Dec 31` near 2025-01-02 is
 * 2024-12-31. Null without a day, or without a year to give it: a year is never guessed from the clock.
 */
export function datelineDate(dateline: WireDateline, near: string | null = null): string | null {
  const { day } = dateline;
  if (!day) return null;
  if (day.year !== null) return calendarDate(day.year, day.month, day.day);
  const around = near ? Date.parse(`${near}T00:00:00Z`) : NaN;
  if (Number.isNaN(around)) return null;
  const year = new Date(around).getUTCFullYear();
  let best: string | null = null;
  for (const candidate of [year - 1, year, year + 1]) {
    const date = calendarDate(candidate, day.month, day.day);
    if (!date) continue;
    const distance = Math.abs(Date.parse(`${date}T00:00:00Z`) - around);
    if (best === null || distance < Math.abs(Date.parse(`${best}T00:00:00Z`) - around)) best = date;
  }
  return best;
}

function calendarDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

function skipBlank(text: string, from: number): number {
  let at = from;
  while (at < text.length && /\s/.test(text[at]!)) at += 1;
  return at;
}
