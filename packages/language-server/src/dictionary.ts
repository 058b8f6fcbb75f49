import { type Endpoint, graphql } from './graphql-client';
import { type NameEntry, NameMatcher } from '@sitrep/names';

const VERSION = `query SitrepDictionaryVersion { aliasDictionary { version } }`;
const ENTRIES = `query SitrepDictionary { aliasDictionary { version entries { name entity kind primary } } }`;

/** A known name, and whether it is its entity's own name (the one outlines and completions show). */
export interface DictionaryEntry extends NameEntry {
  primary: boolean;
}

/**
 * The names the knowledge base knows, fetched once and refreshed when their version changes.
 * `ready` resolves after the first load attempt, so an early hover can wait for it.
 */
export class Dictionary {
  matcher: NameMatcher<DictionaryEntry> | null = null;
  version: string | null = null;
  /** Every known name, in the order the server lists them. */
  entries: readonly DictionaryEntry[] = [];
  /** Each entity's own name. */
  private primaryNames = new Map<string, string>();
  private settled!: () => void;
  // Settles when the first load attempt ends, however it ends; hovers that come earlier wait on it.
  private readonly firstLoad = new Promise<void>((resolve) => (this.settled = resolve));

  constructor(private readonly endpoint: () => Endpoint) {}

  /** How many entities the known names stand for. */
  get size(): number {
    return this.matcher?.entities ?? 0;
  }

  /** Loads (or refreshes) the names; throws when the server cannot be reached. */
  async refresh(force = false): Promise<void> {
    try {
      await this.load(force);
    } finally {
      this.settled();
    }
  }

  private async load(force: boolean): Promise<void> {
    if (!force && this.matcher) {
      const { aliasDictionary } = await graphql<{ aliasDictionary: { version: string } }>(this.endpoint(), VERSION);
      if (aliasDictionary.version === this.version) return;
    }
    const { aliasDictionary } = await graphql<{ aliasDictionary: { version: string; entries: DictionaryEntry[] } }>(
      this.endpoint(),
      ENTRIES,
      {},
      30_000,
    );
    this.matcher = new NameMatcher(aliasDictionary.entries);
    this.entries = aliasDictionary.entries;
    this.primaryNames = new Map(aliasDictionary.entries.filter((e) => e.primary).map((e) => [e.entity, e.name]));
    this.version = aliasDictionary.version;
  }

  /** An entity's own name (the name given when none is marked as its own). */
  nameOf(entry: NameEntry): string {
    return this.primaryNames.get(entry.entity) ?? entry.name;
  }

  /** Waits for the first load to settle, at most `ms`. */
  async ready(ms: number): Promise<void> {
    await Promise.race([this.firstLoad, new Promise((resolve) => setTimeout(resolve, ms).unref?.())]);
  }
}
