import { type Endpoint, graphql } from './graphql-client';
import { type NameEntry, NameMatcher } from '@sitrep/names';

const VERSION = `query SitrepDictionaryVersion { aliasDictionary { version } }`;
const ENTRIES = `query SitrepDictionary { aliasDictionary { version entries { name entity kind } } }`;

/**
 * The names the knowledge base knows, fetched once and refreshed when their version changes.
 * `ready` resolves after the first load attempt, so an early hover can wait for it.
 */
export class Dictionary {
  matcher: NameMatcher | null = null;
  version: string | null = null;
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
    const { aliasDictionary } = await graphql<{ aliasDictionary: { version: string; entries: NameEntry[] } }>(
      this.endpoint(),
      ENTRIES,
      {},
      30_000,
    );
    this.matcher = new NameMatcher(aliasDictionary.entries);
    this.version = aliasDictionary.version;
  }

  /** Waits for the first load to settle, at most `ms`. */
  async ready(ms: number): Promise<void> {
    await Promise.race([this.firstLoad, new Promise((resolve) => setTimeout(resolve, ms).unref?.())]);
  }
}
