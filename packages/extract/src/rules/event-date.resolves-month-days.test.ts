import { describe, expect, it } from 'vitest';
import { findEventDate } from './event-date';

describe('findEventDate: month and day', () => {
  it.each([
    ['A commercial image taken on Dec. 9 showed four barges at the quay.', '2024-12-10', '2024-12-09'],
    ['The agreement was signed on December 8 in Doha.', '2024-12-10', '2024-12-08'],
    ['The agreement was signed on 8 December in Doha.', '2024-12-10', '2024-12-08'],
    ['The agreement was signed on the 8th of December in Doha.', '2024-12-10', '2024-12-08'],
    ['The agreement was signed on December 8th in Doha.', '2024-12-10', '2024-12-08'],
    ['Inspectors last visited the plant on Sept. 12.', '2024-12-10', '2024-09-12'],
    ['Inspectors last visited the plant on Sep 12.', '2024-12-10', '2024-09-12'],
    ['Inspectors last visited the plant on September 12.', '2024-12-10', '2024-09-12'],
    ['The lease was extended on Feb 28 for another decade.', '2024-12-10', '2024-02-28'],
    ['The lease was extended on Feb. 28 for another decade.', '2024-12-10', '2024-02-28'],
    ['The strike on Aug. 1 killed two guards.', '2024-12-10', '2024-08-01'],
    ['The strike on 1 Aug killed two guards.', '2024-12-10', '2024-08-01'],
    ['Voting began on May 5 in the north.', '2024-12-10', '2024-05-05'],
    ['Voting began on 5 May in the north.', '2024-12-10', '2024-05-05'],
    ['Protests spread after March 15, the group said.', '2024-12-10', '2024-03-15'],
    ['The decree took effect on Oct. 1, officials said.', '2024-12-10', '2024-10-01'],
    ['SHIPS LEFT THE HARBOUR ON DEC. 9', '2024-12-10', '2024-12-09'],
  ])('%j published %s → %s', (text, published, expected) => {
    expect(findEventDate(text, published)?.date).toBe(expected);
  });

  it.each([
    ['An image taken on Dec. 30 showed the pier empty.', '2025-01-02', '2024-12-30'],
    ['The border closed on Dec. 31, traders said.', '2025-01-01', '2024-12-31'],
    ['The border closed on 28 December, traders said.', '2025-01-05', '2024-12-28'],
    ['Two more freighters are due to dock on Jan. 8.', '2025-01-03', '2025-01-08'],
    ['Talks are scheduled to resume on Jan. 3.', '2024-12-29', '2025-01-03'],
    ['The summit is planned for December 20.', '2024-12-10', '2024-12-20'],
  ])('crosses the year boundary by proximity: %j published %s → %s', (text, published, expected) => {
    expect(findEventDate(text, published)?.date).toBe(expected);
  });

  it('reads a date more than the window after publication as last year’s', () => {
    expect(findEventDate('The airport reopened on Nov. 20.', '2024-03-10')?.date).toBe('2023-11-20');
    expect(findEventDate('The airport reopened on April 20.', '2024-03-10')?.date).toBe('2024-04-20');
    expect(findEventDate('The airport reopened on April 20.', '2024-01-10')?.date).toBe('2023-04-20');
  });

  it('with futureWindowDays 0 never resolves a month-day after publication', () => {
    const options = { futureWindowDays: 0 };
    expect(findEventDate('Talks are due on Dec. 12.', '2024-12-10', options)?.date).toBe('2023-12-12');
    expect(findEventDate('Talks ended on Dec. 10.', '2024-12-10', options)?.date).toBe('2024-12-10');
    expect(findEventDate('Talks ended on Dec. 30.', '2025-01-02', options)?.date).toBe('2024-12-30');
  });

  it.each([
    ['The deal was signed on December 8, 2017, in Ankara.', '2024-12-10', '2017-12-08'],
    ['The deal was signed on Dec. 8 2017 in Ankara.', '2024-12-10', '2017-12-08'],
    ['The deal was signed on 8 December 2017 in Ankara.', '2024-12-10', '2017-12-08'],
    ['The deal, signed on January 18, 2025, runs for 49 years.', '2024-12-10', '2025-01-18'],
    ['The ruling is dated 2025-01-03 and was published later.', '2025-02-10', '2025-01-03'],
  ])('keeps a given year: %j → %s', (text, published, expected) => {
    expect(findEventDate(text, published)?.date).toBe(expected);
  });

  it('handles leap days: valid in a leap year, skipped otherwise', () => {
    expect(findEventDate('The runway closed on Feb. 29.', '2024-03-10')?.date).toBe('2024-02-29');
    expect(findEventDate('The runway closed on Feb. 29.', '2025-03-10')).toBeNull();
    expect(findEventDate('The runway closed on Feb. 30.', '2024-03-10')).toBeNull();
    expect(findEventDate('The order is dated 2025-02-30.', '2025-03-10')).toBeNull();
  });

  it('takes an explicit date together with its weekday', () => {
    const text = 'On Sunday, Dec. 8, the garrison surrendered.';
    expect(findEventDate(text, '2024-12-20')).toEqual({ date: '2024-12-08', start: 3, end: 17 });
    expect(findEventDate('On Sunday 8 December the garrison surrendered.', '2024-12-20')?.date).toBe('2024-12-08');
  });

  it('takes the first day of a range', () => {
    expect(findEventDate('Fighting raged on Dec. 8-9 around the airport.', '2024-12-20')?.date).toBe('2024-12-08');
    expect(findEventDate('Fighting raged on 8-9 December around the airport.', '2024-12-20')?.date).toBe('2024-12-08');
    expect(findEventDate('Fighting raged on 8–9 December around the airport.', '2024-12-20')?.date).toBe('2024-12-08');
  });

  it('spans the month and day (and year), not the preposition', () => {
    const text = 'Satellite imagery dated Dec. 9 showed the hangar empty.';
    const found = findEventDate(text, '2024-12-10');
    expect(found && text.slice(found.start, found.end)).toBe('Dec. 9');
    const withYear = 'It opened on December 8, 2017, officials said.';
    const dated = findEventDate(withYear, '2024-12-10');
    expect(dated && withYear.slice(dated.start, dated.end)).toBe('December 8, 2017');
  });

  it('prefers whichever expression comes first', () => {
    expect(findEventDate('On Dec. 5 the ships were moored; by Monday they had gone.', '2024-12-10')?.date).toBe(
      '2024-12-05',
    );
    expect(findEventDate('By Monday the ships had gone, after mooring on Dec. 5.', '2024-12-10')?.date).toBe(
      '2024-12-09',
    );
  });
});
