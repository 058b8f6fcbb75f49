import {
  type EntityNames,
  type EntityRow,
  type SitrepDatabase,
  aliasDictionaryVersion,
  allEntityNames,
  entitiesByIds,
  entityNamesStamp,
} from '@sitrep/db';
import { KnowledgeBase, type KnownEntity } from '@sitrep/extract';

interface Built {
  /** entityNamesStamp when last checked: while it holds, nothing can have changed. */
  stamp: string;
  /** aliasDictionaryVersion it was built at: a commit elsewhere that wrote no name keeps it. */
  names: string;
  knowledge: KnowledgeBase;
}

const built = new WeakMap<object, Built>();

const toKnown = (entity: EntityNames): KnownEntity => ({
  id: String(entity.id),
  name: entity.name,
  type: entity.kind,
  // The extractor's subtypes are words joined by underscores ("naval_base"); stored types by spaces.
  subtype: entity.type?.replace(/ /g, '_') ?? null,
  aliases: entity.aliases,
});

/**
 * The knowledge base of a database's entities and names, built once per connection and again
 * only when names changed: checking costs a pragma while nothing was written, and a scan of the
 * aliases' ids after another connection committed.
 */
export function knowledgeOf(db: SitrepDatabase): KnowledgeBase {
  const stamp = entityNamesStamp(db);
  const last = built.get(db.sqlite);
  if (last?.stamp === stamp) return last.knowledge;
  // One snapshot: the version read is the version of the names read.
  return db.sqlite.transaction(() => {
    const names = aliasDictionaryVersion(db);
    const knowledge = last?.names === names ? last.knowledge : new KnowledgeBase(allEntityNames(db).map(toKnown));
    built.set(db.sqlite, { stamp, names, knowledge });
    return knowledge;
  })();
}

/**
 * The stored entity a knowledge base finds as the whole of `name` (its spelling folded; a leading
 * "the" and a possessive aside), if it still exists.
 */
export function knownEntityNamed(db: SitrepDatabase, knowledge: KnowledgeBase, name: string): EntityRow | undefined {
  const found = knowledge.find(name);
  if (found.length !== 1) return undefined;
  const [{ start, end, entity }] = found as [(typeof found)[number]];
  if (!/^\s*(?:the\s+)?$/iu.test(name.slice(0, start)) || !/^(?:['’ʼ]s)?\s*$/u.test(name.slice(end))) return undefined;
  return entitiesByIds(db, [Number(entity.id)])[0];
}
