import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { extractArticle } from '@sitrep/extract';
import { defaultCorpusDir, loadCorpus } from './gold';
import { renderTable, toJsonReport } from './report';
import { scoreArticle, totals } from './score';

const USAGE = `Usage: pnpm eval [--corpus DIR] [--json]

Scores @sitrep/extract against the corpus's gold annotations (the corpus README's definitions).
  --corpus DIR  corpus with articles/ and gold/ (default: $SITREP_CORPUS, else ../shared/corpus)
  --json        print the scores as JSON on stdout (use \`pnpm -s eval --json\` to keep pnpm's banner out)`;

function main(argv: string[]): number {
  let values: { corpus?: string; json?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { corpus: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  // pnpm runs scripts from the repository root; a relative --corpus means the caller's directory.
  const corpus = values.corpus ? resolve(process.env.INIT_CWD ?? process.cwd(), values.corpus) : defaultCorpusDir();
  if (!existsSync(join(corpus, 'gold'))) {
    console.error(`No corpus at ${corpus} (expected ${join(corpus, 'gold')}). Pass --corpus DIR or set SITREP_CORPUS.`);
    return 2;
  }
  const articles = loadCorpus(corpus);
  if (articles.length === 0) {
    console.error(`No annotated articles in ${corpus}: gold/*.json needs a matching articles/*.txt.`);
    return 2;
  }

  const scored = articles.map(({ file, text, title, gold }) => {
    try {
      return { file, score: scoreArticle(extractArticle(text, { title }), gold) };
    } catch (error) {
      throw new Error(`extractArticle failed on ${file}: ${(error as Error).message}`, { cause: error });
    }
  });
  const total = totals(scored.map((s) => s.score));
  console.log(values.json ? JSON.stringify(toJsonReport(corpus, scored, total), null, 2) : renderTable(scored, total));
  return 0;
}

process.exitCode = main(process.argv.slice(2));
