import { afterEach, describe, expect, it } from 'vitest';
import { addDays, findEventDate, weekdayOnOrBefore } from './event-date';

// 2024-12-10 is a Tuesday, 2024-12-15 a Sunday, 2025-01-02 a Thursday, 2024-03-01 a Friday.

describe('findEventDate: weekdays', () => {
  it.each([
    ['Flood water reached the old town on Sunday, residents said.', '2024-12-10', '2024-12-08'],
    ['The ministry said on Tuesday that talks would continue.', '2024-12-10', '2024-12-10'],
    ['Officials said on Wednesday the convoy had already left the port.', '2024-12-10', '2024-12-04'],
    ['Satellite pictures from Monday show two tankers at the pier.', '2024-12-10', '2024-12-09'],
    ["Saturday's strike hit a fuel depot on the outskirts of the city.", '2024-12-10', '2024-12-07'],
    ['Saturday’s strike hit a fuel depot on the outskirts of the city.', '2024-12-10', '2024-12-07'],
    ['The port reopened late Friday, the agency said.', '2024-12-10', '2024-12-06'],
    ['Shelling resumed early on Thursday, according to a local monitor.', '2024-12-10', '2024-12-05'],
    ['Witnesses heard explosions Monday night near the airfield.', '2024-12-10', '2024-12-09'],
    ['Crews have worked around the clock since Saturday to clear the runway.', '2024-12-10', '2024-12-07'],
    // A Sunday article: "on Sunday" is the day it is dated, "on Saturday" the day before.
    ['The navy said on Sunday that the frigates would stay offshore.', '2024-12-15', '2024-12-15'],
    ['A ferry left the harbour on Saturday, port staff said.', '2024-12-15', '2024-12-14'],
    ['Trucks were seen queuing at the gate in drone video from Friday.', '2024-12-15', '2024-12-13'],
    // Across a year boundary and a leap day.
    ['The embassy closed on Monday, staff said.', '2025-01-02', '2024-12-30'],
    ['The embassy closed on Tuesday, staff said.', '2025-01-02', '2024-12-31'],
    ['The vote took place on Thursday.', '2024-03-01', '2024-02-29'],
  ])('%j published %s → %s', (text, published, expected) => {
    expect(findEventDate(text, published)?.date).toBe(expected);
  });

  it('reads "last" and "this past" as strictly before the publication day', () => {
    expect(findEventDate('The minister flew to Ankara last Tuesday.', '2024-12-10')?.date).toBe('2024-12-03');
    expect(findEventDate('The minister flew to Ankara last Monday.', '2024-12-10')?.date).toBe('2024-12-09');
    expect(findEventDate('Talks ended this past Sunday.', '2024-12-15')?.date).toBe('2024-12-08');
  });

  it('reads "next" and "this coming" as strictly after the publication day', () => {
    expect(findEventDate('A second round is set for next Thursday.', '2024-12-10')?.date).toBe('2024-12-12');
    expect(findEventDate('A second round is set for next Tuesday.', '2024-12-10')?.date).toBe('2024-12-17');
    expect(findEventDate('Delegates return this coming Monday.', '2024-12-15')?.date).toBe('2024-12-16');
  });

  it('does not read tense: "will meet on Friday" still looks back', () => {
    expect(findEventDate('The two sides will meet on Friday.', '2024-12-10')?.date).toBe('2024-12-06');
  });

  it('spans the weekday and its modifier, not "on" or the possessive', () => {
    const text = 'Officials said on Wednesday that Saturday’s raid failed.';
    const found = findEventDate(text, '2024-12-10');
    expect(found && text.slice(found.start, found.end)).toBe('Wednesday');
    const last = 'He resigned last Friday.';
    const resolved = findEventDate(last, '2024-12-10');
    expect(resolved && last.slice(resolved.start, resolved.end)).toBe('last Friday');
    const possessive = 'Saturday’s raid failed.';
    expect(findEventDate(possessive, '2024-12-10')).toEqual({ date: '2024-12-07', start: 0, end: 8 });
  });

  it('returns the first day expression in the text', () => {
    expect(findEventDate('On Monday the ministry denied what it had said on Friday.', '2024-12-10')?.date).toBe(
      '2024-12-09',
    );
  });
});

describe('findEventDate: days named relative to publication', () => {
  it.each([
    ['The spokesman told reporters today that the base was secure.', '2024-12-10', '2024-12-10'],
    ['Today, officials said, the last ship sailed.', '2024-12-10', '2024-12-10'],
    ['The governor resigned yesterday.', '2025-01-01', '2024-12-31'],
    ['Yesterday’s meeting ended without a statement.', '2024-03-01', '2024-02-29'],
    ['The bridge was hit the day before yesterday.', '2024-03-01', '2024-02-28'],
    ['Troops pulled out of the town last night.', '2024-12-10', '2024-12-09'],
    ['Ministers will meet tomorrow in Geneva.', '2024-12-31', '2025-01-01'],
    ['The ferry is due the day after tomorrow.', '2024-12-10', '2024-12-12'],
    ['Police said the crowd gathered this morning.', '2024-12-10', '2024-12-10'],
    ['The ceasefire collapsed two days ago.', '2024-12-10', '2024-12-08'],
    ['The ceasefire collapsed 3 days ago.', '2024-12-10', '2024-12-07'],
    ['The ceasefire collapsed a day ago.', '2024-12-10', '2024-12-09'],
  ])('%j published %s → %s', (text, published, expected) => {
    expect(findEventDate(text, published)?.date).toBe(expected);
  });

  it('spans the whole phrase "the day before yesterday"', () => {
    expect(findEventDate('It began the day before yesterday.', '2024-12-10')).toEqual({
      date: '2024-12-08',
      start: 9,
      end: 33,
    });
  });
});

describe('weekdayOnOrBefore', () => {
  it.each([
    ['2024-12-10', 2, '2024-12-10'],
    ['2024-12-10', 0, '2024-12-08'],
    ['2024-12-10', 3, '2024-12-04'],
    ['2024-12-10', 'Sunday', '2024-12-08'],
    ['2024-12-10', 'tuesday', '2024-12-10'],
    ['2025-01-02', 'Monday', '2024-12-30'],
    ['2024-03-01', 'Thursday', '2024-02-29'],
  ] as const)('%s, %j → %s', (published, weekday, expected) => {
    expect(weekdayOnOrBefore(published, weekday)).toBe(expected);
  });

  it('rejects what is not a weekday or not a date', () => {
    expect(() => weekdayOnOrBefore('2024-12-10', 'Funday')).toThrow(RangeError);
    expect(() => weekdayOnOrBefore('2024-12-10', 7)).toThrow(RangeError);
    expect(() => weekdayOnOrBefore('2024-02-30', 1)).toThrow(RangeError);
    expect(() => findEventDate('on Monday', '10/12/2024')).toThrow(RangeError);
  });
});

describe('addDays', () => {
  it('moves across months, years and leap days', () => {
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2024-03-10', 0)).toBe('2024-03-10');
  });
});

describe('time zones', () => {
  const original = process.env.TZ;
  afterEach(() => {
    if (original == null) delete process.env.TZ;
    else process.env.TZ = original;
  });

  it.each(['Pacific/Kiritimati', 'America/Adak', 'UTC'])('gives the same days in %s', (zone) => {
    process.env.TZ = zone;
    expect(findEventDate('It happened on Sunday.', '2024-12-10')?.date).toBe('2024-12-08');
    expect(findEventDate('It happened on Dec. 30.', '2025-01-02')?.date).toBe('2024-12-30');
    expect(addDays('2024-03-31', 1)).toBe('2024-04-01');
  });
});
