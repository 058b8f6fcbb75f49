import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { IngestTarget } from '@sitrep/db';
import { MAX_ARTICLE_CHARS, SitrepError, decodeUtf8, refuseLongArticle } from '@sitrep/vocabulary';
import { type GivenMetadata, readArticleFile } from './article-file';
import { decodePage } from './page/decode-page';
import { type FetchedPage, isUrl } from './page/fetch-page';
import { isPageFile, readPage } from './page/read-page';
import type { ArticleInput, IngestResult } from './ingest-article';
import { type ArticleOutcome, ingestArticles, ingestArticlesAhead } from './ingest-batch';

export type FileOutcome =
  | { file: string; status: 'ingested'; result: IngestResult }
  | { file: string; status: 'skipped'; reason: string }
  | { file: string; status: 'failed'; reason: string; busy?: true };

export interface IngestSummary {
  articles: number;
  newEntities: number;
  claims: number;
  mentions: number;
  skipped: number;
  failed: number;
  outcomes: FileOutcome[];
}

interface IndexEntry {
  file: string;
  title?: string | null;
  outlet?: string | null;
  url?: string | null;
  published?: string | null;
}

/** A file or URL as its user would write it in a message: a URL as it is, a path from where they are. */
export function shownPath(path: string): string {
  return isUrl(path) ? path : relative(process.cwd(), path) || path;
}

/**
 * Why a file was not ingested, after the file as shown: a reason that names the file itself, with
 * its line ("file:1: …", from the extractor), keeps its line and shows the file once.
 */
export function reasonNamingFile(outcome: { file: string; reason?: string }): string {
  const reason = outcome.reason ?? '';
  return reason.startsWith(`${outcome.file}:`)
    ? `${shownPath(outcome.file)}${reason.slice(outcome.file.length)}`
    : `${shownPath(outcome.file)}: ${reason}`;
}

/** Whether a folder's file is one ingest reads: text, Markdown or a saved web page. */
export function isArticleFile(path: string): boolean {
  return /\.(txt|md|html?)$/i.test(path);
}

/** Files to read: each path as given, a folder's .txt, .md, .html and .htm files in name order; URLs as they are. */
export function expandPaths(paths: readonly string[]): string[] {
  const files: string[] = [];
  for (const path of paths) {
    if (isUrl(path)) {
      files.push(path);
      continue;
    }
    const full = resolve(path);
    if (!existsSync(full)) throw new SitrepError('BAD_USER_INPUT', `${path}: no such file or folder.`);
    if (statSync(full).isDirectory()) {
      for (const name of readdirSync(full).sort()) if (isArticleFile(name)) files.push(join(full, name));
    } else {
      files.push(full);
    }
  }
  return [...new Set(files)];
}

/** Metadata an `index.json` beside the articles gives (title, outlet, url), by file name. */
function indexFor(folder: string, cache: Map<string, Map<string, IndexEntry>>): Map<string, IndexEntry> {
  let index = cache.get(folder);
  if (!index) {
    index = new Map();
    const file = join(folder, 'index.json');
    if (existsSync(file)) {
      try {
        for (const entry of JSON.parse(readFileSync(file, 'utf8')) as IndexEntry[]) index.set(entry.file, entry);
      } catch {
        // An unreadable index only costs us titles; the articles still go in.
      }
    }
    cache.set(folder, index);
  }
  return index;
}

/** A summary with nothing in it yet. */
export function emptySummary(): IngestSummary {
  return { articles: 0, newEntities: 0, claims: 0, mentions: 0, skipped: 0, failed: 0, outcomes: [] };
}

/** Counts `outcome` into `summary`. */
export function tally(summary: IngestSummary, outcome: FileOutcome): void {
  if (outcome.status === 'ingested') {
    summary.articles += 1;
    summary.newEntities += outcome.result.createdEntities.length;
    summary.claims += outcome.result.claims.length;
    summary.mentions += outcome.result.mentions;
  } else if (outcome.status === 'skipped') {
    summary.skipped += 1;
  } else {
    summary.failed += 1;
  }
  summary.outcomes.push(outcome);
}

/** An article to read, and its name (a file, a URL) in outcomes and messages. */
export interface NamedSource {
  name: string;
  read: () => ArticleInput;
}

/** `sources` as ingestArticles takes them, each outcome named, counted into `summary` and reported. */
function named(
  sources: readonly NamedSource[],
  onProgress: (done: number, total: number, outcome: FileOutcome) => void,
  summary: IngestSummary,
) {
  return [
    sources.map((source) => source.read),
    (i: number, articleOutcome: ArticleOutcome) => {
      const outcome: FileOutcome = { file: sources[i]!.name, ...articleOutcome };
      tally(summary, outcome);
      onProgress(i + 1, sources.length, outcome);
    },
  ] as const;
}

/**
 * Ingests the articles `sources` read (see ingestArticles: each in its own savepoint, commits
 * grouped), counting each outcome into `summary` and reporting it once its group has committed.
 */
export function ingestNamed(
  target: IngestTarget,
  sources: readonly NamedSource[],
  onProgress: (done: number, total: number, outcome: FileOutcome) => void = () => {},
  summary: IngestSummary = emptySummary(),
): IngestSummary {
  ingestArticles(target, ...named(sources, onProgress, summary));
  return summary;
}

/** Where ingestFiles takes an article from, and what it is given beside the files. */
export interface FileReading {
  maxArticleChars?: number;
  given?: GivenMetadata;
  /** Each URL's page, or why it could not be fetched: fetched before, so no transaction waits on the network. */
  fetched?: ReadonlyMap<string, FetchedPage | Error>;
}

/**
 * Files (read by readArticleFile: `given` wins over their front matter, which wins over an
 * `index.json`; web pages by readPage) and URLs (their pages in `fetched`) as named sources.
 */
function fileSources(
  paths: readonly string[],
  { maxArticleChars = MAX_ARTICLE_CHARS, given = {}, fetched = new Map() }: FileReading,
): NamedSource[] {
  const indexes = new Map<string, Map<string, IndexEntry>>();
  return expandPaths(paths).map((file) => ({
    name: file,
    read: () => {
      if (isUrl(file)) {
        const page = fetched.get(file);
        if (page === undefined) throw new SitrepError('BAD_USER_INPUT', 'was not fetched.');
        if (page instanceof Error) throw page;
        const input = readPage({ name: file, html: page.html, fetchedFrom: page.url }, given);
        refuseLongArticle(input.text, maxArticleChars);
        return input;
      }
      const meta = indexFor(dirname(file), indexes).get(basename(file));
      const bytes = readFileSync(file);
      const input = isPageFile(file)
        ? readPage({ name: file, html: decodePage(bytes) }, given, meta)
        : readArticleFile(file, decodeUtf8(bytes), given, meta);
      refuseLongArticle(input.text, maxArticleChars);
      return input;
    },
  }));
}

/**
 * Ingests files and URLs (see fileSources), each article in its own savepoint, committed in groups
 * (see ingestArticles). A duplicate is skipped, a file that cannot be read or parsed is reported
 * with why, and the others still go in. Progress is reported once an article's group has committed.
 */
export function ingestFiles(
  target: IngestTarget,
  paths: readonly string[],
  onProgress: (done: number, total: number, outcome: FileOutcome) => void = () => {},
  reading: FileReading = {},
): IngestSummary {
  return ingestNamed(target, fileSources(paths, reading), onProgress);
}

/**
 * ingestFiles, each article read on an extraction thread while those before it are stored
 * (ingestArticlesAhead): what `sitrep ingest` runs. The same rows as ingestFiles.
 */
export async function ingestFilesAhead(
  target: IngestTarget,
  paths: readonly string[],
  onProgress: (done: number, total: number, outcome: FileOutcome) => void = () => {},
  reading: FileReading = {},
): Promise<IngestSummary> {
  const summary = emptySummary();
  await ingestArticlesAhead(target, ...named(fileSources(paths, reading), onProgress, summary));
  return summary;
}
