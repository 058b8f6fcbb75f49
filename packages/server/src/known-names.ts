import type { EntityRow, SitrepDatabase } from '@sitrep/db';

/**
 * The entity a name stands for by the knowledge base of names ingestion links with (folded
 * spellings, descriptions), or null. Ingestion and its language model load on the first such
 * look-up, not when the server starts.
 */
export async function knownEntityNamed(db: SitrepDatabase, name: string): Promise<EntityRow | null> {
  const { knowledgeOf, knownEntityNamed: lookUp } = await import('@sitrep/ingest');
  return lookUp(db, knowledgeOf(db), name) ?? null;
}
