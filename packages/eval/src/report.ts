import { type Counts, type Ratios, type Score, type Tally, totals } from './score';
import type { StatementScore } from './statements-score';

export interface ScoredArticle {
  /** The article's file, or the outlet's name in a per-outlet table. */
  file: string;
  outlet?: string | null;
  score: Score;
}

/** What `pnpm eval --json` prints for one mode. */
export interface EvalReport {
  corpus: string;
  mode: string;
  articles: Array<{ file: string; outlet: string | null } & Score>;
  outlets: Array<{ outlet: string } & Score>;
  total: Score;
  /** Same statement and contradiction scores over all the articles, where the corpus has statements.json. */
  statements?: StatementScore;
}

export function toJsonReport(
  corpus: string,
  mode: string,
  articles: readonly ScoredArticle[],
  total: Score,
  statements?: StatementScore,
): EvalReport {
  return {
    corpus,
    mode,
    articles: articles.map(({ file, outlet, score }) => ({ file, outlet: outlet ?? null, ...score })),
    outlets: byOutlet(articles).map(({ file, score }) => ({ outlet: file, ...score })),
    total,
    ...(statements ? { statements } : {}),
  };
}

/**
 * The statement scores as a Markdown table: same-statement pairs (pairs of matched gold claims from
 * different articles) and contradictions (found among those with a matched claim on each side).
 */
export function renderStatements({ matchedClaims, pairs: p, contradictions: c }: StatementScore): string {
  const unreachable = c.gold - c.reachable;
  return [
    '| statements | P | R | F1 |',
    '| --- | ---: | ---: | ---: |',
    `| same statement (pairs) | ${withCount(p.precision, p.truePositive, p.truePositive + p.falsePositive)} | ${withCount(p.recall, p.truePositive, p.truePositive + p.falseNegative)} | ${fixed(p.f1)} |`,
    `| contradiction | ${withCount(c.precision, c.correct, c.flagged)} | ${withCount(c.recall, c.found, c.reachable)} | – |`,
    '',
    `Over the ${matchedClaims} gold claims an extracted claim matches${unreachable > 0 ? `; ${unreachable} of ${c.gold} gold contradictions have no matched claim on one side and are not counted` : ''}.`,
  ].join('\n');
}

/** One micro-averaged score per outlet (articles without one under "unknown outlet"), sorted by name. */
export function byOutlet(articles: readonly ScoredArticle[]): ScoredArticle[] {
  const groups = new Map<string, Score[]>();
  for (const { outlet, score } of articles) {
    const key = outlet ?? 'unknown outlet';
    groups.set(key, [...(groups.get(key) ?? []), score]);
  }
  return [...groups]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([outlet, scores]) => ({ file: outlet, outlet, score: totals(scores) }));
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

/** One Markdown row per article (or outlet) and a micro-averaged total row; "–" where there was nothing to measure. */
export function renderTable(articles: readonly ScoredArticle[], total: Score, label = 'article'): string {
  const rows = [...articles.map(({ file, score }) => row(escapeCell(file), score)), row('**total**', total)];
  return [
    `| ${[label, ...HEADERS.slice(1)].join(' | ')} |`,
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

const COMPARED = [
  ['entity F1', 'entityF1'],
  ['claim P', 'claimPrecision'],
  ['claim R', 'claimRecall'],
  ['attribution', 'attribution'],
  ['source actor', 'sourceActor'],
  ['about', 'about'],
  ['stance', 'stance'],
  ['hedged', 'hedged'],
  ['event date', 'eventDate'],
] as const satisfies ReadonlyArray<readonly [string, keyof Ratios]>;

/**
 * Today's scores beside earlier ones (a `--json` report of the same mode, such as the blind score
 * of articles new to the corpus): one row per article and per group of rows, each cell "before → now".
 */
export function renderComparison(
  articles: readonly ScoredArticle[],
  before: EvalReport,
  groups: ReadonlyArray<{ label: string; files: (file: string) => boolean }> = [],
): string {
  const earlier = new Map(before.articles.map((a) => [a.file, a]));
  const cell = (then: number | null | undefined, now: number | null) =>
    now === null ? '–' : then == null ? fixed(now) : then === now ? fixed(now) : `${fixed(then)} → ${fixed(now)}`;
  const row = (label: string, then: Score | undefined, now: Score) =>
    `| ${label} | ${COMPARED.map(([, key]) => cell(then?.ratios[key], now.ratios[key])).join(' | ')} |`;
  const totalOf = (files: (file: string) => boolean) => {
    const chosen = articles.filter((a) => files(a.file));
    const then = chosen.flatMap((a) => (earlier.has(a.file) ? [earlier.get(a.file)!] : []));
    return { now: totals(chosen.map((a) => a.score)), then: then.length === chosen.length ? totals(then) : undefined };
  };
  return [
    `| article | ${COMPARED.map(([label]) => label).join(' | ')} |`,
    `| --- | ${COMPARED.map(() => '---:').join(' | ')} |`,
    ...articles.map((a) => row(escapeCell(a.file.replace(/\.txt$/, '')), earlier.get(a.file), a.score)),
    ...groups.map(({ label, files }) => {
      const { now, then } = totalOf(files);
      return row(`**${label}**`, then, now);
    }),
  ].join('\n');
}
