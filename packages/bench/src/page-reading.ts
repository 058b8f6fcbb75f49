import { readArticleFile, readPage } from '@sitrep/ingest';
import { newsPage } from '@sitrep/ingest/test-page';
import { median } from './load';

export interface PageReadingFigures {
  /** UTF-8 bytes of the saved page. */
  pageBytes: number;
  /** Characters of article text read from it. */
  articleChars: number;
  /** CPU seconds to read the page to the article to store (readPage: parse, metadata, Readability), the median. */
  cpuSeconds: number;
  seconds: number;
  /** CPU seconds to read the same article as a plain note (readArticleFile), the median. */
  plainCpuSeconds: number;
  runs: number;
}

/** The target for reading a saved page of PAGE_BYTES, in CPU seconds. */
export const PAGE_READING_TARGET = 0.1;
export const PAGE_BYTES = 200_000;

/**
 * A saved news page of about `bytes`: `paragraphs` inside what makes real pages heavy, a menu of
 * hundreds of links, inline styles and a script's data, a grid of related stories.
 */
export function heavyPage(paragraphs: readonly string[], bytes = PAGE_BYTES): string {
  const page = newsPage({
    headline: 'Ships leave the quay',
    paragraphs,
    jsonLd: { '@type': 'NewsArticle', headline: 'Ships leave the quay', datePublished: '2025-02-03' },
  });
  const menu = Array.from({ length: 400 }, (_, i) => `<li><a href="/section/${i}">Section ${i}</a></li>`).join('');
  const related = Array.from(
    { length: 60 },
    (_, i) =>
      `<div class="card"><a href="/story/${i}"><img src="/t/${i}.jpg" alt=""><h4>Another story number ${i}</h4></a></div>`,
  ).join('');
  let padding = `<nav class="mega"><ul>${menu}</ul></nav><section class="related">${related}</section><style>${'.x{margin:0 auto;padding:1px}'.repeat(600)}</style>`;
  const missing = bytes - Buffer.byteLength(page) - Buffer.byteLength(padding) - 40;
  if (missing > 0) padding += `<script>window.__STATE__=${JSON.stringify({ blob: 'z'.repeat(missing) })}</script>`;
  return page.replace('</body>', `${padding}</body>`);
}

function cpuOf(run: () => unknown): { cpu: number; wall: number } {
  const started = performance.now();
  const used = process.cpuUsage();
  run();
  const { user, system } = process.cpuUsage(used);
  return { cpu: (user + system) / 1e6, wall: (performance.now() - started) / 1000 };
}

/** readPage on a saved page of about 200 KB, beside readArticleFile on its text; warmed up once. */
export function measurePageReading(paragraphs: readonly string[], runs = 9): PageReadingFigures {
  const html = heavyPage(paragraphs);
  const read = () => readPage({ name: 'page.html', html });
  const article = read();
  const note = `${paragraphs.join('\n\n')}\n`;
  const plainRead = () => readArticleFile('note.txt', note, { date: '2025-02-03' });
  plainRead();
  const timed = Array.from({ length: runs }, () => cpuOf(read));
  return {
    pageBytes: Buffer.byteLength(html),
    articleChars: article.text.length,
    cpuSeconds: median(timed.map((t) => t.cpu)),
    seconds: median(timed.map((t) => t.wall)),
    plainCpuSeconds: median(Array.from({ length: runs }, () => cpuOf(plainRead).cpu)),
    runs,
  };
}
