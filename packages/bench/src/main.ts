// `pnpm bench [--scale small|medium|large] [--json FILE] [--seed N] [--writer api|sql] [--variants LIST] [--keep] [--startup-only] [--extract-only] [--editor-only] [--db postgres://…]`
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { BuildTimeout } from './build-database';
import { renderEditorOnly, runEditorOnly } from './editor-only';
import { runExtraction } from './extract-throughput';
import { checkTargets, extractionTarget, renderExtraction, renderMarkdown, renderStartup } from './report';
import { Resources } from './resources';
import { runBench } from './run-bench';
import { measureStartup } from './startup';
import { DEFAULT_VARIANTS, SERVER_VARIANTS, SHIPPED, isServerVariant } from './server-variants';
import { DEFAULT_SEED, SCALES, SCALE_NAMES, type ScaleName } from './scales';
import { WRITERS, type WriterName } from './writers';

const USAGE =
  'usage: pnpm bench [--scale small|medium|large] [--json FILE] [--seed N] [--writer api|sql] [--variants LIST] [--keep] [--startup-only] [--extract-only] [--editor-only] [--db postgres://…]\n' +
  '  --db postgres://… copies the built database into that empty PostgreSQL database and loads the server on it beside the others\n' +
  '  --editor-only builds the database at the scale and measures only the language server (hover, tokens, completion, definition)\n' +
  '  --startup-only measures only how fast the built sitrep command starts\n' +
  '  --extract-only measures only extraction throughput on prose and pathological text (about a minute)\n' +
  '  --writer sql writes the same rows with prepared statements, for scales the real write path (api) is too slow for\n' +
  `  --variants: servers to compare with the shipped one, comma-separated (${SERVER_VARIANTS.filter((v) => v !== SHIPPED).join(', ')}; default ${DEFAULT_VARIANTS.join(',')}), or none`;

/** However long the slowest scale may take before the run gives up, cleaning up after itself. */
const OVERALL_LIMIT_SECONDS: Record<ScaleName, number> = { small: 900, medium: 2_400, large: 7_200 };

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: 'small' },
      json: { type: 'string' },
      seed: { type: 'string' },
      writer: { type: 'string', default: 'api' },
      variants: { type: 'string' },
      keep: { type: 'boolean', default: false },
      'startup-only': { type: 'boolean', default: false },
      'extract-only': { type: 'boolean', default: false },
      'editor-only': { type: 'boolean', default: false },
      db: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (values['startup-only']) {
    const startup = await measureStartup();
    console.log(renderStartup(startup));
    if (values.json) writeFileSync(values.json, `${JSON.stringify(startup, null, 2)}\n`);
    return 0;
  }
  if (values['extract-only']) {
    const extraction = await runExtraction({}, (line) => console.error(line));
    const target = extractionTarget(extraction);
    console.log(renderExtraction(extraction));
    if (values.json) writeFileSync(values.json, `${JSON.stringify({ ...extraction, target }, null, 2)}\n`);
    return 0;
  }
  if (!SCALE_NAMES.includes(values.scale as ScaleName)) {
    console.error(`unknown scale “${values.scale}”\n${USAGE}`);
    return 2;
  }
  const scale = SCALES[values.scale as ScaleName];
  const seed = values.seed == null ? DEFAULT_SEED : Number(values.seed);
  if (!Number.isInteger(seed)) {
    console.error(`--seed needs a whole number\n${USAGE}`);
    return 2;
  }

  if (!WRITERS.includes(values.writer as WriterName)) {
    console.error(`unknown writer “${values.writer}”\n${USAGE}`);
    return 2;
  }
  const writer = values.writer as WriterName;
  const variantNames = values.variants === 'none' ? [] : values.variants?.split(',').map((v) => v.trim());
  const unknown = variantNames?.find((v) => !isServerVariant(v) || v === SHIPPED);
  if (unknown !== undefined) {
    console.error(`unknown variant “${unknown}”\n${USAGE}`);
    return 2;
  }
  const variants = variantNames?.filter(isServerVariant);
  if (values.db !== undefined && !/^postgres(ql)?:\/\//.test(values.db)) {
    console.error(`--db takes an empty PostgreSQL database's postgres:// URL\n${USAGE}`);
    return 2;
  }

  const resources = new Resources();
  const abort = new AbortController();
  const stop = (why: string, code: number) => {
    console.error(`\n${why}: stopping and cleaning up…`);
    abort.abort(new Error(why));
    void resources.dispose().finally(() => process.exit(code));
  };
  process.once('SIGINT', () => stop('interrupted', 130));
  process.once('SIGTERM', () => stop('terminated', 143));
  const limit = setTimeout(
    () => stop(`over the ${OVERALL_LIMIT_SECONDS[scale.name]} s limit`, 1),
    OVERALL_LIMIT_SECONDS[scale.name] * 1000,
  );
  limit.unref();

  try {
    const run = {
      scale,
      seed,
      writer,
      variants,
      ...(values.db && { postgresUrl: values.db }),
      keep: values.keep,
      signal: abort.signal,
      log: (line: string) => console.error(line),
    };
    if (values['editor-only']) {
      const editor = await runEditorOnly(run, resources);
      console.log(renderEditorOnly(editor));
      if (values.json) writeFileSync(values.json, `${JSON.stringify(editor, null, 2)}\n`);
      return 0;
    }
    const result = await runBench(run, resources);
    const targets = checkTargets(result);
    console.log(renderMarkdown(result, targets));
    if (values.json) writeFileSync(values.json, `${JSON.stringify({ ...result, targets }, null, 2)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof BuildTimeout) console.error(error.message);
    else console.error(error);
    return 1;
  } finally {
    clearTimeout(limit);
  }
}

process.exitCode = await main();
