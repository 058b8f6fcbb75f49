import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IngestTarget } from '@sitrep/db';
import { extractArticle } from '@sitrep/extract';
import { ExtractionPool, INGEST_EXTRACTION, ingestArticlesAhead, knowledgeOf } from '@sitrep/ingest';
import { Random } from './random';
import { NOUNS, PLACES_GENERIC, SOURCE_NOUNS, VERBS } from './words';

interface CorpusArticle {
  file: string;
  text: string;
  title: string | null;
  outlet: string | null;
}

/** `$SITREP_CORPUS`, else ../shared/corpus beside the repository. */
export function corpusFolder(): string {
  const repo = fileURLToPath(new URL('../../..', import.meta.url));
  return resolve(process.env.SITREP_CORPUS ?? join(repo, '../shared/corpus'));
}

/** The corpus articles, read at run time (never copied into the repository); null when absent. */
export function readCorpus(folder = corpusFolder()): CorpusArticle[] | null {
  const dir = join(folder, 'articles');
  if (!existsSync(dir)) return null;
  const index = new Map<string, { title?: string; outlet?: string }>();
  if (existsSync(join(dir, 'index.json'))) {
    for (const entry of JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as Array<{
      file: string;
      title?: string;
      outlet?: string;
    }>) {
      index.set(entry.file, entry);
    }
  }
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  if (files.length === 0) return null;
  return files.map((file) => ({
    file,
    text: readFileSync(join(dir, file), 'utf8'),
    title: index.get(file)?.title ?? null,
    outlet: index.get(file)?.outlet ?? null,
  }));
}

/** A corpus article made new: one generated sentence appended, different for every `n`. */
export function variant(article: CorpusArticle, n: number): string {
  const random = new Random(n + 1);
  const sentence = `${n + 2} ${random.pick(SOURCE_NOUNS)} said the ${random.pick(NOUNS)} were ${random.pick(VERBS)} near ${random.pick(PLACES_GENERIC)} (note ${n}).`;
  return `${article.text.trimEnd()}\n\n${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}\n`;
}

export interface IngestFigures {
  corpusArticles: number;
  /** extractArticle alone. */
  extracted: number;
  extractPerSecond: number;
  /** ingestArticlesAhead: extraction on a thread ahead, each article in a savepoint, commits grouped, into the generated database. */
  ingested: number;
  /** Articles stored per second; refused ones count as time spent, not as articles. */
  ingestPerSecond: number;
  /**
   * The process's CPU time per article, extracting alone and ingesting (extraction included): what
   * other work on a shared machine barely moves, where articles/s follow the load average.
   */
  extractCpuMsPerArticle: number;
  ingestCpuMsPerArticle: number;
  claimsStored: number;
  /** Building the knowledge base of the database's names, once per connection: not part of the rate. */
  knowledgeSeconds: number;
  /** Articles refused with CONFLICT (a name clash inside the write path), and the first message. */
  refused: number;
  firstRefusal: string | null;
}

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** Articles per second through extractArticle alone, then through ingestArticle, each for about `seconds`. */
export async function measureIngest(
  db: IngestTarget,
  corpus: readonly CorpusArticle[],
  seconds: number,
): Promise<IngestFigures> {
  // The first extraction loads the language model: not part of the rate.
  for (const article of corpus) extractArticle(article.text);
  let extracted = 0;
  let t0 = performance.now();
  let cpu0 = process.cpuUsage();
  while (performance.now() - t0 < seconds * 1000 || extracted === 0) {
    extractArticle(variant(corpus[extracted % corpus.length]!, extracted));
    extracted += 1;
  }
  const extractSeconds = (performance.now() - t0) / 1000;
  const extractCpuMs = cpuMsSince(cpu0);

  // Once per connection, as the language model once per process: timed apart.
  const k0 = performance.now();
  knowledgeOf(db);
  const knowledgeSeconds = (performance.now() - k0) / 1000;

  let ingested = 0;
  let claimsStored = 0;
  let refused = 0;
  let firstRefusal: string | null = null;
  // As `sitrep ingest` runs a folder: one call, each article read on an extraction thread while
  // those before it are stored, commits grouped (ingestArticlesAhead). The thread's start is not
  // part of the rate; the articles are made until the time is up.
  const pool = new ExtractionPool(INGEST_EXTRACTION);
  function* articles() {
    for (let n = 0; performance.now() - t0 < seconds * 1000 || n < corpus.length; n++) {
      const article = corpus[n % corpus.length]!;
      yield () => ({
        text: variant(article, 1_000_000 + n),
        title: article.title,
        outlet: article.outlet,
        file: article.file,
      });
    }
  }
  try {
    await pool.prepare(db, { text: variant(corpus[0]!, 2_000_000), file: corpus[0]!.file });
    t0 = performance.now();
    cpu0 = process.cpuUsage();
    await ingestArticlesAhead(
      db,
      articles(),
      (i, outcome) => {
        if (outcome.status === 'ingested') {
          claimsStored += outcome.result.claims.length;
          ingested += 1;
          return;
        }
        const file = corpus[i % corpus.length]!.file;
        // A variant of an article ingested before can clash with the entities its first version created.
        if (!outcome.reason.includes('already belongs to')) throw new Error(`${file}: ${outcome.reason}`);
        refused += 1;
        firstRefusal ??= `${file}: ${outcome.reason}`;
      },
      undefined,
      pool,
    );
  } finally {
    await pool.close();
  }
  const ingestSeconds = (performance.now() - t0) / 1000;
  const ingestCpuMs = cpuMsSince(cpu0);
  return {
    corpusArticles: corpus.length,
    extracted,
    extractPerSecond: extracted / extractSeconds,
    ingested,
    ingestPerSecond: ingested / ingestSeconds,
    extractCpuMsPerArticle: extractCpuMs / extracted,
    ingestCpuMsPerArticle: ingestCpuMs / Math.max(1, ingested),
    claimsStored,
    knowledgeSeconds,
    refused,
    firstRefusal,
  };
}
