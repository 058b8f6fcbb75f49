import { SitrepError } from '@sitrep/vocabulary';
import { describe, expect, it } from 'vitest';
import { extractArticle } from './extract';
import { datelineDate, readWireDateline } from './wire-dateline';

const BODY = 'Syria said the talks over the Qarawi airbase had ended.';

describe('a wire dateline', () => {
  it.each([
    ['PORT SELA, Syria (Reuters) - ', { place: 'PORT SELA', country: 'Syria', agency: 'Reuters', day: null }],
    ['KAZAN, Feb 3 (AFP) - ', { place: 'KAZAN', country: null, agency: 'AFP', day: { month: 2, day: 3, year: null } }],
    [
      'OMSK, March 9. /TASS/. ',
      { place: 'OMSK', country: null, agency: 'TASS', day: { month: 3, day: 9, year: null } },
    ],
    ['AMMAN (AP) — ', { place: 'AMMAN', country: null, agency: 'AP', day: null }],
    [
      'ST. PETERSBURG, Russia, Sept. 14, 2025 (Interfax) – ',
      { place: 'ST. PETERSBURG', country: 'Russia', agency: 'Interfax', day: { month: 9, day: 14, year: 2025 } },
    ],
    [
      'AL-QARAWI, United Arab Emirates, 7 October (dpa) : ',
      { place: 'AL-QARAWI', country: 'United Arab Emirates', agency: 'dpa', day: { month: 10, day: 7, year: null } },
    ],
    ['TIRANA, Albania — ', { place: 'TIRANA', country: 'Albania', agency: null, day: null }],
    ['OSLO/BERGEN (NTB) - ', { place: 'OSLO/BERGEN', country: null, agency: 'NTB', day: null }],
    ['OMSK/TASS/. ', { place: 'OMSK', country: null, agency: 'TASS', day: null }],
  ])('reads %j', (dateline, expected) => {
    const text = `${dateline}${BODY}`;
    const wire = readWireDateline(text);
    expect(wire).toMatchObject({ ...expected, title: null, start: 0 });
    expect(text.slice(wire!.bodyStart)).toBe(BODY);
  });

  it.each([
    ['a sentence', BODY],
    ['a capitalised word and a dash, without country, day or agency', `NATO - ${BODY}`],
    ['a place not in capitals', `Moscow, Jan 28 (AFP) - ${BODY}`],
    ['a country and a day without a dash or agency', `KAZAN, Russia, Feb 3: ${BODY}`],
    ['the date header', `date 2024-12-15 KAZAN: ${BODY}`],
    ['a dateline after two lines', `A title\nA subtitle\nKAZAN (AFP) - ${BODY}`],
  ])('is not found in %s', (_, text) => {
    expect(readWireDateline(text)).toBeNull();
  });

  it('may follow one title line (a Markdown heading’s # taken off) and blank lines', () => {
    const text = `\n# Talks end at Qarawi\n\nKAZAN (AFP) - ${BODY}`;
    expect(readWireDateline(text)).toMatchObject({ place: 'KAZAN', title: 'Talks end at Qarawi' });
  });
});

describe('the dateline’s day', () => {
  const wire = (text: string) => readWireDateline(`${text} ${BODY}`)!;

  it('is a date with the year it writes', () => {
    expect(datelineDate(wire('KAZAN, Feb 3, 2025 (AFP) -'))).toBe('2025-02-03');
  });

  it('takes its year from a date the article is known by, the nearest one across New Year', () => {
    expect(datelineDate(wire('KAZAN, Feb 3 (AFP) -'), '2025-02-04')).toBe('2025-02-03');
    expect(datelineDate(wire('KAZAN, Dec 31 (AFP) -'), '2025-01-02')).toBe('2024-12-31');
  });

  it('is no date without a year to give it, and none where the day does not exist', () => {
    expect(datelineDate(wire('KAZAN, Feb 3 (AFP) -'))).toBeNull();
    expect(datelineDate(wire('KAZAN, Feb 30, 2025 (AFP) -'))).toBeNull();
    expect(datelineDate(wire('KAZAN (AFP) -'), '2025-02-04')).toBeNull();
  });
});

describe('an article that opens with a wire dateline', () => {
  it('takes its place from the dateline and is not read as a mention of it', () => {
    const text = `MOSCOW, Jan 28 (AFP) - ${BODY}`;
    const { article, entities, claims } = extractArticle(text, { published: '2025-01-29' });
    expect(article).toMatchObject({ published: '2025-01-29', dateline: 'MOSCOW' });
    expect(entities.map((e) => e.name)).not.toContain('Russia');
    const bodyStart = text.indexOf('Syria');
    for (const mention of entities.flatMap((e) => e.mentions)) expect(mention.start).toBeGreaterThanOrEqual(bodyStart);
    expect(claims.map((c) => c.quote)).toEqual(['the talks over the Qarawi airbase had ended']);
    expect(text.slice(claims[0]!.start, claims[0]!.end)).toBe(claims[0]!.quote);
  });

  it('is dated by the dateline where it writes its year and no date is given', () => {
    expect(extractArticle(`KAZAN, Feb 3, 2025 (AFP) - ${BODY}`).article.published).toBe('2025-02-03');
  });

  it('is refused without a date when the dateline writes no year, naming the file and the dateline', () => {
    let error: unknown;
    try {
      extractArticle(`KAZAN, Feb 3 (AFP) - ${BODY}`, { file: 'kazan.txt' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SitrepError);
    expect((error as SitrepError).message).toBe(
      'kazan.txt: the dateline “KAZAN, Feb 3 (AFP) -” gives no year; give the publication date (YYYY-MM-DD).',
    );
  });

  it('takes the line before the dateline as its title when none is given', () => {
    const { article, claims } = extractArticle(`Talks end at Qarawi\n\nKAZAN (AFP) - ${BODY}`, {
      published: '2025-02-03',
    });
    expect(article.title).toBe('Talks end at Qarawi');
    expect(claims).toHaveLength(1);
  });

  it('keeps the date header first: a header’s text is not searched for a dateline', () => {
    const { article } = extractArticle(`date 2024-12-15 DAMASCUS: KAZAN (AFP) - ${BODY}`);
    expect(article).toMatchObject({ published: '2024-12-15', dateline: 'DAMASCUS' });
  });
});
