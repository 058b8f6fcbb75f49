import { SitrepError } from '@sitrep/vocabulary';
import { describe, expect, it } from 'vitest';
import { readArticleFile, todayAnywhere } from './article-file';

const BODY = 'Syria said the talks over the Qarawi airbase had ended.\n';
const TODAY = '2025-03-01';

/** The message `readArticleFile` refuses with. */
function refusal(file: string, content: string, given = {}): string {
  try {
    readArticleFile(file, content, given, {}, TODAY);
  } catch (error) {
    expect(error).toBeInstanceOf(SitrepError);
    return (error as SitrepError).message;
  }
  throw new Error(`expected ${file} to be refused`);
}

describe('front matter', () => {
  it('is read from a .md file and left out of the text', () => {
    const input = readArticleFile('a.md', `---\ndate: 2025-02-03\ntitle: Talks end\n---\n${BODY}`, {}, {}, TODAY);
    expect(input).toMatchObject({ text: BODY, publishedAt: '2025-02-03', title: 'Talks end', outlet: null });
  });

  it('may end with `...` and use Windows line ends', () => {
    const input = readArticleFile('a.md', `---\r\ndate: '2025-02-03'\r\n...\r\n${BODY}`, {}, {}, TODAY);
    expect(input).toMatchObject({ text: BODY, publishedAt: '2025-02-03' });
  });

  it('is not looked for in a .txt file, nor anywhere but the first line', () => {
    expect(refusal('a.txt', `---\ndate: 2025-02-03\n---\n${BODY}`)).toMatch(/^no publication date/);
    expect(refusal('a.md', `\n---\ndate: 2025-02-03\n---\n${BODY}`)).toMatch(/^no publication date/);
  });

  it.each([
    ['a date that is not text', 'date: 20250203', /the front matter's date must be text/],
    ['an impossible date', 'date: 2025-02-30', /“2025-02-30” is not a calendar date/],
    ['a list', '- date', /must be YAML "key: value" lines/],
    ['YAML that does not parse', 'date: [2025', /^the front matter is not valid YAML: /],
  ])('refuses %s', (_, yaml, message) => {
    expect(refusal('a.md', `---\n${yaml}\n---\n${BODY}`)).toMatch(message);
  });
});

describe('what wins', () => {
  it('takes the flags first, then the front matter, then the index.json', () => {
    const input = readArticleFile(
      'a.md',
      `---\ndate: 2025-02-03\noutlet: Harbour Watch\nurl: https://a.example.org/\ntitle: Talks end\n---\n${BODY}`,
      { date: '2025-02-04', outlet: 'Desk notes' },
      { title: 'From the index', outlet: 'Index outlet', url: 'https://index.example.org/' },
      TODAY,
    );
    expect(input).toMatchObject({
      publishedAt: '2025-02-04',
      outlet: 'Desk notes',
      url: 'https://a.example.org/',
      title: 'Talks end',
    });
  });
});

describe('the date', () => {
  it('may come from a wire dateline that writes its year', () => {
    expect(readArticleFile('a.txt', `KAZAN, Feb 3, 2025 (AFP) - ${BODY}`, {}, {}, TODAY).text).toContain('KAZAN');
  });

  it('is refused when after today, and taken when today', () => {
    expect(refusal('a.txt', BODY, { date: '2025-03-02' })).toBe(
      'the publication date 2025-03-02 is in the future (it is 2025-03-01 at the latest anywhere); give the day the article was published.',
    );
    expect(refusal('a.txt', `KAZAN, Mar 2, 2025 (AFP) - ${BODY}`)).toMatch(/2025-03-02 is in the future/);
    // The text's own date line wins over every other date, and is held to the same rule.
    expect(refusal('a.txt', `date 2025-03-02 KAZAN: ${BODY}`, { date: TODAY })).toMatch(/2025-03-02 is in the future/);
    expect(readArticleFile('a.txt', `date ${TODAY} KAZAN: ${BODY}`, {}, {}, TODAY).text).toContain(TODAY);
    // No day at all is not a day in the future: the extractor's reading of the date line says what it is.
    expect(readArticleFile('a.txt', `date 2025-03-45 KAZAN: ${BODY}`, {}, {}, TODAY).text).toContain('2025-03-45');
    expect(readArticleFile('a.txt', BODY, { date: TODAY }, {}, TODAY).publishedAt).toBe(TODAY);
  });

  it('is today where it is latest: UTC+14', () => {
    expect(todayAnywhere(Date.parse('2025-03-01T09:59:00Z'))).toBe('2025-03-01');
    expect(todayAnywhere(Date.parse('2025-03-01T10:00:00Z'))).toBe('2025-03-02');
  });
});
