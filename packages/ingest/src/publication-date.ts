import { dateHeaderDate, datelineDate, readWireDateline } from '@sitrep/extract';
import { SitrepError } from '@sitrep/vocabulary';

/** Today's date where it is latest (UTC+14): an article dated today anywhere is not in the future. */
export function todayAnywhere(now: number = Date.now()): string {
  return new Date(now + 14 * 3600_000).toISOString().slice(0, 10);
}

/**
 * The day an article is dated by, as extraction reads it: its own `date YYYY-MM-DD PLACE:` line,
 * else the date it came with, else a wire dateline that writes its year; null where none does.
 */
export function publicationDateOf(text: string, given: string | null | undefined): string | null {
  const own = dateHeaderDate(text);
  if (own) return own;
  if (given) return given;
  const wire = readWireDateline(text);
  return wire && datelineDate(wire);
}

/**
 * Refuses a publication date after `today`: an article cannot have been published yet. A date that
 * is no day at all ("2026-12-45") is left to the reader of the date, which says so.
 */
export function refuseFutureDate(date: string, today: string = todayAnywhere()): void {
  if (isCalendarDate(date) && date > today) {
    throw new SitrepError(
      'BAD_USER_INPUT',
      `the publication date ${date} is in the future (it is ${today} at the latest anywhere); give the day the article was published.`,
    );
  }
}

/** A real day written YYYY-MM-DD. */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
}
