import { SitrepError } from '@sitrep/vocabulary';
import { describe, expect, it } from 'vitest';
import { readPage } from './read-page';
import { FURNITURE_WORDS, type NewsPageOptions, newsPage } from './test-page';

// Our own words, invented for these tests.
const PARAGRAPHS = [
  'Syria said on Monday that three Russian ships had left the Tartus naval facility, two officials told reporters.',
  'The Kremlin denied that the Hmeimim Air Base would close, according to a spokesman who spoke to state television.',
  'Analysts at the Quayside Analytics Centre said the departures might signal a wider withdrawal from the region.',
  'The port authority said it expected more ships to leave before the end of the month.',
];
const TODAY = '2025-03-01';

const JSON_LD = {
  '@context': 'https://schema.org',
  '@type': 'NewsArticle',
  headline: 'Ships leave the quay (JSON-LD)',
  datePublished: '2025-02-03T23:30:00+03:00',
  publisher: { '@type': 'Organization', name: 'Harbour Watch (JSON-LD)' },
  mainEntityOfPage: { '@type': 'WebPage', '@id': 'https://jsonld.example.org/ships' },
  author: [{ '@type': 'Person', name: 'Ana Example' }],
};
const META = {
  'og:title': 'Ships leave the quay (OpenGraph)',
  'og:site_name': 'Harbour Watch (OpenGraph)',
  'og:url': 'https://og.example.org/ships',
  'article:published_time': '2025-02-01T10:00:00Z',
};

function page(options: Partial<NewsPageOptions> = {}): string {
  return newsPage({ headline: 'Ships leave the quay', paragraphs: PARAGRAPHS, ...options });
}

function refusal(html: string, given = {}): string {
  try {
    readPage({ name: 'page.html', html }, given, {}, TODAY);
  } catch (error) {
    expect(error).toBeInstanceOf(SitrepError);
    return (error as SitrepError).message;
  }
  throw new Error('expected the page to be refused');
}

describe('the stored text', () => {
  it('is the article’s paragraphs, blank-line separated, without headline, byline or furniture', () => {
    const input = readPage({ name: 'page.html', html: page({ jsonLd: JSON_LD }) }, {}, {}, TODAY);
    expect(input.text).toBe(`${PARAGRAPHS.join('\n\n')}\n`);
    for (const word of FURNITURE_WORDS) expect(input.text).not.toContain(word);
  });

  it('joins a paragraph’s lines and breaks into one line', () => {
    const html = page({ jsonLd: JSON_LD }).replace(
      PARAGRAPHS[3]!,
      'The port authority said it expected more ships<br>to leave\n   before the end of the month.',
    );
    expect(readPage({ name: 'p.html', html }, {}, {}, TODAY).text).toContain(
      'The port authority said it expected more ships to leave before the end of the month.',
    );
  });
});

describe('what wins', () => {
  it('takes the command line first, then JSON-LD, then meta tags', () => {
    const html = page({ jsonLd: JSON_LD, meta: META, canonical: 'https://canonical.example.org/ships' });
    expect(readPage({ name: 'p.html', html }, {}, {}, TODAY)).toMatchObject({
      title: 'Ships leave the quay (JSON-LD)',
      publishedAt: '2025-02-03', // the day as the publisher writes it, not UTC's 2025-02-03T20:30
      outlet: 'Harbour Watch (JSON-LD)',
      url: 'https://jsonld.example.org/ships',
      author: 'Ana Example',
    });
    expect(
      readPage(
        { name: 'p.html', html },
        { date: '2025-02-05', outlet: 'Desk notes', url: 'https://desk.example.org/' },
        {},
        TODAY,
      ),
    ).toMatchObject({ publishedAt: '2025-02-05', outlet: 'Desk notes', url: 'https://desk.example.org/' });
  });

  it('takes OpenGraph and article:published_time where there is no JSON-LD, then canonical and <title>', () => {
    expect(readPage({ name: 'p.html', html: page({ meta: META }) }, {}, {}, TODAY)).toMatchObject({
      title: 'Ships leave the quay (OpenGraph)',
      publishedAt: '2025-02-01',
      outlet: 'Harbour Watch (OpenGraph)',
      url: 'https://og.example.org/ships',
    });
    const bare = page({
      meta: { 'article:published_time': '2025-02-01' },
      canonical: 'https://canonical.example.org/ships',
      title: 'Ships leave | Harbour Watch',
    });
    expect(readPage({ name: 'p.html', html: bare }, {}, {}, TODAY)).toMatchObject({
      title: 'Ships leave | Harbour Watch',
      url: 'https://canonical.example.org/ships',
      outlet: null,
      author: null,
    });
    // A feed item's byline stands in for a page that gives none.
    expect(readPage({ name: 'p.html', html: bare }, {}, { author: 'Feed Byline' }, TODAY).author).toBe('Feed Byline');
  });

  it('finds the article in a JSON-LD @graph or list, of any of the news article types, and passes over broken JSON-LD', () => {
    const graph = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', name: 'Not it' },
        { ...JSON_LD, '@type': ['ReportageNewsArticle'] },
      ],
    };
    expect(readPage({ name: 'p.html', html: page({ jsonLd: graph }) }, {}, {}, TODAY).outlet).toBe(
      'Harbour Watch (JSON-LD)',
    );
    const list = [{ '@type': 'BreadcrumbList' }, { ...JSON_LD, '@type': 'Article', url: 'https://list.example.org/' }];
    expect(readPage({ name: 'p.html', html: page({ jsonLd: list }) }, {}, {}, TODAY).url).toBe(
      'https://list.example.org/',
    );
    const broken = page({ jsonLd: '{"@type": "NewsArticle", "datePublished": ', meta: META });
    expect(readPage({ name: 'p.html', html: broken }, {}, {}, TODAY).publishedAt).toBe('2025-02-01');
  });

  it('takes the URL the page was fetched from only where the page names none', () => {
    const fetchedFrom = 'https://fetched.example.org/final';
    expect(readPage({ name: 'u', html: page({ jsonLd: JSON_LD }), fetchedFrom }, {}, {}, TODAY).url).toBe(
      'https://jsonld.example.org/ships',
    );
    const dated = page({ meta: { 'article:published_time': '2025-02-01' } });
    expect(readPage({ name: 'u', html: dated, fetchedFrom }, {}, {}, TODAY).url).toBe(fetchedFrom);
  });

  it('takes date and outlet from a wire dateline opening the text only where the page gives none', () => {
    const wire = ['TARTOUS, Syria, Feb 2, 2025 (Reuters) - ' + PARAGRAPHS[0]!, ...PARAGRAPHS.slice(1)];
    const undated = newsPage({ headline: 'Ships leave', paragraphs: wire });
    const fromDateline = readPage({ name: 'p.html', html: undated }, {}, {}, TODAY);
    expect(fromDateline).toMatchObject({ outlet: 'Reuters' });
    expect(fromDateline.text.startsWith('TARTOUS, Syria, Feb 2, 2025 (Reuters) - ')).toBe(true);
    const dated = newsPage({ headline: 'Ships leave', paragraphs: wire, jsonLd: JSON_LD });
    expect(readPage({ name: 'p.html', html: dated }, {}, {}, TODAY)).toMatchObject({
      publishedAt: '2025-02-03',
      outlet: 'Harbour Watch (JSON-LD)',
    });
  });
});

describe('refused', () => {
  it('is a page without a date, saying to add --date', () => {
    expect(refusal(page())).toMatch(/^no publication date: the page gives none .*--date YYYY-MM-DD/);
    expect(readPage({ name: 'p.html', html: page() }, { date: '2025-02-03' }, {}, TODAY).publishedAt).toBe(
      '2025-02-03',
    );
  });

  it('is a page dated after today', () => {
    const future = page({ jsonLd: { ...JSON_LD, datePublished: '2025-03-02T08:00:00Z' } });
    expect(refusal(future)).toMatch(/the publication date 2025-03-02 is in the future/);
  });

  it('is a page without article text: only furniture, or a teaser', () => {
    expect(refusal(newsPage({ headline: 'Not found', paragraphs: [], jsonLd: JSON_LD }))).toMatch(
      /^no article text found in the page/,
    );
    expect(refusal(newsPage({ headline: 'Teaser', paragraphs: ['Subscribe to read on.'], jsonLd: JSON_LD }))).toMatch(
      /^no article text found/,
    );
  });

  it('is broken HTML only when no article text survives it', () => {
    const broken = `<html><head><title>x</title><body><div><p>${PARAGRAPHS.join('<p>')}<div><span>unclosed`;
    expect(readPage({ name: 'p.html', html: broken }, { date: '2025-02-03' }, {}, TODAY).text).toContain(PARAGRAPHS[2]);
    expect(refusal('<<<>>><html><body></body', { date: '2025-02-03' })).toMatch(/^no article text found/);
  });
});
