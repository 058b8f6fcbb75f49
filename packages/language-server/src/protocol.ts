// Sitrep's additions to the Language Server Protocol, in one place: the server, the VS Code
// client, the tests and the bench use these constants, so no method name is written twice.
// Only vscode-languageserver-protocol is imported, so a client can bundle this without the server.
import {
  NotificationType,
  type Position,
  RequestType,
  RequestType0,
  type TextDocumentIdentifier,
} from 'vscode-languageserver-protocol';

/** Whether the language server reaches Sitrep, and how many names it knows: drives a status bar. */
export interface Status {
  state: 'connecting' | 'connected' | 'unreachable';
  endpoint: string;
  entities: number;
  message?: string;
}

/** A commit the server pushed: which entities it touched, and whether a curator edited names. */
export interface HeardChange {
  entityIds: string[];
  edited: boolean;
}

export interface EntityAtParams {
  textDocument: TextDocumentIdentifier;
  position: Position;
}

export interface EntityAt {
  /** The entity's global ID. */
  entity: string;
  name: string;
}

export interface IngestDocumentParams {
  textDocument: TextDocumentIdentifier;
  /** YYYY-MM-DD; otherwise the document dates itself, as `sitrep ingest` reads a file. */
  publishedAt?: string;
}

export type IngestDocumentResult =
  | { ok: true; title: string; claims: number; createdEntities: string[] }
  | { ok: false; code?: string; message: string };

/** Sent whenever the connection to Sitrep changes. */
export const StatusNotification = new NotificationType<Status>('sitrep/status');
/** Sent after the server pushed a commit and the cached facts it touched were dropped. */
export const ChangedNotification = new NotificationType<HeardChange>('sitrep/changed');

/** The status now. */
export const StatusRequest = new RequestType0<Status, void>('sitrep/status');
/** Loads the names again now; answers with the status after. */
export const RefreshDictionaryRequest = new RequestType0<Status, void>('sitrep/refreshDictionary');
/** The known name at a position, if any. */
export const EntityAtRequest = new RequestType<EntityAtParams, EntityAt | null, void>('sitrep/entityAt');
/** Everything known about an entity, as Markdown (null when it no longer exists). */
export const FactsMarkdownRequest = new RequestType<{ entity: string }, string | null, void>('sitrep/factsMarkdown');
/** Ingests an open document as an article (needs a write token). */
export const IngestDocumentRequest = new RequestType<IngestDocumentParams, IngestDocumentResult, void>(
  'sitrep/ingestDocument',
);
