import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FURNITURE_WORDS, newsPage } from '@sitrep/ingest/test-page';
import { afterAll, describe, expect, it } from 'vitest';
import { requireCorpus, runSitrep, spansMisplaced, storedArticles } from '../helpers';

const corpus = requireCorpus(
  'saved pages built from the news corpus (test/cli/ingest.reads-corpus-articles-wrapped-as-pages)',
);
const HEADER = /^date (\d{4}-\d{2}-\d{2}) [^:\n]*: /;

// The corpus's text is read here and written only to a temporary folder, never into the repository.
const dir = mkdtempSync(join(tmpdir(), 'sitrep-cli-corpus-pages-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!corpus)('sitrep ingest of corpus articles saved as web pages', () => {
  it('stores each article’s paragraphs without the furniture and finds the claims its plain text gives', () => {
    const articles = readdirSync(join(corpus!, 'articles'))
      .filter((name) => name.endsWith('.txt'))
      .sort()
      .map((name) => {
        const text = readFileSync(join(corpus!, 'articles', name), 'utf8');
        const date = HEADER.exec(text)?.[1];
        const paragraphs = text
          .replace(HEADER, '')
          .split(/\n\s*\n/)
          .map((p) => p.replace(/\s+/g, ' ').trim())
          .filter(Boolean);
        return { name: name.replace(/\.txt$/, ''), date, paragraphs };
      })
      .filter((article) => article.date !== undefined);
    expect(articles.length).toBeGreaterThanOrEqual(10);
    mkdirSync(join(dir, 'pages'));
    mkdirSync(join(dir, 'plain'));
    for (const { name, date, paragraphs } of articles) {
      const jsonLd = { '@type': 'NewsArticle', headline: name, datePublished: `${date}T10:00:00Z` };
      writeFileSync(join(dir, 'pages', `${name}.html`), newsPage({ headline: name, paragraphs, jsonLd }));
      // The same words as a plain note, for the claims to compare with.
      writeFileSync(join(dir, 'plain', `${name}.txt`), `${paragraphs.join('\n\n')}\n`);
    }
    const pagesDb = join(dir, 'pages.db');
    const plainDb = join(dir, 'plain.db');
    const pages = runSitrep(['ingest', join(dir, 'pages'), '--db', pagesDb, '--create']);
    expect(pages.status, pages.stderr).toBe(0);
    const plain = runSitrep(['ingest', join(dir, 'plain'), '--db', plainDb, '--create', '--date', '2025-01-01']);
    expect(plain.status, plain.stderr).toBe(0);

    const fromPages = storedArticles(pagesDb);
    const fromPlain = storedArticles(plainDb);
    expect(fromPages).toHaveLength(articles.length);
    let claims = 0;
    fromPages.forEach((stored, i) => {
      const { name, date, paragraphs } = articles[i]!;
      expect(stored.title).toBe(name);
      expect(stored.published_at).toBe(date);
      expect(stored.text, name).toBe(`${paragraphs.join('\n\n')}\n`);
      for (const word of FURNITURE_WORDS) expect(stored.text, name).not.toContain(word);
      expect(spansMisplaced(stored), name).toEqual([]);
      expect(stored.claims.map((c) => c.said).sort(), name).toEqual(fromPlain[i]!.claims.map((c) => c.said).sort());
      claims += stored.claims.length;
    });
    expect(claims).toBeGreaterThanOrEqual(articles.length * 3);
  });
});
