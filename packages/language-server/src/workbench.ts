import type { ClientCapabilities, Connection, Position, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { NameMatch } from '@sitrep/names';
import type { Dictionary } from './dictionary';
import type { FactsCache } from './facts';
import type { Endpoint } from './graphql-client';
import type { Status } from './protocol';
import type { Settings } from './settings';

/**
 * What every feature of the language server works with: the connection, the open documents, the
 * known names, the facts cache and the settings. server.ts builds it; each file in features/
 * registers its handlers on it and knows nothing of the others.
 */
export interface Workbench {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  dictionary: Dictionary;
  facts: FactsCache;
  settings(): Settings;
  /** What the editor said it supports, at initialize. */
  client(): ClientCapabilities;
  endpoint(): Endpoint;
  status(): Status;
  /** Loads the names again (all of them with `force`); resolves with the status after. */
  refresh(force?: boolean): Promise<Status>;
  /** Calls `listener` after the known names changed (a refresh found a new version), or the settings did. */
  onNamesChanged(listener: () => void): void;
  /** Calls `listener` with each new status. */
  onStatus(listener: (status: Status) => void): void;
  /** Records that the server could not be reached, for the status bar. */
  unreachable(message: string): void;
  /** The open document at `uri`, if it is in a language Sitrep reads. */
  followed(uri: string): TextDocument | null;
  /** The known name at a position of a followed document, once the names have loaded (briefly waited for). */
  nameAt(uri: string, position: Position): Promise<{ match: NameMatch; document: TextDocument } | null>;
}
