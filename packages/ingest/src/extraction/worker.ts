// One extraction thread's work: the server's thread checks an article, this reads it. Each thread
// keeps a read-only connection and the knowledge base built from it, so the names it links are
// the database's as they are now, and only names added since cost anything.
import { type SitrepDatabase, openDatabase } from '@sitrep/db';
import type { Extraction } from '@sitrep/extract';
import { SitrepError, type SitrepErrorCode } from '@sitrep/vocabulary';
import { type ArticleInput, extractInput } from '../ingest-article';
import { knowledgeOf } from '../knowledge';

export interface ExtractionTask {
  /** The database file whose names to link; the thread opens it read-only. */
  file: string;
  input: ArticleInput;
}

/** A SitrepError crosses threads as data: structured cloning keeps an Error's message, not its class or code. */
export type ExtractionReply =
  { extraction: Extraction } | { error: { code: SitrepErrorCode; message: string; details: Record<string, unknown> } };

let connection: SitrepDatabase | undefined;

function database(file: string): SitrepDatabase {
  if (connection?.file !== file) {
    connection?.close();
    connection = openDatabase(file, { readonly: true });
  }
  return connection;
}

export default function extractInThread({ file, input }: ExtractionTask): ExtractionReply {
  try {
    return { extraction: extractInput(input, knowledgeOf(database(file))) };
  } catch (error) {
    if (!(error instanceof SitrepError)) throw error;
    return { error: { code: error.code, message: error.message, details: error.details } };
  }
}
