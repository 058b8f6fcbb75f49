import { type SitrepDatabase, openDatabase } from '@sitrep/db';
import { Repeater, SlidingBuffer } from 'graphql-yoga';

/** What a commit changed, as far as new rows tell: ids only, loaded when a subscriber asks. */
export interface KnowledgeChange {
  articleIds: number[];
  claimIds: number[];
  /** New entities, and the entities new claims are about. */
  entityIds: number[];
  /** Claims added in all (the lists stop at LISTED). */
  newClaims: number;
  /** Nothing new was added: something was changed or removed (a curator's edit, a merge). */
  edited: boolean;
  at: Date;
}

/** Ids listed per change, at most: a bulk load of a million claims is one change, not a million ids. */
export const LISTED = 1000;
/** How often the database is asked whether anyone committed: one pragma, microseconds. */
export const DEFAULT_POLL_MS = 250;

/** The highest ids seen: ids only grow, so what is above them is new. */
export interface Marks {
  article: number;
  claim: number;
  entity: number;
}

type Listener = (change: KnowledgeChange) => void;

/** Commits as subscriptions hear them: SQLite's ChangeWatcher, or LISTEN on PostgreSQL (pg-changes.ts). */
export interface Changes {
  /** Hears every change until the returned function is called. */
  listen(listener: Listener): () => void;
  /** Changes as an async iterator, for a GraphQL subscription. */
  changes(): AsyncIterableIterator<KnowledgeChange>;
  /** Listeners now, and whether the database is being watched. */
  readonly state: { listeners: number; watching: boolean };
  close(): void;
}

/**
 * What both back ends share: the listeners, watching only while there is one, and the change as
 * subscribers see it. A back end says how it watches (start, stop, watching) and tells changes.
 */
export abstract class WatchedChanges implements Changes {
  protected readonly listeners = new Set<Listener>();

  protected abstract start(): void;
  protected abstract stop(): void;
  /** Whether the database is being watched now (a timer, a connection, a LISTEN held). */
  protected abstract get watching(): boolean;

  /** Hears every change until the returned function is called. */
  listen(listener: Listener): () => void {
    if (this.listeners.size === 0) this.start();
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  }

  /**
   * Changes as an async iterator, for a GraphQL subscription. It stops listening as soon as the
   * client goes (Repeater's return ends it even while it waits); a client too slow to read keeps
   * the latest 16 changes, not all of them.
   */
  changes(): AsyncIterableIterator<KnowledgeChange> {
    return new Repeater<KnowledgeChange>(async (push, stop) => {
      const off = this.listen((change) => void push(change));
      await stop;
      off();
    }, new SlidingBuffer(16));
  }

  /** Listeners now, and whether the database is being watched. */
  get state(): { listeners: number; watching: boolean } {
    return { listeners: this.listeners.size, watching: this.watching };
  }

  close(): void {
    this.listeners.clear();
    this.stop();
  }

  protected tell(change: KnowledgeChange): void {
    for (const listener of [...this.listeners]) listener(change);
  }
}

/** The change between two marks, from the new rows' ids (each list at most LISTED long). */
export function changeBetween(
  before: Marks,
  now: Marks,
  ids: { articleIds: number[]; claimIds: number[]; entityIds: number[] },
): KnowledgeChange {
  const newClaims = now.claim - before.claim;
  const { articleIds, claimIds, entityIds } = ids;
  return {
    articleIds,
    claimIds,
    entityIds,
    newClaims,
    edited: articleIds.length === 0 && newClaims === 0 && entityIds.length === 0,
    at: new Date(),
  };
}

/**
 * Notices every commit to the database, whoever wrote it (this server's mutations, or `sitrep
 * ingest` in another process): a connection of its own asks SQLite's `data_version`, which moves
 * when another connection commits, every `pollMs` while anyone listens, and reads what is new
 * since. Ids only grow, so new rows are found by the highest ids seen; changes to existing rows
 * are reported as `edited`.
 */
export class ChangeWatcher extends WatchedChanges {
  private connection: SitrepDatabase | null = null;
  private timer: NodeJS.Timeout | null = null;
  private version = 0;
  private marks: Marks = { article: 0, claim: 0, entity: 0 };

  constructor(
    private readonly file: string,
    private readonly pollMs = DEFAULT_POLL_MS,
  ) {
    super();
  }

  protected get watching(): boolean {
    return this.timer !== null;
  }

  protected start(): void {
    // An in-memory database has no other connection to tell; nothing to watch.
    if (this.file === '' || this.file === ':memory:') return;
    this.connection = openDatabase(this.file, { readonly: true });
    this.version = this.dataVersion();
    this.marks = this.highest();
    this.timer = setInterval(() => this.poll(), this.pollMs);
    this.timer.unref();
  }

  protected stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.connection?.close();
    this.connection = null;
  }

  private dataVersion(): number {
    return this.connection!.sqlite.pragma('data_version', { simple: true }) as number;
  }

  private highest(): Marks {
    return this.connection!.sqlite.prepare<[], Marks>(
      `select (select coalesce(max(id), 0) from articles) as article,
              (select coalesce(max(id), 0) from claims) as claim,
              (select coalesce(max(id), 0) from entities) as entity`,
    ).get()!;
  }

  private poll(): void {
    if (!this.connection) return;
    const version = this.dataVersion();
    if (version === this.version) return;
    this.version = version;
    this.tell(this.readChange());
  }

  private readChange(): KnowledgeChange {
    const sqlite = this.connection!.sqlite;
    const before = this.marks;
    const now = this.highest();
    this.marks = now;
    const ids = (sql: string, after: number) =>
      sqlite.prepare<[number, number], number>(sql).pluck().all(after, LISTED);
    const articleIds = ids('select id from articles where id > ? order by id limit ?', before.article);
    const claimIds = ids('select id from claims where id > ? order by id limit ?', before.claim);
    const entityIds = [
      ...new Set([
        ...ids('select id from entities where id > ? order by id limit ?', before.entity),
        ...ids('select distinct entity_id from claim_about where claim_id > ? limit ?', before.claim),
      ]),
    ].slice(0, LISTED);
    return changeBetween(before, now, { articleIds, claimIds, entityIds });
  }
}
