import { type SitrepPostgres, listenForCommits } from '@sitrep/db';
import { Repeater, SlidingBuffer } from 'graphql-yoga';
import { type Changes, type KnowledgeChange, LISTED } from './changes';

interface Marks {
  article: number;
  claim: number;
  entity: number;
}

type Listener = (change: KnowledgeChange) => void;

/**
 * ChangeWatcher's twin on PostgreSQL: every commit that changes the knowledge base, through any
 * process, NOTIFYs (pg-migrations' triggers); while anyone listens, one LISTEN connection hears
 * it and what is new since the last change is read by the highest ids seen, as on SQLite.
 * Notifications are handled one at a time, in order.
 */
export class PgChanges implements Changes {
  private readonly listeners = new Set<Listener>();
  private unlisten: Promise<() => Promise<void>> | null = null;
  private marks: Promise<Marks> | null = null;
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly db: SitrepPostgres) {}

  listen(listener: Listener): () => void {
    if (this.listeners.size === 0) this.start();
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  }

  changes(): AsyncIterableIterator<KnowledgeChange> {
    return new Repeater<KnowledgeChange>(async (push, stop) => {
      const off = this.listen((change) => void push(change));
      await stop;
      off();
    }, new SlidingBuffer(16));
  }

  get state(): { listeners: number; watching: boolean } {
    return { listeners: this.listeners.size, watching: this.unlisten !== null };
  }

  close(): void {
    this.listeners.clear();
    this.stop();
  }

  /** Resolves once LISTEN is in place: a commit after it is heard (for tests and start-up). */
  async ready(): Promise<void> {
    await this.unlisten;
  }

  private start(): void {
    this.unlisten = listenForCommits(this.db, () => this.enqueue());
    // What is there once LISTEN is in place: every commit after it is heard, and is new.
    this.marks = this.unlisten.then(() => this.highest());
    // A failed LISTEN (the database went away) must not be an unhandled rejection; readChange reports it.
    this.unlisten.catch(() => {});
    this.marks.catch(() => {});
  }

  private stop(): void {
    const unlisten = this.unlisten;
    this.unlisten = null;
    this.marks = null;
    void unlisten?.then((off) => off()).catch(() => {});
  }

  private enqueue(): void {
    this.queue = this.queue.then(async () => {
      if (!this.marks) return;
      const change = await this.readChange().catch(() => null);
      if (change) for (const listener of [...this.listeners]) listener(change);
    });
  }

  private async highest(): Promise<Marks> {
    const [row] = await this.db.sql<Marks[]>`
      select (select coalesce(max(id), 0) from articles)::int as article,
             (select coalesce(max(id), 0) from claims)::int as claim,
             (select coalesce(max(id), 0) from entities)::int as entity`;
    return row!;
  }

  private async readChange(): Promise<KnowledgeChange> {
    const before = await this.marks!;
    const now = await this.highest();
    this.marks = Promise.resolve(now);
    const { sql } = this.db;
    const ids = async (rows: Promise<Array<{ id: number }>>) => (await rows).map((row) => row.id);
    const [articleIds, claimIds, entities, claimed] = await Promise.all([
      ids(sql`select id from articles where id > ${before.article} order by id limit ${LISTED}`),
      ids(sql`select id from claims where id > ${before.claim} order by id limit ${LISTED}`),
      ids(sql`select id from entities where id > ${before.entity} order by id limit ${LISTED}`),
      ids(sql`select distinct entity_id as id from claim_about where claim_id > ${before.claim} limit ${LISTED}`),
    ]);
    const entityIds = [...new Set([...entities, ...claimed])].slice(0, LISTED);
    const newClaims = now.claim - before.claim;
    return {
      articleIds,
      claimIds,
      entityIds,
      newClaims,
      edited: articleIds.length === 0 && newClaims === 0 && entityIds.length === 0,
      at: new Date(),
    };
  }
}
