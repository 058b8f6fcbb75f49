import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@sitrep/db';
import { type AgreementFigures, checkAgreement } from './agreement';
import { type BuildFigures, buildDatabase } from './build-database';
import { type ChildServer, startChildServer } from './child-process';
import { type EditorHoverFigures, measureEditorHover } from './editor-hover';
import { type ExtractionFigures, type ExtractionOptions, runExtraction } from './extract-throughput';
import { type IngestFigures, corpusFolder, measureIngest, readCorpus } from './ingest-rate';
import { type ScaleOutFigures, measureScaleOut } from './scale-out';
import { type LoadFigures, loadInTurns, warmThenLoad } from './load';
import { type NameScanFigures, measureNameScan } from './name-scan';
import { HOVER_QUERY, LIST_QUERY, SEARCH_QUERY, graphqlBody } from './queries';
import { Random } from './random';
import { Resources } from './resources';
import { type StartupFigures, measureStartup } from './startup';
import type { Scale } from './scales';
import { type SubscriberCost, measureSubscriberCost } from './subscriber-cost';
import { DEFAULT_VARIANTS, SHIPPED, type ServerVariant } from './server-variants';
import { planWorkload } from './workload';
import type { WriterName } from './writers';

export interface RunOptions {
  scale: Scale;
  seed: number;
  /** How the database is written. Default `api`, the real write path. */
  writer?: WriterName;
  /** Keep the temporary folder with the database (its path is logged). Default: false. */
  keep?: boolean;
  /** Names in the name-scan dictionary. Default 100,000. */
  scanNames?: number;
  /** Bytes of the name-scan document. Default 1 MiB. */
  scanBytes?: number;
  scanRuns?: number;
  /** Sizes and runs of the extraction throughput phase (see extract-throughput.ts). */
  extraction?: ExtractionOptions;
  /**
   * Other ways of serving the schema to load beside the shipped server, in the same turns (see
   * server-variants.ts). Default: DEFAULT_VARIANTS.
   */
  variants?: readonly ServerVariant[];
  /**
   * An empty PostgreSQL database: the built database is copied into it (`sitrep copy`), and the
   * shipped server on it is loaded as the `postgres` variant beside the others.
   */
  postgresUrl?: string;
  log?: (line: string) => void;
  signal?: AbortSignal;
}

export interface VariantFigures {
  variant: ServerVariant;
  figures: LoadFigures;
  /** Its requests/s over the baseline's, measured in the same turns. */
  ratio: number;
}

export interface Comparison {
  /** The server as shipped. */
  graphql: LoadFigures;
  baseline: LoadFigures;
  /** GraphQL requests/s over baseline requests/s. */
  ratio: number;
  /** The other variants asked for (RunOptions.variants), loaded in the same turns. */
  variants: VariantFigures[];
}

export interface BenchResult {
  scale: Scale;
  seed: number;
  node: string;
  cpus: number;
  build: BuildFigures;
  agreement: AgreementFigures;
  hover: Comparison;
  /** The shipped server's hover with and without a subscription held open (issue 15). */
  subscriber: SubscriberCost;
  list: Comparison;
  search: { common: LoadFigures & { terms: string[] }; rare: LoadFigures & { terms: string[] } };
  editor: EditorHoverFigures;
  ingest: IngestFigures | { skipped: string };
  /** The same ingest into PostgreSQL (after the SQLite one, into the copy), when --db asked for it. */
  ingestPostgres: IngestFigures | null;
  /** The hover on PostgreSQL through one API process and through two on the same database, when --db asked for it. */
  scaleOut: ScaleOutFigures | null;
  nameScan: NameScanFigures;
  extraction: ExtractionFigures;
  startup: StartupFigures;
  memory: { serverPeakRssBytes: number | null; baselinePeakRssBytes: number | null };
  /** The child processes the run started (all ended by the time it returns). */
  processes: { server: number; baseline: number; variants: number[] };
  /** The database it built (removed by the time it returns, unless `keep`). */
  databaseFile: string;
  /** One-minute load average at the start and at the end: other work on the machine skews every figure. */
  loadAverage: { start: number; end: number };
  seconds: number;
}

/** Cycles through prepared bodies: every request asks the next question. */
function cycle(bodies: readonly string[]): () => string {
  let i = 0;
  return () => bodies[i++ % bodies.length]!;
}

const noGraphQLErrors = (body: string) => !body.includes('"errors"');
const noBaselineError = (body: string) => !body.includes('"error"');

interface Served {
  variant: ServerVariant;
  server: ChildServer;
}

/**
 * The GraphQL servers (the shipped one first) and the baseline answering the same questions,
 * loaded in turns (see loadInTurns).
 */
async function compare(
  graphql: { servers: readonly Served[]; bodies: string[] },
  baseline: { server: ChildServer; path: string; bodies: string[] },
  seconds: number,
): Promise<Comparison> {
  const graphqlSide = ({ server }: Served) => ({
    url: server.url,
    body: cycle(graphql.bodies),
    seconds,
    isGoodBody: noGraphQLErrors,
    serverPid: server.pid,
  });
  const [base, shipped, ...others] = await loadInTurns(
    [
      {
        url: `${baseline.server.url}${baseline.path}`,
        body: cycle(baseline.bodies),
        seconds,
        isGoodBody: noBaselineError,
        serverPid: baseline.server.pid,
      },
      ...graphql.servers.map(graphqlSide),
    ],
    Math.min(2, seconds / 3),
  );
  const ratio = (figures: LoadFigures) => figures.requestsPerSecond / base!.requestsPerSecond;
  return {
    graphql: shipped!,
    baseline: base!,
    ratio: ratio(shipped!),
    variants: others.map((figures, i) => ({
      variant: graphql.servers[i + 1]!.variant,
      figures,
      ratio: ratio(figures),
    })),
  };
}

/** The built database into PostgreSQL, as `sitrep copy` does it, timed. */
async function copyToPostgres(file: string, url: string, log: (line: string) => void): Promise<void> {
  const { copySqliteToPostgres, openDatabase, openPostgres } = await import('@sitrep/db');
  log(`copying the database into ${url.replace(/\/\/[^@/]*@/, '//')}…`);
  const started = performance.now();
  const source = openDatabase(file, { readonly: true });
  try {
    await using target = await openPostgres(url, { max: 2 });
    const copied = await copySqliteToPostgres(source, target);
    const rows = copied.reduce((sum, table) => sum + table.rows, 0);
    log(`  ${rows.toLocaleString('en')} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    source.close();
  }
}

/**
 * The whole benchmark at one scale: build a database through the real write path, then measure
 * it against the real server and a baseline side by side. Everything it starts or writes is
 * registered in `resources` and undone at the end, also on failure.
 */
export async function runBench(options: RunOptions, resources = new Resources()): Promise<BenchResult> {
  const log = options.log ?? (() => {});
  const { scale } = options;
  const started = performance.now();
  const loadAtStart = loadavg()[0]!;
  if (loadAtStart > cpus().length) {
    log(
      `warning: the load average is ${loadAtStart.toFixed(1)} on ${cpus().length} CPUs; other work will skew the figures`,
    );
  }
  try {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-'));
    if (options.keep) log(`keeping ${dir}`);
    else resources.add(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'bench.db');

    const writer = options.writer ?? 'api';
    log(
      `building ${scale.claims.toLocaleString('en')} claims over ${scale.articles.toLocaleString('en')} articles and ${scale.entities.toLocaleString('en')} entities ${writer === 'api' ? 'through the real write path' : 'with prepared statements (--writer sql)'}…`,
    );
    const built = await buildDatabase({
      file,
      scale,
      seed: options.seed,
      writer,
      signal: options.signal,
      onProgress: (claims, total, seconds) =>
        log(
          `  ${claims.toLocaleString('en')} / ${total.toLocaleString('en')} claims, ${Math.round(claims / seconds)} claims/s, ${Math.round(((total - claims) * seconds) / claims)} s to go`,
        ),
    });
    log(`  built in ${built.figures.seconds.toFixed(1)} s: ${Math.round(built.figures.claimsPerSecond)} claims/s`);
    const workload = planWorkload(built.plan, new Random(options.seed).fork(11), scale.lspHovers);

    log('starting the GraphQL server and the baseline in child processes…');
    const servers: ChildServer[] = [];
    resources.add(async () => {
      await Promise.all(servers.map((s) => s.stop()));
    });
    const server = await startChildServer('server-child.ts', [file, SHIPPED]);
    servers.push(server);
    const baseline = await startChildServer('baseline-child.ts', [file]);
    servers.push(baseline);
    const variants: Served[] = [];
    if (options.postgresUrl) await copyToPostgres(file, options.postgresUrl, log);
    const variantsAsked = options.variants ?? DEFAULT_VARIANTS;
    for (const variant of options.postgresUrl ? [...variantsAsked, 'postgres' as const] : variantsAsked) {
      if (variant === SHIPPED || (variant === 'postgres' && !options.postgresUrl)) continue;
      const child = await startChildServer('server-child.ts', [
        variant === 'postgres' ? options.postgresUrl! : file,
        variant,
      ]);
      servers.push(child);
      variants.push({ variant, server: child });
    }
    const graphqlServers: Served[] = [{ variant: SHIPPED, server }, ...variants];

    log('checking that GraphQL and the baseline give the same answers…');
    const agreement = await checkAgreement(
      server.url,
      baseline.url,
      workload.checkNames,
      workload.listDates.slice(0, 5),
    );
    for (const { variant, server: child } of variants) {
      log(`  and ${variant}…`);
      await checkAgreement(child.url, baseline.url, workload.checkNames.slice(0, 20), workload.listDates.slice(0, 2));
    }

    log(
      `hover: ${workload.hoverNames.length} names, ${scale.loadSeconds} s for each of ${graphqlServers.length + 1} servers…`,
    );
    const hover = await compare(
      { servers: graphqlServers, bodies: workload.hoverNames.map((name) => graphqlBody(HOVER_QUERY, { name })) },
      { server: baseline, path: '/hover', bodies: workload.hoverNames.map((name) => JSON.stringify({ name })) },
      scale.loadSeconds,
    );
    log('hover with a subscriber holding a knowledgeChanged subscription open, and without…');
    const subscriber = await measureSubscriberCost({
      url: server.url,
      body: cycle(workload.hoverNames.map((name) => graphqlBody(HOVER_QUERY, { name }))),
      seconds: scale.loadSeconds,
      isGoodBody: noGraphQLErrors,
      serverPid: server.pid,
    });
    let scaleOut: ScaleOutFigures | null = null;
    const onPostgres = variants.find((v) => v.variant === 'postgres');
    if (onPostgres) {
      log('hover on PostgreSQL through one API process, then through two on the same database…');
      const second = await startChildServer('server-child.ts', [options.postgresUrl!, 'postgres']);
      servers.push(second);
      scaleOut = await measureScaleOut([onPostgres.server.url, second.url], {
        body: cycle(workload.hoverNames.map((name) => graphqlBody(HOVER_QUERY, { name }))),
        seconds: scale.loadSeconds,
        isGoodBody: noGraphQLErrors,
      });
      await second.stop();
    }
    log(`list: pages of 50 claims up to ${workload.listDates.length} different dates…`);
    const list = await compare(
      { servers: graphqlServers, bodies: workload.listDates.map((to) => graphqlBody(LIST_QUERY, { to })) },
      { server: baseline, path: '/list', bodies: workload.listDates.map((to) => JSON.stringify({ to })) },
      scale.loadSeconds,
    );
    // The variants are only compared; the rest measures the shipped server alone.
    await Promise.all(variants.map((v) => v.server.stop()));
    log('search: common and rare terms…');
    const searchLoad = async (terms: string[]) => ({
      terms,
      ...(await warmThenLoad(
        {
          url: server.url,
          body: cycle(terms.map((q) => graphqlBody(SEARCH_QUERY, { q }))),
          seconds: scale.searchSeconds,
          isGoodBody: noGraphQLErrors,
          serverPid: server.pid,
        },
        Math.min(1, scale.searchSeconds / 3),
      )),
    });
    const search = { common: await searchLoad(workload.commonTerms), rare: await searchLoad(workload.rareTerms) };

    log(`editor: hovering ${workload.editorNames.length} names through the language server…`);
    const editor = await measureEditorHover(server.url, workload.editorNames, (stop) => resources.add(stop));
    const memory = { serverPeakRssBytes: server.peakRssBytes(), baselinePeakRssBytes: baseline.peakRssBytes() };
    await Promise.all(servers.map((s) => s.stop()));

    let ingest: BenchResult['ingest'];
    const corpus = readCorpus();
    if (!corpus) {
      ingest = { skipped: `no corpus at ${corpusFolder()} (set SITREP_CORPUS to a folder with articles/)` };
      log(`ingest: skipped, ${ingest.skipped}`);
    } else {
      log(
        `ingest: ${corpus.length} corpus articles, made new each time, ${scale.ingestSeconds} s for extraction and ${scale.ingestSeconds} s for ingest…`,
      );
      const db = openDatabase(file, { migrate: false });
      try {
        ingest = await measureIngest(db, corpus, scale.ingestSeconds);
      } finally {
        db.close();
      }
    }
    let ingestPostgres: IngestFigures | null = null;
    if (corpus && options.postgresUrl) {
      log(`ingest into PostgreSQL: the same articles, ${scale.ingestSeconds} s…`);
      const { openPostgresIngestWrites } = await import('@sitrep/db');
      const writes = openPostgresIngestWrites(options.postgresUrl);
      try {
        ingestPostgres = await measureIngest(writes, corpus, scale.ingestSeconds);
      } finally {
        writes.close();
      }
    }

    log('name scan: NameMatcher.findAll over a generated document…');
    const nameScan = measureNameScan(
      options.seed,
      options.scanNames ?? 100_000,
      options.scanBytes ?? 1 << 20,
      options.scanRuns ?? 7,
      60,
    );

    log('extraction throughput: prose and pathological text at two sizes, in a child process…');
    const extraction = await runExtraction(options.extraction ?? {}, log, (stop) => resources.add(stop));

    log('start-up: the built sitrep command beside a bare node…');
    const startup = await measureStartup();

    return {
      scale,
      seed: options.seed,
      node: process.version,
      cpus: cpus().length,
      build: built.figures,
      agreement,
      hover,
      subscriber,
      list,
      search,
      editor,
      ingest,
      ingestPostgres,
      scaleOut,
      nameScan,
      extraction,
      startup,
      memory,
      processes: { server: server.pid, baseline: baseline.pid, variants: variants.map((v) => v.server.pid) },
      databaseFile: file,
      loadAverage: { start: loadAtStart, end: loadavg()[0]! },
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await resources.dispose();
  }
}
