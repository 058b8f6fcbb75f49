// One extraction thread's work: the calling thread checks an article, this reads it. Each thread
// keeps a read-only connection and the knowledge base built from it: for the server, the names it
// links are the database's as they are now (only names added since cost anything); for a batch of
// `sitrep ingest`, those the batch began with (BatchPin).
import {
  type AliasTotals,
  type IngestWrites,
  openDatabase,
  openPostgresIngestWrites,
  sqliteIngestWrites,
} from '@sitrep/db';
import { isPostgresUrl } from '@sitrep/db/url';
import type { Extraction } from '@sitrep/extract';
import { SitrepError, type SitrepErrorCode } from '@sitrep/vocabulary';
import { type ArticleInput, extractInput } from '../ingest-article';
import { type DatabaseKnowledge, knowledgeOf, sameNames } from '../knowledge';
import { type ClaimReadings, publishedOn, readClaimsAhead } from '../statements/read-ahead';

/**
 * A batch's names, as its caller's connection counted them when the batch began: every article of
 * a batch is read with the names as they were then (see ingestArticlesAhead), whatever the batch
 * has committed since.
 */
export interface BatchPin {
  batch: string;
  names: AliasTotals;
}

export interface ExtractionTask {
  /** The database whose names to link (a SQLite file, which the thread opens read-only, or a PostgreSQL URL). */
  database: string;
  input: ArticleInput;
  /** Read with the batch's names rather than the database's names now. */
  pin?: BatchPin;
  /** Read the claims' words too (ClaimReadings): not for a bulk load, which groups its claims later. */
  readClaims: boolean;
}

/**
 * A SitrepError crosses threads as data: structured cloning keeps an Error's message, not its class
 * or code. `stale`: the thread could not see the batch's names as they were (the batch or another
 * writer had committed names already), so the caller reads the article itself.
 */
export type ExtractionReply =
  | { extraction: Extraction; readings?: ClaimReadings }
  | { error: { code: SitrepErrorCode; message: string; details: Record<string, unknown> } }
  | { stale: true };

let connection: { location: string; writes: IngestWrites; close(): void } | undefined;
let pinned: { location: string; batch: string; knowledge: DatabaseKnowledge } | undefined;

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

/**
 * The knowledge the batch began with, or null when this thread can no longer build it: the names
 * counted before and after building must both be the batch's, so nothing was committed between.
 */
function batchKnowledge(location: string, w: IngestWrites, pin: BatchPin): DatabaseKnowledge | null {
  if (pinned?.location === location && pinned.batch === pin.batch) return pinned.knowledge;
  if (!sameNames(w.aliasTotals(), pin.names)) return null;
  const knowledge = knowledgeOf(w);
  if (!sameNames(w.aliasTotals(), pin.names)) return null;
  pinned = { location, batch: pin.batch, knowledge };
  return knowledge;
}

export default function extractInThread({ database, input, pin, readClaims }: ExtractionTask): ExtractionReply {
  try {
    const w = opened(database);
    const knowledge = pin ? batchKnowledge(database, w, pin) : knowledgeOf(w);
    if (!knowledge) return { stale: true };
    const extraction = extractInput(input, knowledge);
    if (!readClaims) return { extraction };
    return { extraction, readings: readClaimsAhead(extraction, publishedOn(extraction, input.publishedAt)) };
  } catch (error) {
    if (!(error instanceof SitrepError)) throw error;
    return { error: { code: error.code, message: error.message, details: error.details } };
  }
}
