import { describe, expect, it } from 'vitest';
import { findEventDate } from './event-date';

describe('findEventDate: not day precision', () => {
  it.each([
    'The garrison was reinforced in December.',
    'The garrison was reinforced in early December.',
    'The garrison was reinforced in mid-December.',
    'The garrison was reinforced earlier this month.',
    'The garrison was reinforced last month.',
    'The garrison was reinforced in 2023.',
    'The garrison was reinforced in December 2023.',
    'The garrison was reinforced in Dec. 2023.',
    'The garrison was reinforced last week.',
    'The garrison will be reinforced next week.',
    'The garrison was reinforced this year.',
    'The garrison was reinforced recently.',
    'The garrison was reinforced in recent days.',
    'The garrison was reinforced a few days ago.',
    'The garrison was reinforced over the weekend.',
    'The garrison will be reinforced in the coming days.',
    'The garrison has been there since 2015.',
    'The garrison has been there since the 1970s.',
    'The garrison was reinforced last May.',
  ])('%j → null', (text) => {
    expect(findEventDate(text, '2024-12-10')).toBeNull();
  });

  it.each([
    ['habitual weekdays', 'Convoys leave the depot on Fridays.'],
    ['an indefinite weekday', 'It happened on a Friday in late autumn.'],
    ['a repeated weekday', 'Markets close early every Thursday.'],
    ['a holiday named after a weekday', 'Services were held on Good Friday.'],
    ['a holiday named after a weekday', 'Shoppers crowded stores on Black Friday.'],
    ['a historical name', 'The march marked the anniversary of Bloody Sunday.'],
    ['an outlet named after a day', 'The channel Russia Today broadcast the speech.'],
    ['an outlet named after a day', 'The report first appeared in USA Today.'],
    ['a lower-case month that is a verb', 'The troops march 5 km to the border each day.'],
    ['a lower-case weekday', 'The word friday appears in lower case here.'],
    ['a month followed by a large number', 'By May 5,000 people had fled the district.'],
    ['a month with a decimal', 'Growth in March 2.5 percent was reported.'],
    ['a number before a word that starts like a month', 'The 12 Marines were flown home.'],
    ['a resolution number', 'Resolution 2254 calls for a political transition.'],
    ['a military unit', 'Unit 29155 was named in the indictment.'],
    ['an invalid ISO date', 'The file was labelled 2024-13-45.'],
    ['a fiscal year range', 'The budget for 2024-25 was cut.'],
  ])('ignores %s: %j', (_kind, text) => {
    expect(findEventDate(text, '2024-12-10')).toBeNull();
  });

  it('returns null for empty text', () => {
    expect(findEventDate('', '2024-12-10')).toBeNull();
  });

  it('skips a vague date and finds a precise one after it', () => {
    const text = 'After weeks of talks in December, the pact was signed on Dec. 6.';
    expect(findEventDate(text, '2024-12-10')?.date).toBe('2024-12-06');
  });
});
