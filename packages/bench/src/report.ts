import { type ExtractionFigures, MAX_LINEARITY } from './extract-throughput';
import type { EditorHoverFigures } from './editor-hover';
import { PAGE_READING_TARGET } from './page-reading';
import type { LoadFigures } from './load';
import type { BenchResult, Comparison } from './run-bench';
import { SHIPPED, VARIANT_LABELS } from './server-variants';
import type { StartupFigures } from './startup';

/** A figure the issue sets a target for (at large scale, on a 2-core machine). */
export interface TargetCheck {
  what: string;
  figure: number | null;
  unit: string;
  target: string;
  pass: boolean | null;
}

const MiB = 1024 * 1024;

export function checkTargets(r: BenchResult): TargetCheck[] {
  const ingest = 'ingestPerSecond' in r.ingest ? r.ingest.ingestPerSecond : null;
  const rss = r.memory.serverPeakRssBytes == null ? null : r.memory.serverPeakRssBytes / MiB;
  const check = (
    what: string,
    figure: number | null,
    unit: string,
    target: string,
    ok: (v: number) => boolean,
  ): TargetCheck => ({
    what,
    figure,
    unit,
    target,
    pass: figure == null || Number.isNaN(figure) ? null : ok(figure),
  });
  return [
    check('hover p99 (GraphQL)', r.hover.graphql.p99, 'ms', '< 5 ms', (v) => v < 5),
    check('hover req/s vs baseline', r.hover.ratio, '×', '≥ 0.6×', (v) => v >= 0.6),
    check('list req/s vs baseline', r.list.ratio, '×', '≥ 0.5×', (v) => v >= 0.5),
    // On PostgreSQL (issue 17), against the same SQLite baseline; only when --db asked for it.
    ...(['hover', 'list'] as const).flatMap((query) => {
      const pg = r[query].variants.find((v) => v.variant === 'postgres');
      return pg ? [check(`${query} req/s on PostgreSQL vs baseline`, pg.ratio, '×', '≥ 0.5×', (v) => v >= 0.5)] : [];
    }),
    check('ingest', ingest, 'articles/s', '≥ 200 articles/s', (v) => v >= 200),
    ...(r.ingestPostgres
      ? [
          check(
            'ingest on PostgreSQL',
            r.ingestPostgres.ingestPerSecond,
            'articles/s',
            '≥ 150 articles/s',
            (v) => v >= 150,
          ),
        ]
      : []),
    // The target is for the real write path; a database written with --writer sql says nothing about it.
    r.build.writer === 'api'
      ? check('build', r.build.claimsPerSecond, 'claims/s', '≥ 100,000 claims/s', (v) => v >= 100_000)
      : {
          what: 'build (real write path not run: --writer sql)',
          figure: null,
          unit: 'claims/s',
          target: '≥ 100,000 claims/s',
          pass: null,
        },
    check('name scan', r.nameScan.mbPerSecond, 'MB/s', '≥ 50 MB/s', (v) => v >= 50),
    check('server peak RSS', rss, 'MiB', '< 400 MiB', (v) => v < 400),
    ...startupTargets(r.startup),
    extractionTarget(r.extraction),
    pageReadingTarget(r.extraction),
  ];
}

/** A saved page of about 200 KB read to the article to store (issue 15). */
export function pageReadingTarget(e: ExtractionFigures): TargetCheck {
  return {
    what: `reading a saved page of ${(e.page.pageBytes / 1000).toFixed(0)} KB to its article (CPU)`,
    figure: e.page.cpuSeconds * 1000,
    unit: 'ms',
    target: `< ${PAGE_READING_TARGET * 1000} ms`,
    pass: e.page.cpuSeconds < PAGE_READING_TARGET,
  };
}

/** The worst shape's linearity: how much more than linearly extraction time grows on it. */
export function extractionTarget(e: ExtractionFigures): TargetCheck {
  const worst = e.shapes.reduce((a, b) => (b.linearity > a.linearity ? b : a));
  return {
    what: `extraction linearity, worst shape: ${worst.key} (CPU time at 4× size ÷ 4× CPU time)`,
    figure: worst.linearity,
    unit: '×',
    target: `≤ ${MAX_LINEARITY}`,
    pass: worst.linearity <= MAX_LINEARITY,
  };
}

/** The built command's start-up targets (issue 12), each beside a bare Node start on the same machine. */
export function startupTargets(s: StartupFigures): TargetCheck[] {
  const check = (what: string, figure: number, target: number): TargetCheck => ({
    what: `${what} (bare node: ${s.bareNode.toFixed(2)} s, ${(figure / s.bareNode).toFixed(1)}×)`,
    figure,
    unit: 's',
    target: `< ${target} s`,
    pass: figure < target,
  });
  return [
    check('sitrep --version', s.version, 0.3),
    check('sitrep serve to first answer', s.serveFirstAnswer, 1),
    check('sitrep extract, one article', s.extract, 0.6),
  ];
}

const n = (v: number, digits = 0) =>
  Number.isFinite(v) ? v.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : '–';
const ms = (v: number) => (Number.isFinite(v) ? (v < 10 ? v.toFixed(2) : v.toFixed(1)) : '–');
const mark = (pass: boolean | null) => (pass == null ? '–' : pass ? '✓' : '✗');

function loadRow(query: string, side: string, f: LoadFigures): string {
  const cpu = f.serverCpuMs == null ? '–' : n(f.serverCpuMs * 1000);
  return `| ${query} | ${side} | ${n(f.requestsPerSecond)} | ${ms(f.p50)} | ${ms(f.p99)} | ${cpu} | ${n(f.clientCpuShare * 100)}% | ${n(f.requests)} | ${n(f.errors)} |`;
}

function ratioRow(query: string, graphql: LoadFigures, baseline: LoadFigures, ratio: number): string {
  const cpu =
    graphql.serverCpuMs == null || baseline.serverCpuMs == null
      ? ''
      : `${(baseline.serverCpuMs / graphql.serverCpuMs).toFixed(2)}×`;
  return `| ${query} | ratio | ${ratio.toFixed(2)}× | | | ${cpu} | | | |`;
}

/** The baseline, then each GraphQL server with its ratio to the baseline, the shipped one first. */
function comparisonRows(query: string, c: Comparison): string[] {
  return [
    loadRow(query, 'baseline (node:http)', c.baseline),
    loadRow(query, VARIANT_LABELS[SHIPPED], c.graphql),
    ratioRow(query, c.graphql, c.baseline, c.ratio),
    ...c.variants.flatMap((v) => [
      loadRow(query, VARIANT_LABELS[v.variant], v.figures),
      ratioRow(query, v.figures, c.baseline, v.ratio),
    ]),
  ];
}

/** The language server's figures as rows of the measurement table. */
export function editorRows(e: EditorHoverFigures): string[] {
  return [
    `| editor hover, first time | p50 ${ms(e.uncachedP50)} ms, p99 ${ms(e.uncachedP99)} ms (${e.answered}/${e.names} names answered) |`,
    `| editor hover, again (cached) | p50 ${ms(e.cachedP50)} ms, p99 ${ms(e.cachedP99)} ms |`,
    `| editor name dictionary | loaded in ${n(e.dictionarySeconds, 2)} s (status: ${n(e.dictionaryNames)} entities) |`,
    `| editor semantic tokens, 1 MiB document | ${ms(e.tokens1MiBMs)} ms (median of 5; ${n(e.tokens1MiB)} names marked; target < 100 ms) |`,
    `| editor completion (four letters) | first ${ms(e.completionFirstMs)} ms (builds the index), then p95 ${ms(e.completionP95)} ms (target < 20 ms) |`,
    `| editor definition | p95 ${ms(e.definitionP95)} ms (target < 20 ms) |`,
  ];
}

/** The run as Markdown: what was built, the side-by-side HTTP figures, the rest, and each target with ✓/✗. */
export function renderMarkdown(r: BenchResult, targets: TargetCheck[]): string {
  const b = r.build;
  const lines = [
    `## Sitrep bench: ${r.scale.name} scale`,
    '',
    `${n(b.claims)} claims, ${n(b.articles)} articles, ${n(b.entities)} entities (${n(b.aliases)} names), ${n(b.mentions)} mentions; seed ${r.seed}; Node ${r.node}, ${r.cpus} CPUs; ${n(r.seconds)} s in all; load average ${r.loadAverage.start.toFixed(1)} at the start, ${r.loadAverage.end.toFixed(1)} at the end.`,
    `Most talked-about: ${b.topEntity} in ${(b.topEntityShare * 100).toFixed(1)}% of claims. GraphQL and baseline agreed on ${r.agreement.hoverNames} hovers (${r.agreement.withClaims} with claims, ${r.agreement.withStatements} with statements, ${r.agreement.withContested} with contested ones) and ${r.agreement.listPages} list pages.`,
    '',
    'Each server is loaded in turns (A B C … C B A), and each ratio is to the baseline of the same run. Server CPU is its CPU time per request (the ratio: baseline ÷ that server, so higher is better, as for req/s); the load generator shares the machine, and its CPU share is shown.',
    '',
    '| query | server | req/s | p50 ms | p99 ms | server CPU µs/req | load generator CPU | requests | errors |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|',
    ...comparisonRows('hover', r.hover),
    loadRow('hover, no subscriber', VARIANT_LABELS[SHIPPED], r.subscriber.without),
    loadRow('hover, a subscription open', VARIANT_LABELS[SHIPPED], r.subscriber.with),
    `| hover, a subscription open | ratio | ${r.subscriber.ratio.toFixed(2)}× | | | | | | |`,
    ...comparisonRows('list of 50', r.list),
    loadRow(`search, common (${r.search.common.terms.join(', ')})`, VARIANT_LABELS[SHIPPED], r.search.common),
    loadRow(`search, rare (${r.search.rare.terms.length} terms)`, VARIANT_LABELS[SHIPPED], r.search.rare),
    '',
    '| measurement | figure |',
    '|---|---|',
    `| build (${b.writer === 'api' ? 'real write path' : 'prepared statements, --writer sql'}) | ${n(b.claimsPerSecond)} claims/s (${n(b.seconds, 1)} s: entities ${n(b.entitySeconds, 1)} s, articles ${n(b.articleSeconds, 1)} s, indexes ${n(b.indexSeconds, 1)} s, checkpoint ${n(b.checkpointSeconds, 1)} s; making up the data, not counted: ${n(b.planSeconds, 1)} s) |`,
    `| build: slowest rebuild steps | ${Object.entries(b.indexSteps)
      .sort((x, y) => y[1] - x[1])
      .slice(0, 6)
      .map(([step, seconds]) => `${step} ${n(seconds, 1)} s`)
      .join(', ')} |`,
    `| statements laid over the claims (not counted in the build) | ${n(b.statements.statements)}, ${n(b.statements.contested)} contested, in ${n(b.statements.seconds, 1)} s; claims' features stored in ${n(b.statements.featureSeconds, 1)} s |`,
    `| database file | ${n(b.fileBytes / 1e6, 1)} MB (${n(b.fileBytes / b.claims)} bytes per claim) |`,
    'skipped' in r.ingest
      ? `| ingest | skipped: ${r.ingest.skipped} |`
      : `| extractArticle | ${n(r.ingest.extractPerSecond, 1)} articles/s (${n(r.ingest.extracted)} articles; CPU ${n(r.ingest.extractCpuMsPerArticle, 2)} ms per article) |\n| ingest (ingestArticles, grouped commits) | ${n(r.ingest.ingestPerSecond, 1)} articles/s (${n(r.ingest.ingested)} articles, CPU ${n(r.ingest.ingestCpuMsPerArticle, 2)} ms per article, extraction included, ${n(r.ingest.claimsStored)} claims stored; ${n(r.ingest.refused)} refused; knowledge base of names built once in ${n(r.ingest.knowledgeSeconds, 2)} s, not counted${r.ingest.firstRefusal ? `, first: ${r.ingest.firstRefusal.replace(/\|/g, '/')}` : ''}) |`,
    ...(r.scaleOut
      ? [
          `| hover on PostgreSQL, one API process and two on one database | one: ${n(r.scaleOut.one.requestsPerSecond)} req/s (p99 ${n(r.scaleOut.one.p99, 1)} ms); two at once: ${n(r.scaleOut.two.requestsPerSecond)} req/s (p99 ${n(r.scaleOut.two.p99, 1)} ms), **${n(r.scaleOut.ratio, 2)}×**; ${r.cpus} cores shared with PostgreSQL and the load generator |`,
        ]
      : []),
    ...(r.ingestPostgres
      ? [
          `| ingest into PostgreSQL (the same, through its writer thread) | ${n(r.ingestPostgres.ingestPerSecond, 1)} articles/s (${n(r.ingestPostgres.ingested)} articles, CPU ${n(r.ingestPostgres.ingestCpuMsPerArticle, 2)} ms per article in this process, extraction included, ${n(r.ingestPostgres.claimsStored)} claims stored; ${n(r.ingestPostgres.refused)} refused) |`,
        ]
      : []),
    `| name scan | ${n(r.nameScan.mbPerSecond, 1)} MB/s (median of ${r.nameScan.runs}: ${n(r.nameScan.documentBytes / 1e6, 2)} MB, ${n(r.nameScan.names)} names, ${n(r.nameScan.matches)} matches; matcher built in ${n(r.nameScan.buildSeconds, 2)} s) |`,
    ...editorRows(r.editor),
    `| start-up of the built command (median of ${r.startup.runs}) | bare node ${n(r.startup.bareNode, 2)} s; sitrep --version ${n(r.startup.version, 2)} s; serve to first answer ${n(r.startup.serveFirstAnswer, 2)} s; extract one article ${n(r.startup.extract, 2)} s |`,
    `| extraction throughput (median of ${r.extraction.runs}) | prose ${n(r.extraction.shapes[0]!.large.mbPerSecond, 2)} MB/s; pathological shapes ${r.extraction.shapes
      .slice(1)
      .map((x) => `${x.key} ${n(x.large.mbPerSecond, 2)} MB/s (${n(x.vsProse, 2)}×)`)
      .join(', ')} (table below) |`,
    `| peak RSS | server ${r.memory.serverPeakRssBytes == null ? '–' : n(r.memory.serverPeakRssBytes / MiB)} MiB, baseline ${r.memory.baselinePeakRssBytes == null ? '–' : n(r.memory.baselinePeakRssBytes / MiB)} MiB |`,
    '',
    `| target (set for large scale${r.scale.name === 'large' ? '' : `; this run is ${r.scale.name}`}) | figure | target | |`,
    '|---|---:|---|:---:|',
    ...targets.map(
      (t) =>
        `| ${t.what} | ${t.figure == null ? '–' : `${n(t.figure, ['×', 'ms', 's'].includes(t.unit) ? 2 : 0)} ${t.unit}`} | ${t.target} | ${mark(t.pass)} |`,
    ),
    '',
    renderExtraction(r.extraction),
  ];
  return lines.join('\n');
}

const mb = (bytes: number) => `${n(bytes / 1e6, bytes < 1e6 ? 2 : 1)} MB`;

/**
 * `pnpm bench --extract-only`, and a section of the full run: extractArticle's MB/s on each text at
 * two sizes, its linearity (time at 4× the size ÷ 4× the time: 1 is linear), and each shape's speed beside prose's.
 */
export function renderExtraction(e: ExtractionFigures): string {
  const [first] = e.shapes;
  if (!first) return '';
  return [
    `## Extraction throughput (extractArticle, ${e.runs} runs at each size, in a process of its own)`,
    '',
    `Linearity: time at ${mb(first.large.bytes)} ÷ (${n(first.large.bytes / first.small.bytes, 1)} × time at ${mb(first.small.bytes)}); 1 is linear. Judged on CPU time, the least of the runs (other work and collections only add to a run), which other work on the machine barely changes; wall-clock medians in brackets. MB/s: wall-clock, the median.`,
    '',
    `| text | ${mb(first.small.bytes)} | ${mb(first.large.bytes)} | linearity | target | | vs prose at ${mb(first.large.bytes)} | claims, entities at ${mb(first.large.bytes)} |`,
    '|---|---:|---:|---:|---|:---:|---:|---|',
    ...e.shapes.map(
      (x) =>
        `| ${x.label} | ${n(x.small.mbPerSecond, 2)} MB/s | ${n(x.large.mbPerSecond, 2)} MB/s | ${n(x.linearity, 2)} (${n(x.wallLinearity, 2)}) | ≤ ${MAX_LINEARITY} | ${mark(x.linearity <= MAX_LINEARITY)} | ${n(x.vsProse, 2)}× | ${n(x.large.claims)}, ${n(x.large.entities)} |`,
    ),
    '',
    `Reading a saved web page (median of ${e.page.runs}): ${mb(e.page.pageBytes)} of HTML to ${n(e.page.articleChars)} characters of article text in ${n(e.page.cpuSeconds * 1000, 1)} ms of CPU (${n(e.page.seconds * 1000, 1)} ms wall-clock; target < ${PAGE_READING_TARGET * 1000} ms ${mark(e.page.cpuSeconds < PAGE_READING_TARGET)}); the same text as a plain note: ${n(e.page.plainCpuSeconds * 1000, 2)} ms.`,
  ].join('\n');
}

/** `pnpm bench --startup-only`: the start-up figures and their targets alone. */
export function renderStartup(s: StartupFigures): string {
  return [
    `## Start-up of the built sitrep command (median of ${s.runs}; extract: ${s.extractFile})`,
    '',
    '| | seconds | target | |',
    '|---|---:|---|:---:|',
    `| bare \`node -e 0\` | ${n(s.bareNode, 2)} | | |`,
    ...startupTargets(s).map((t) => `| ${t.what} | ${n(t.figure ?? NaN, 2)} | ${t.target} | ${mark(t.pass)} |`),
  ].join('\n');
}
