import { randomUUID } from 'node:crypto';
import { type Checkpoints, type IngestTarget, type IngestWrites, isBusy, writesOf } from '@sitrep/db';
import { SitrepError } from '@sitrep/vocabulary';
import { DEFAULT_EXTRACTION, type ExtractionPolicy, ExtractionPool } from './extraction/pool';
import { forgetKnowledge, knowledgeOf, sameNames } from './knowledge';
import {
  type ArticleInput,
  DuplicateArticle,
  type IngestResult,
  type PreparedArticle,
  prepareArticle,
  storeArticle,
} from './ingest-article';

export type ArticleOutcome =
  | { status: 'ingested'; result: IngestResult }
  | { status: 'skipped'; reason: string }
  /** `busy`: another process held the write lock; nothing was stored, and trying again later may work. */
  | { status: 'failed'; reason: string; busy?: true };

export interface GroupLimits {
  /** Articles per commit. Default 64. */
  articles: number;
  /** Milliseconds of work before a commit, so a slow group does not hold the write lock long. Default 250. */
  millis: number;
}

const DEFAULT_GROUP: GroupLimits = { articles: 64, millis: 250 };

function reasonOf(error: unknown): string {
  if (error instanceof SitrepError) return error.message;
  if (error instanceof TypeError && /encoded data|decode/i.test(error.message)) return 'not valid UTF-8 text';
  // Unexpected: keep the message (no stack) so the user can report it; the caller names the article.
  return `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
}

function outcomeOf(error: unknown): ArticleOutcome {
  if (error instanceof DuplicateArticle) return { status: 'skipped', reason: error.message };
  if (isBusy(error)) return { status: 'failed', reason: "another process holds the database's write lock", busy: true };
  return { status: 'failed', reason: reasonOf(error) };
}

interface Pending {
  index: number;
  prepared?: PreparedArticle;
  outcome?: ArticleOutcome;
}

/**
 * Articles prepared, waiting for their group's commit: each is stored in its own savepoint inside
 * a transaction shared by the group, and heard of (in order) once the group has committed.
 */
class GroupCommits {
  private group: Pending[] = [];
  /** When the group's first article came: its age counts from there, not from the thread's start. */
  private started: number | undefined;

  constructor(
    private readonly w: IngestWrites,
    private readonly onOutcome: (index: number, outcome: ArticleOutcome) => void,
    private readonly limits: GroupLimits,
  ) {}

  /** An article prepared (or failed before storing); commits the group once it is full or old enough. */
  add(item: Pending): void {
    this.group.push(item);
    this.started ??= performance.now();
    if (this.group.length >= this.limits.articles || performance.now() - this.started >= this.limits.millis)
      this.flush();
  }

  flush(): void {
    const pending = this.group;
    this.group = [];
    if (pending.length === 0) return;
    const w = this.w;
    try {
      w.transaction(() => {
        for (const item of pending) {
          if (!item.prepared) continue;
          try {
            item.outcome = { status: 'ingested', result: storeArticle(w, item.prepared) };
          } catch (error) {
            item.outcome = outcomeOf(error);
          }
        }
      });
    } catch (error) {
      // The commit itself failed (disk full, say): nothing of the group landed, names included.
      for (const item of pending) if (item.prepared) item.outcome = outcomeOf(error);
      forgetKnowledge(w);
    }
    for (const item of pending) this.onOutcome(item.index, item.outcome!);
    this.started = undefined;
  }
}

/**
 * Ingests many articles with grouped commits. Each article is read and extracted outside any
 * transaction, then stored in its own savepoint inside a transaction shared by a group of
 * articles: committing once per group instead of once per article is what makes a large
 * ingest fast (each commit writes every touched index page to the WAL). An article that fails
 * rolls back alone; `onOutcome` hears of each article, in order, once its group has committed.
 */
export function ingestArticles(
  target: IngestTarget,
  sources: ReadonlyArray<() => ArticleInput>,
  onOutcome: (index: number, outcome: ArticleOutcome) => void,
  limits: GroupLimits = DEFAULT_GROUP,
): void {
  // Every article of the batch is extracted with the names known when the batch began, so how
  // the articles fall into commit groups (by count and by time) never changes what is extracted;
  // names the batch adds are linked when each article is stored.
  const w = writesOf(target);
  const knowledge = knowledgeOf(w);
  const commits = new GroupCommits(w, onOutcome, limits);
  sources.forEach((source, index) => {
    try {
      commits.add({ index, prepared: prepareArticle(w, source(), knowledge) });
    } catch (error) {
      commits.add({ index, outcome: outcomeOf(error) });
    }
  });
  commits.flush();
}

/** The sources `take` has left. */
function* rest<T>(take: () => T | undefined): Generator<T> {
  for (let source = take(); source !== undefined; source = take()) yield source;
}

/** Articles being read on the extraction thread while the ones before them are stored. */
const READ_AHEAD = 64;
/** Fewer articles than this are read on the calling thread: starting a thread costs more than they do. */
const AHEAD_FROM = 8;

/** How `sitrep ingest` reads articles ahead: one thread (storing is most of the work), no time limit. */
export const INGEST_EXTRACTION: ExtractionPolicy = {
  ...DEFAULT_EXTRACTION,
  threads: 1,
  // Every article read ahead is handed to the thread at once: while this thread stores a group, it
  // cannot hand over the next one, and the extraction thread would sit idle.
  tasksPerThread: READ_AHEAD,
  queue: READ_AHEAD,
  timeoutMs: Number.POSITIVE_INFINITY,
  threadHeapMb: 4096,
};

/**
 * ingestArticles, with each article read on an extraction thread while the articles before it are
 * stored on this one: on two cores, extraction then costs the ingest no time. The thread reads
 * with the names the batch began with, as ingestArticles does, so both store the same rows; what
 * the thread cannot read (those names are gone from its view, it failed) this thread reads
 * (ExtractionPool.prepare). A few articles, or a database no other thread can open, or names that
 * changed while the batch's knowledge was built, are ingested by ingestArticles.
 * It waits for the thread between groups: nothing else may write through `target` until it settles.
 */
export async function ingestArticlesAhead(
  target: IngestTarget,
  /** Read one at a time as the thread has room: a generator may decide when to stop. */
  sources: Iterable<() => ArticleInput>,
  onOutcome: (index: number, outcome: ArticleOutcome) => void,
  limits: GroupLimits = DEFAULT_GROUP,
  /** Threads kept across calls (its caller closes them); by default, one started and stopped for this call. */
  given?: ExtractionPool,
): Promise<void> {
  const w = writesOf(target);
  const pool = given ?? new ExtractionPool(INGEST_EXTRACTION);
  // Started with the extraction thread: a batch that long writes enough to pay for another.
  let checkpoints: Checkpoints | null = null;
  try {
    const more = sources[Symbol.iterator]();
    const take = (): (() => ArticleInput) | undefined => {
      const step = more.next();
      return step.done ? undefined : step.value;
    };
    const first: Array<() => ArticleInput> = [];
    while (first.length < AHEAD_FROM) {
      const source = take();
      if (!source) break;
      first.push(source);
    }
    const onThisThread = () => ingestArticles(w, first.concat([...rest(take)]), onOutcome, limits);
    if (first.length < AHEAD_FROM || !pool.threaded(w)) return onThisThread();
    // The pin is the names the knowledge was built from: counted before and after building it, and
    // where another writer added names meanwhile, this batch is read on this thread.
    const names = w.aliasTotals();
    const knowledge = knowledgeOf(w);
    if (!sameNames(names, w.aliasTotals())) return onThisThread();
    const batch = { pin: { batch: randomUUID(), names }, knowledge };
    checkpoints = w.checkpointsOffThread();
    const commits = new GroupCommits(w, onOutcome, limits);
    let next = 0;
    const read = (source: () => ArticleInput): Promise<Pending> => {
      const index = next++;
      const failed = (error: unknown): Pending => ({ index, outcome: outcomeOf(error) });
      try {
        return pool.prepare(w, source(), batch).then((prepared) => ({ index, prepared }), failed);
      } catch (error) {
        // Reading the source itself failed (a file that cannot be read or parsed).
        return Promise.resolve(failed(error));
      }
    };
    const reading = first.map(read);
    let ended = false;
    const readNext = () => {
      const source = ended ? undefined : take();
      if (source) reading.push(read(source));
      else ended = true;
    };
    // No more than the threads take at once: a pool made for a server holds fewer.
    const ahead = Math.min(READ_AHEAD, pool.capacity());
    while (!ended && reading.length < ahead) readNext();
    while (reading.length > 0) {
      const item = await reading.shift()!;
      readNext();
      commits.add(item);
    }
    commits.flush();
  } finally {
    await checkpoints?.stop();
    if (!given) await pool.close();
  }
}
