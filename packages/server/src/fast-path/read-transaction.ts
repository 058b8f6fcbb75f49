import type { SitrepDatabase } from '@sitrep/db';

/** What the fast path asks of the store around a query's reads (ReadTransactions on SQLite). */
export interface FastReads {
  /** Begins reading for one query: a number to end it with, 0 when nothing was begun. */
  open(): number;
  close(id: number): void;
  /** A mutation is about to run, and one has ended (see ReadTransactions). */
  beforeWrite(request: object): void;
  afterWrite(request: object): void;
}

/**
 * PostgreSQL's: nothing around a query. Each read is a statement of its own on a pooled
 * connection, as when Yoga answers it; holding one connection in a transaction for a whole query
 * would cost a round trip each way and serialise the pool.
 */
export const EACH_READ_ON_ITS_OWN: FastReads = {
  open: () => 0,
  close: () => {},
  beforeWrite: () => {},
  afterWrite: () => {},
};

/**
 * One read transaction around a fast-path query's statements. Outside a transaction SQLite takes
 * and releases its locks around every statement (system calls: ~5 µs each); a hover runs about a
 * dozen statements, and inside one transaction it costs ~60 µs less.
 *
 * The transaction spans the query's context and execution, which await only promises (DataLoader
 * batches, synchronous SQLite underneath), so no I/O callback runs in between, unless an added
 * plugin's hook waits for I/O. Work that runs meanwhile joins the transaction to read; a Yoga
 * mutation must not write inside it, so Yoga calls `beforeWrite`, which ends it early (the query's
 * remaining reads then run on their own), and no new one begins until the mutation is done.
 */
export class ReadTransactions implements FastReads {
  private readonly begin;
  private readonly commit;
  private readonly rollback;
  /** The transaction this class began and has not ended yet, by number; 0 for none. */
  private current = 0;
  private count = 0;
  /** The requests of mutations under way (Yoga's Request objects). */
  private readonly writers = new Set<object>();

  constructor(private readonly db: SitrepDatabase) {
    this.begin = db.sqlite.prepare('BEGIN');
    this.commit = db.sqlite.prepare('COMMIT');
    this.rollback = db.sqlite.prepare('ROLLBACK');
  }

  /** Begins a read transaction and returns its number, or 0 when one cannot begin now. */
  open(): number {
    if (this.writers.size > 0 || this.db.sqlite.inTransaction) return 0;
    try {
      this.begin.run();
    } catch {
      return 0; // the query's statements then run on their own, as they would without this
    }
    this.count += 1;
    this.current = this.count;
    return this.current;
  }

  /** Ends transaction `id`, unless something ended it already. */
  close(id: number): void {
    if (id === 0 || id !== this.current) return;
    this.current = 0;
    if (!this.db.sqlite.inTransaction) return;
    try {
      this.commit.run();
    } catch {
      // It only read: nothing is lost, but it must not stay open for writes to land in.
      this.rollback.run();
    }
  }

  /** A mutation is about to run: end any read transaction, and begin none until `afterWrite`. */
  beforeWrite(request: object): void {
    this.writers.add(request);
    this.close(this.current);
  }

  /** Yoga has answered `request`: if it was a mutation, it is done. */
  afterWrite(request: object): void {
    this.writers.delete(request);
  }
}
