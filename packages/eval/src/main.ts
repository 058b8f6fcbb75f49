import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type Floors, raisedFloors, readFloors, shortfalls, writeFloors } from './floors';
import { defaultCorpusDir, loadCorpus } from './gold';
import { MODES, MODE_TITLES, type Mode, extractIn } from './modes';
import {
  type EvalReport,
  type ScoredArticle,
  byOutlet,
  renderComparison,
  renderStatements,
  renderTable,
  toJsonReport,
} from './report';
import { scoreArticle, totals } from './score';
import { loadStatementsGold } from './statements-gold';
import {
  type StatementFloors,
  raisedStatementFloors,
  readStatementFloors,
  statementShortfalls,
  writeStatementFloors,
} from './statement-floors';
import { evaluateGrouper, evaluateStatements } from './statements-eval';
import { explainStatements } from './statements-explain';
import { groupArticles } from './statements-run';
import type { StatementScore } from './statements-score';

const USAGE = `Usage: pnpm eval [--corpus DIR] [--mode general|demo|both] [--only PREFIX,...] [--by-outlet] [--statements [--explain] [--in-memory]] [--json] [--against FILE] [--update-floors]

Scores @sitrep/extract against the corpus's gold annotations (the corpus README's definitions), one
row per article, then per outlet with --by-outlet, in two modes: on general knowledge alone, and with
the demo knowledge base's names (what \`pnpm start\` seeds).
  --corpus DIR       corpus with articles/ and gold/ (default: $SITREP_CORPUS, else ../shared/corpus)
  --mode M           general, demo or both (default both)
  --only P,...       only the articles whose file names start with one of these prefixes (e.g. 013,1,2)
  --by-outlet        add a table per outlet
  --statements       only the statements section: the articles ingested (ingestArticle) into a fresh
                     database in publication order (after the demo knowledge base in demo mode), the
                     stored claims matched to the gold claims by span, and the statements and conflicts
                     ingest stored scored against the corpus's statements.json (same-statement pairs,
                     contradictions); shown after each mode's table by default, and under "statements"
                     in --json
  --explain          with --statements: list the gold pairs not joined, the pairs joined wrongly and the
                     contradictions missed or flagged wrongly, with their quotes (read from the corpus)
  --in-memory        with --statements: also score the extracted claims grouped by the in-memory
                     StatementGrouper of @sitrep/corroborate (the library alone, entities keyed by name)
  --json             print the scores as JSON on stdout (use \`pnpm -s eval --json\` to keep pnpm's banner out)
  --against FILE     a --json report saved earlier (say, the blind score of new articles): each cell
                     shows "then → now"; --only's prefixes also give a total row each
  --update-floors    raise packages/eval/src/floors.json (and statement-floors.json) to today's scores
                     (never lowers one; a new article starts at its first score). Exits 1 if a score
                     is below its floor.`;

interface Options {
  corpus?: string;
  mode?: string;
  only?: string;
  'by-outlet'?: boolean;
  statements?: boolean;
  explain?: boolean;
  'in-memory'?: boolean;
  json?: boolean;
  against?: string;
  'update-floors'?: boolean;
  help?: boolean;
}

function main(argv: string[]): number {
  let values: Options;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        corpus: { type: 'string' },
        mode: { type: 'string' },
        only: { type: 'string' },
        'by-outlet': { type: 'boolean' },
        statements: { type: 'boolean' },
        explain: { type: 'boolean' },
        'in-memory': { type: 'boolean' },
        json: { type: 'boolean' },
        against: { type: 'string' },
        'update-floors': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const modes = values.mode === undefined || values.mode === 'both' ? MODES : MODES.filter((m) => m === values.mode);
  if (modes.length === 0) {
    console.error(`--mode must be general, demo or both, not “${values.mode}”.\n\n${USAGE}`);
    return 2;
  }
  // pnpm runs scripts from the repository root; a relative --corpus means the caller's directory.
  const corpus = values.corpus ? resolve(process.env.INIT_CWD ?? process.cwd(), values.corpus) : defaultCorpusDir();
  if (!existsSync(join(corpus, 'gold'))) {
    console.error(`No corpus at ${corpus} (expected ${join(corpus, 'gold')}). Pass --corpus DIR or set SITREP_CORPUS.`);
    return 2;
  }
  const prefixes =
    values.only
      ?.split(',')
      .map((p) => p.trim())
      .filter(Boolean) ?? [];
  const articles = loadCorpus(corpus).filter(
    (a) => prefixes.length === 0 || prefixes.some((p) => a.file.startsWith(p)),
  );
  if (articles.length === 0) {
    console.error(
      `No annotated articles in ${corpus}${prefixes.length ? ` starting with ${prefixes.join(', ')}` : ''}: gold/*.json needs a matching articles/*.txt.`,
    );
    return 2;
  }

  const floors = readFloors();
  const statementsGold = loadStatementsGold(corpus);
  const reports = modes.map((mode) => {
    const extracted = articles.map((article) => ({ article, extraction: extractIn(mode, article) }));
    const scored: ScoredArticle[] = extracted.map(({ article, extraction }) => ({
      file: article.file,
      outlet: article.outlet,
      score: scoreArticle(extraction, article.gold),
    }));
    const evaluated = statementsGold ? evaluateStatements(articles, mode, statementsGold) : undefined;
    return { mode, scored, extracted, statements: evaluated?.score, stored: evaluated?.stored };
  });
  if (values.json) {
    console.log(
      JSON.stringify(
        reports.map(({ mode, scored, statements }) =>
          toJsonReport(corpus, mode, scored, totals(scored.map((s) => s.score)), statements),
        ),
        null,
        2,
      ),
    );
  } else if (values.statements) {
    if (!statementsGold) console.error(`No statements.json in ${corpus}: nothing to score statements against.`);
    for (const { mode, statements, stored, extracted } of reports) {
      if (!statements || !stored || !statementsGold) continue;
      console.log(`\n### Statements, ${MODE_TITLES[mode]}\n\n${renderStatements(statements)}`);
      if (values.explain) console.log(`\n${explainStatements(stored.articles, stored.grouping, statementsGold)}`);
      if (values['in-memory']) {
        const grouper = evaluateGrouper(extracted, statementsGold);
        console.log(`\n#### The in-memory StatementGrouper, ${MODE_TITLES[mode]}\n\n${renderStatements(grouper)}`);
        if (values.explain) {
          const inputs = extracted.map(({ article, extraction }) => ({
            file: article.file,
            extraction,
            gold: article.gold,
            published: article.gold.published,
          }));
          console.log(`\n${explainStatements(inputs, groupArticles(inputs, statementsGold.copies), statementsGold)}`);
        }
      }
    }
  } else if (values.against) {
    const path = resolve(process.env.INIT_CWD ?? process.cwd(), values.against);
    const before = JSON.parse(readFileSync(path, 'utf8')) as EvalReport[];
    for (const { mode, scored } of reports) {
      const then = before.find((r) => r.mode === mode);
      if (!then) continue;
      const groups = [
        ...prefixes.map((p) => ({ label: `${p}…`, files: (f: string) => f.startsWith(p) })),
        { label: 'total', files: () => true },
      ];
      console.log(`\n### ${MODE_TITLES[mode]}\n\n${renderComparison(scored, then, groups)}`);
    }
  } else {
    for (const { mode, scored, statements } of reports) {
      const total = totals(scored.map((s) => s.score));
      console.log(`\n### ${MODE_TITLES[mode]}\n\n${renderTable(scored, total)}`);
      if (values['by-outlet']) console.log(`\n${renderTable(byOutlet(scored), total, 'outlet')}`);
      if (statements) console.log(`\n#### Statements, ${MODE_TITLES[mode]}\n\n${renderStatements(statements)}`);
    }
  }
  const statementFloors = readStatementFloors();
  const below = reports.flatMap(({ mode, scored, statements }) => [
    ...scored.flatMap(({ file, score }) =>
      shortfalls(score, floors[mode][file] ?? {}).map((s) => `${mode} ${file}: ${s}`),
    ),
    ...(statements
      ? statementShortfalls(statements, statementFloors[mode]).map((s) => `${mode} statements: ${s}`)
      : []),
  ]);
  if (below.length > 0)
    console.error(`\nBelow the floors in floors.json and statement-floors.json:\n  ${below.join('\n  ')}`);
  if (values['update-floors']) {
    if (below.length > 0) {
      console.error('Floors not updated: mend what fell below them first.');
      return 1;
    }
    writeFloors(updated(floors, reports));
    writeStatementFloors(updatedStatements(statementFloors, reports));
    console.error('\nfloors.json and statement-floors.json raised to these scores.');
  }
  return 0;
}

function updatedStatements(
  floors: StatementFloors,
  reports: ReadonlyArray<{ mode: Mode; statements?: StatementScore }>,
): StatementFloors {
  const next: StatementFloors = { general: { ...floors.general }, demo: { ...floors.demo } };
  for (const { mode, statements } of reports)
    if (statements) next[mode] = raisedStatementFloors(floors[mode], statements);
  return next;
}

function updated(floors: Floors, reports: ReadonlyArray<{ mode: Mode; scored: ScoredArticle[] }>): Floors {
  const next: Floors = { general: { ...floors.general }, demo: { ...floors.demo } };
  for (const { mode, scored } of reports) {
    for (const { file, score } of scored) next[mode][file] = raisedFloors(floors[mode][file], score);
  }
  return next;
}

process.exitCode = main(process.argv.slice(2));
