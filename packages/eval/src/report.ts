import type { Counts, Ratios, Score, Tally } from './score';

export interface ScoredArticle {
  file: string;
  score: Score;
}

/** What `pnpm eval --json` prints. */
export interface EvalReport {
  corpus: string;
  articles: Array<{ file: string } & Score>;
  total: Score;
}

export function toJsonReport(corpus: string, articles: readonly ScoredArticle[], total: Score): EvalReport {
  return { corpus, articles: articles.map(({ file, score }) => ({ file, ...score })), total };
}

const HEADERS = [
  'article',
  'entity P',
  'entity R',
  'entity F1',
  'claim P',
  'claim R',
  'claim F1',
  'attribution',
  'source actor',
  'about',
  'stance',
  'hedged',
  'event date',
];

/** One Markdown row per article and a micro-averaged total row; "–" where there was nothing to measure. */
export function renderTable(articles: readonly ScoredArticle[], total: Score): string {
  const rows = [...articles.map(({ file, score }) => row(escapeCell(file), score)), row('**total**', total)];
  return [
    `| ${HEADERS.join(' | ')} |`,
    `| --- | ${HEADERS.slice(1)
      .map(() => '---:')
      .join(' | ')} |`,
    ...rows.map((cells) => `| ${cells.join(' | ')} |`),
    '',
    'In brackets: matched/extracted (P), matched/gold (R), correct/matched claim pairs (n= for about, a mean Jaccard).',
  ].join('\n');
}

function row(label: string, { counts: c, ratios: r }: Score): string[] {
  return [
    label,
    withCount(r.entityPrecision, c.entities.matched, c.entities.extracted),
    withCount(r.entityRecall, c.entities.matched, c.entities.gold),
    fixed(r.entityF1),
    withCount(r.claimPrecision, c.claims.matched, c.claims.extracted),
    withCount(r.claimRecall, c.claims.matched, c.claims.gold),
    fixed(r.claimF1),
    ...(['attribution', 'sourceActor'] as const).map((key) => tallied(r, c, key)),
    c.about.total === 0 ? fixed(r.about) : `${fixed(r.about)} (n=${c.about.total})`,
    ...(['stance', 'hedged', 'eventDate'] as const).map((key) => tallied(r, c, key)),
  ];
}

const fixed = (ratio: number | null) => (ratio === null ? '–' : ratio.toFixed(2));
const withCount = (ratio: number | null, n: number, d: number) =>
  ratio === null ? '–' : `${fixed(ratio)} (${n}/${d})`;
const tallied = (r: Ratios, c: Counts, key: keyof Ratios & keyof Counts) => {
  const t = c[key] as Tally;
  return withCount(r[key], t.correct, t.total);
};
const escapeCell = (text: string) => text.replaceAll('|', '\\|');
