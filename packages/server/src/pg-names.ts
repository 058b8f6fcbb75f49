import type { EntityRow, StoreReads } from '@sitrep/db';
import type { DatabaseKnowledge } from '@sitrep/ingest';

/**
 * A name's entity on a store whose knowledge base @sitrep/ingest does not keep (PostgreSQL): an
 * exact alias in any spelling first, else the knowledge base of every name, as on SQLite (so
 * "Tartous" finds the Tartus facility on both). The base is built again when the names change:
 * aliasDictionaryVersion is asked only when the exact look-up misses.
 */
export function namedThroughStore(store: StoreReads): (name: string) => Promise<EntityRow | undefined> {
  let built: { version: string; knowledge: Promise<DatabaseKnowledge> } | null = null;

  async function knowledge(): Promise<DatabaseKnowledge> {
    const version = await store.aliasDictionaryVersion();
    if (built?.version !== version) {
      const knowledgeOfNames = import('@sitrep/ingest').then((ingest) => ingest.knowledgeOfNames);
      const names = Promise.resolve(store.entityNames());
      built = { version, knowledge: Promise.all([knowledgeOfNames, names]).then(([make, all]) => make(all)) };
      // A failed build is not kept: the next look-up tries again.
      built.knowledge.catch(() => {
        built = null;
      });
    }
    return built.knowledge;
  }

  return async (name) => {
    const exact = await store.entityByName(name);
    if (exact) return exact;
    const known = (await knowledge()).lookup(name);
    if (!known) return undefined;
    const [row] = await store.entitiesByIds([Number(known.id)]);
    return row;
  };
}
