// One extraction thread's work: the server's thread checks an article, this reads it. Each thread
// keeps a read-only connection and the knowledge base built from it, so the names it links are
// the database's as they are now, and only names added since cost anything.
import { type IngestWrites, openDatabase, openPostgresIngestWrites, sqliteIngestWrites } from '@sitrep/db';
import { isPostgresUrl } from '@sitrep/db/url';
import type { Extraction } from '@sitrep/extract';
import { SitrepError, type SitrepErrorCode } from '@sitrep/vocabulary';
import { type ArticleInput, extractInput } from '../ingest-article';
import { knowledgeOf } from '../knowledge';

export interface ExtractionTask {
  /** The database whose names to link (a SQLite file, which the thread opens read-only, or a PostgreSQL URL). */
  database: string;
  input: ArticleInput;
}

/** A SitrepError crosses threads as data: structured cloning keeps an Error's message, not its class or code. */
export type ExtractionReply =
  { extraction: Extraction } | { error: { code: SitrepErrorCode; message: string; details: Record<string, unknown> } };

let connection: { location: string; writes: IngestWrites; close(): void } | undefined;

function opened(location: string): IngestWrites {
  if (connection?.location !== location) {
    connection?.close();
    if (isPostgresUrl(location)) {
      const writes = openPostgresIngestWrites(location);
      connection = { location, writes, close: writes.close };
    } else {
      const db = openDatabase(location, { readonly: true });
      connection = { location, writes: sqliteIngestWrites(db), close: () => db.close() };
    }
  }
  return connection.writes;
}

export default function extractInThread({ database, input }: ExtractionTask): ExtractionReply {
  try {
    return { extraction: extractInput(input, knowledgeOf(opened(database))) };
  } catch (error) {
    if (!(error instanceof SitrepError)) throw error;
    return { error: { code: error.code, message: error.message, details: error.details } };
  }
}
