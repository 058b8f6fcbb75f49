import { type SitrepPostgres, listenForCommits } from '@sitrep/db';
import { type KnowledgeChange, LISTED, type Marks, WatchedChanges, changeBetween } from './changes';

/**
 * ChangeWatcher's twin on PostgreSQL: every commit that changes the knowledge base, through any
 * process, NOTIFYs (pg-migrations' triggers); while anyone listens, one LISTEN connection hears
 * it and what is new since the last change is read by the highest ids seen, as on SQLite.
 * Notifications are handled one at a time, in order.
 */
export class PgChanges extends WatchedChanges {
  private unlisten: Promise<() => Promise<void>> | null = null;
  private marks: Promise<Marks> | null = null;
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly db: SitrepPostgres) {
    super();
  }

  protected get watching(): boolean {
    return this.unlisten !== null;
  }

  /** Resolves once LISTEN is in place: a commit after it is heard (for tests and start-up). */
  async ready(): Promise<void> {
    await this.unlisten;
  }

  protected start(): void {
    this.unlisten = listenForCommits(this.db, () => this.enqueue());
    // What is there once LISTEN is in place: every commit after it is heard, and is new.
    this.marks = this.unlisten.then(() => this.highest());
    // A failed LISTEN (the database went away) must not be an unhandled rejection; readChange reports it.
    this.unlisten.catch(() => {});
    this.marks.catch(() => {});
  }

  protected stop(): void {
    const unlisten = this.unlisten;
    this.unlisten = null;
    this.marks = null;
    void unlisten?.then((off) => off()).catch(() => {});
  }

  private enqueue(): void {
    this.queue = this.queue.then(async () => {
      if (!this.marks) return;
      const change = await this.readChange().catch(() => null);
      if (change) this.tell(change);
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
    return changeBetween(before, now, { articleIds, claimIds, entityIds });
  }
}
