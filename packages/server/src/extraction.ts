import type { IngestTarget } from '@sitrep/db';
import type { ArticleInput, ExtractionPolicy, ExtractionPool, PreparedArticle } from '@sitrep/ingest';

/**
 * The server's extraction threads, started with the first article: ingesting loads a language
 * model and the database's names, which a server that only answers queries never needs.
 */
export class ServerExtraction {
  private pool: Promise<ExtractionPool> | undefined;

  constructor(private readonly policy: Partial<ExtractionPolicy> = {}) {}

  /** Checks an article here and reads it on an extraction thread: see ExtractionPool.prepare. */
  async prepare(db: IngestTarget, input: ArticleInput): Promise<PreparedArticle> {
    this.pool ??= import('@sitrep/ingest').then(
      ({ ExtractionPool, DEFAULT_EXTRACTION }) => new ExtractionPool({ ...DEFAULT_EXTRACTION, ...this.policy }),
    );
    return (await this.pool).prepare(db, input);
  }

  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    await (await pool)?.close();
  }
}
