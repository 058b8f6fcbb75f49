import { SitrepError } from '@sitrep/vocabulary';
import { describe, expect, it } from 'vitest';
import { extractArticle } from './extract';

const BODY = 'Syria said the talks over the Qarawi airbase had ended.';

/** The error `extractArticle` throws for `text`, so its class and message can be checked together. */
function refusal(text: string, file?: string): SitrepError {
  try {
    extractArticle(text, file ? { file } : {});
  } catch (error) {
    expect(error).toBeInstanceOf(SitrepError);
    return error as SitrepError;
  }
  throw new Error(`expected ${JSON.stringify(text)} to be refused`);
}

describe('the wire header', () => {
  it('reads the publication date and the dateline', () => {
    const { article } = extractArticle(`date 2024-12-15 DAMASCUS: ${BODY}`);
    expect(article.published).toBe('2024-12-15');
    expect(article.dateline).toBe('DAMASCUS');
  });

  it('allows white space and blank lines before `date`, and keeps offsets into the text as given', () => {
    const text = ` \n\t  date 2024-12-15 DAMASCUS: ${BODY}`;
    const { article, claims } = extractArticle(text);
    expect(article).toMatchObject({ published: '2024-12-15', dateline: 'DAMASCUS' });
    expect(claims).toHaveLength(1);
    expect(text.slice(claims[0]!.start, claims[0]!.end)).toBe(claims[0]!.quote);
    expect(claims[0]!.quote).toBe('the talks over the Qarawi airbase had ended');
  });

  it.each([
    ['PORT SELA', 'a space'],
    ['ST. PETERSBURG', 'a dot and a space'],
    ['AL-QARAWI', 'a hyphen'],
  ])('reads a dateline with %s (%s)', (place) => {
    expect(extractArticle(`date 2024-12-15 ${place}: ${BODY}`).article.dateline).toBe(place);
  });

  it('accepts a header on a line of its own, the first paragraph on the next', () => {
    const { article, claims } = extractArticle(`date 2024-12-15 DAMASCUS:\n${BODY}\n\nA second paragraph.`);
    expect(article.dateline).toBe('DAMASCUS');
    expect(claims.map((c) => c.quote)).toEqual(['the talks over the Qarawi airbase had ended']);
  });

  it('does not read the dateline as a mention: a capitals MOSCOW is no mention of Russia', () => {
    const text = `date 2024-12-15 MOSCOW: ${BODY}`;
    const { entities } = extractArticle(text);
    expect(entities.map((e) => e.name)).not.toContain('Russia');
    const bodyStart = text.indexOf('Syria');
    for (const mention of entities.flatMap((e) => e.mentions)) expect(mention.start).toBeGreaterThanOrEqual(bodyStart);
  });
});

describe('a missing or malformed header', () => {
  it('is refused with a SitrepError that names the file and line 1', () => {
    const error = refusal(BODY, 'articles/qarawi.txt');
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(/^articles\/qarawi\.txt:1: /);
    expect(error.message).toContain('date YYYY-MM-DD PLACE: ');
    // The message quotes what it found, so the user can see the line at fault.
    expect(error.message).toContain('Syria said the talks');
  });

  it('names "the article" when no file is given', () => {
    expect(refusal(BODY).message).toMatch(/^the article:1: /);
  });

  it.each([
    ['an empty text', ''],
    ['a dateline not in capitals', `date 2024-12-15 Damascus: ${BODY}`],
    ['no dateline', `date 2024-12-15: ${BODY}`],
    ['no colon after the dateline', `date 2024-12-15 DAMASCUS ${BODY}`],
    ['a two-digit year', `date 24-12-15 DAMASCUS: ${BODY}`],
    ['the date after the dateline', `DAMASCUS date 2024-12-15: ${BODY}`],
  ])('refuses %s', (_, text) => {
    expect(refusal(text, 'bad.txt').message).toMatch(/^bad\.txt:1: expected the first line/);
  });
});

describe('the publication date', () => {
  it.each(['2025-02-30', '2024-13-01', '2023-02-29', '2024-04-31'])('refuses the impossible date %s', (date) => {
    const error = refusal(`date ${date} DAMASCUS: ${BODY}`, 'feb.txt');
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toBe(`feb.txt:1: “${date}” is not a calendar date.`);
  });

  it('accepts a leap day', () => {
    expect(extractArticle(`date 2024-02-29 DAMASCUS: ${BODY}`).article.published).toBe('2024-02-29');
  });
});

describe('the `published` option', () => {
  it('lets a text without a header be read from its first character', () => {
    const { article, claims } = extractArticle(BODY, { published: '2024-12-15' });
    expect(article).toMatchObject({ published: '2024-12-15', dateline: null });
    expect(claims).toHaveLength(1);
    expect(claims[0]).toMatchObject({ start: BODY.indexOf('the talks'), end: BODY.length - 1 });
  });

  it('dates weekdays from the option', () => {
    const { claims } = extractArticle('Syria said on Saturday that the talks had ended.', { published: '2024-12-15' });
    expect(claims[0]?.event_date).toBe('2024-12-14');
  });

  it('gives way to a header the text has', () => {
    const { article } = extractArticle(`date 2024-12-15 DAMASCUS: ${BODY}`, { published: '2020-01-01' });
    expect(article).toMatchObject({ published: '2024-12-15', dateline: 'DAMASCUS' });
  });

  // Was a bug (fixed): `published` is not validated; an impossible date surfaces as a RangeError from the
  // event-date rule ('not a YYYY-MM-DD date: "2025-02-30"'), not a SitrepError naming the file.
  it('refuses an impossible date with a SitrepError that names the file', () => {
    expect(() => extractArticle(BODY, { published: '2025-02-30', file: 'plain.txt' })).toThrow(SitrepError);
  });
});

describe('the title', () => {
  it('is derived from the first sentence, without its full stop, when none is given', () => {
    expect(extractArticle(`date 2024-12-15 DAMASCUS: ${BODY} Talks resume in May.`).article.title).toBe(
      'Syria said the talks over the Qarawi airbase had ended',
    );
  });

  it('is cut at a word near 90 characters, with an ellipsis, when the first sentence is long', () => {
    const long =
      'Syria said on Saturday that the long-running talks over the future of the naval facility at Port Sela and the Qarawi airbase had ended.';
    const { title } = extractArticle(`date 2024-12-15 DAMASCUS: ${long}`).article;
    expect(title.endsWith('…')).toBe(true);
    expect(title.length).toBeLessThanOrEqual(91);
    expect(long.startsWith(title.slice(0, -1))).toBe(true);
    expect(long[title.length - 1]).toBe(' ');
  });

  it('is the given one, trimmed', () => {
    const { title } = extractArticle(`date 2024-12-15 DAMASCUS: ${BODY}`, { title: '  Talks end  ' }).article;
    expect(title).toBe('Talks end');
  });

  it.each([null, '', '   '])('falls back to the first sentence when the given title is %j', (title) => {
    expect(extractArticle(`date 2024-12-15 DAMASCUS: ${BODY}`, { title }).article.title).toBe(
      'Syria said the talks over the Qarawi airbase had ended',
    );
  });
});
