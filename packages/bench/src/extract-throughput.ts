import { spawn } from 'node:child_process';
import { extractArticle } from '@sitrep/extract';
import { childEntry, stopProcess, tsxLoader } from './child-process';
import { extractionShapes } from './extract-shapes';
import { median } from './load';
import { type PageReadingFigures, measurePageReading } from './page-reading';

export interface ExtractionOptions {
  /** Characters of text at the two sizes; the second is best four times the first. Default 0.5 M and 2 M. */
  sizes?: [number, number];
  /** Extractions of each text, of which the median counts. Default 3. */
  runs?: number;
}

export interface SizeFigures {
  /** UTF-8 bytes. */
  bytes: number;
  /** Wall-clock seconds of one extraction (the median). */
  seconds: number;
  /**
   * CPU seconds of this process for one extraction, the least of the runs: what other work on the
   * machine barely changes. The least, not the median: a collection or another process can only add
   * to a run, and a shape read at 30 MB/s takes a few tens of milliseconds, which one pause doubles.
   */
  cpuSeconds: number;
  /** 10^6 bytes per wall-clock second. */
  mbPerSecond: number;
  claims: number;
  entities: number;
}

export interface ShapeFigures {
  key: string;
  label: string;
  small: SizeFigures;
  large: SizeFigures;
  /**
   * CPU seconds at the large size over those at the small one, times the small size over the
   * large: 1 is linear, 4 is quadratic for four times the text. CPU time, as a busy machine slows
   * the wall clock of one run more than another's.
   */
  linearity: number;
  /** The same from wall-clock seconds. */
  wallLinearity: number;
  /** MB/s at the large size over prose's at the large size. */
  vsProse: number;
}

export interface ExtractionFigures {
  runs: number;
  proseSource: string;
  shapes: ShapeFigures[];
  /** A saved web page of about 200 KB read to the article to store, beside the plain-text path. */
  page: PageReadingFigures;
}

export const DEFAULT_EXTRACTION_SIZES: [number, number] = [500_000, 2_000_000];
/** The target for each shape's linearity. */
export const MAX_LINEARITY = 1.5;

function timeExtraction(text: string, runs: number): SizeFigures {
  const wall: number[] = [];
  const cpu: number[] = [];
  let result: ReturnType<typeof extractArticle> | undefined;
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    const used = process.cpuUsage();
    result = extractArticle(text);
    const { user, system } = process.cpuUsage(used);
    wall.push((performance.now() - started) / 1000);
    cpu.push((user + system) / 1e6);
  }
  const bytes = Buffer.byteLength(text);
  const seconds = median(wall);
  return {
    bytes,
    seconds,
    cpuSeconds: Math.min(...cpu),
    mbPerSecond: bytes / 1e6 / seconds,
    claims: result!.claims.length,
    entities: result!.entities.length,
  };
}

/**
 * extractArticle on prose and on each pathological shape at two sizes, in this process: MB/s at
 * each, how far from linear the time grows between them, and each shape's speed beside prose's.
 * Each shape is extracted once at the small size before the timing, so that what it makes the
 * engine compile is not counted (nor is the language model's loading).
 */
export function measureExtraction(options: ExtractionOptions = {}, log: (line: string) => void = () => {}) {
  const [small, large] = options.sizes ?? DEFAULT_EXTRACTION_SIZES;
  const runs = options.runs ?? 3;
  const { proseSource, shapes } = extractionShapes();
  const measured = shapes.map((shape) => {
    const text = shape.make(small);
    extractArticle(text);
    const figures = { small: timeExtraction(text, runs), large: timeExtraction(shape.make(large), runs) };
    const growth = (seconds: (f: SizeFigures) => number) =>
      seconds(figures.large) / seconds(figures.small) / (figures.large.bytes / figures.small.bytes);
    const linearity = growth((f) => f.cpuSeconds);
    log(
      `  ${shape.key}: ${figures.large.mbPerSecond.toFixed(2)} MB/s at the large size, linearity ${linearity.toFixed(2)}`,
    );
    return { key: shape.key, label: shape.label, ...figures, linearity, wallLinearity: growth((f) => f.seconds) };
  });
  const prose = measured[0]!.large.mbPerSecond;
  // About 15,000 characters of the prose, the length of a long news article, as its paragraphs.
  const paragraphs = shapes[0]!
    .make(15_000)
    .replace(/^date \S+ [^:]*: /, '')
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  const page = measurePageReading(paragraphs);
  log(
    `  saved page: ${(page.pageBytes / 1000).toFixed(0)} KB read in ${(page.cpuSeconds * 1000).toFixed(1)} ms of CPU`,
  );
  return {
    runs,
    proseSource,
    shapes: measured.map((m) => ({ ...m, vsProse: m.large.mbPerSecond / prose })),
    page,
  } satisfies ExtractionFigures;
}

/**
 * measureExtraction in a child process of its own: a fresh heap, not the one the run built a
 * database in, so the figures do not depend on what ran before. Progress goes to `log`.
 */
export async function runExtraction(
  options: ExtractionOptions,
  log: (line: string) => void,
  register: (stop: () => Promise<void>) => void = () => {},
  limitSeconds = 1_200,
): Promise<ExtractionFigures> {
  const child = spawn(
    process.execPath,
    ['--import', tsxLoader, childEntry('extract-child.ts'), JSON.stringify(options)],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  register(() => stopProcess(child));
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    err = (err + chunk).slice(-8_000);
    for (const line of chunk.split('\n')) if (line.trim()) log(line);
  });
  const limit = setTimeout(() => void stopProcess(child), limitSeconds * 1000);
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (status) => resolve(status));
    });
    if (code !== 0) throw new Error(`extract-child.ts exited with ${code ?? 'a signal'}: ${err.trim()}`);
    return JSON.parse(out) as ExtractionFigures;
  } finally {
    clearTimeout(limit);
    await stopProcess(child);
  }
}
