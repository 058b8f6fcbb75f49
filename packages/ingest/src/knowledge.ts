import {
  type AliasTotals,
  type EntityNames,
  type EntityRow,
  type IngestTarget,
  type IngestWrites,
  writesOf,
} from '@sitrep/db';
import {
  type Knowledge,
  KnowledgeBase,
  type KnownEntity,
  type KnownMatch,
  layeredKnowledge,
  subtypeOfStoredType,
} from '@sitrep/extract';

const toKnown = (entity: EntityNames): KnownEntity => ({
  id: String(entity.id),
  name: entity.name,
  type: entity.kind,
  subtype: subtypeOfStoredType(entity.type),
  aliases: entity.aliases,
});

const knowledgeBaseOf = (entities: readonly EntityNames[]) => new KnowledgeBase(entities.map(toKnown));

/**
 * A database's names as two knowledge bases: `base`, every name at its last full build, and
 * `recent`, the names added since. Ingesting adds names with most articles, and a full build costs
 * about half a second at 60,000 names; the recent names are built again alone, which costs what
 * they are, until they grow to a sixteenth of the base.
 */
export class DatabaseKnowledge implements Knowledge {
  private readonly layers: Knowledge;

  constructor(
    /** Every name at the last full build. */
    readonly base: KnowledgeBase,
    /** Names added since, or null. */
    readonly recent: KnowledgeBase | null,
  ) {
    this.layers = layeredKnowledge(recent ? [base, recent] : [base]);
  }

  find(text: string): KnownMatch[] {
    return this.layers.find(text);
  }

  /** The known entity whose name is the whole of `name` (a leading "the" and a possessive aside). */
  lookup(name: string): KnownEntity | undefined {
    return this.layers.lookup(name);
  }
}

/** The knowledge of these names, built whole: for a database knowledgeOf does not watch (PostgreSQL). */
export const knowledgeOfNames = (entities: readonly EntityNames[]): DatabaseKnowledge =>
  new DatabaseKnowledge(knowledgeBaseOf(entities), null);

interface Built {
  /** entityNamesStamp when last checked: while it holds, no name can have changed. */
  stamp: string;
  knowledge: DatabaseKnowledge;
  /** The names' totals when the base was built, and of the names added since as `recent` holds them. */
  base: AliasTotals;
  recent: AliasTotals;
}

const built = new WeakMap<object, Built>();
const NONE: AliasTotals = { count: 0, top: 0, owners: 0 };

/** Whether two counts of the names are the same: as many, the same last id, the same owners. */
export const sameNames = (a: AliasTotals, b: AliasTotals) =>
  a.count === b.count && a.top === b.top && a.owners === b.owners;

/**
 * Forgets the connection's knowledge base: after a rolled-back commit, names it was built with may
 * be gone, and their ids given to other entities.
 */
export function forgetKnowledge(target: IngestTarget): void {
  built.delete(writesOf(target).cacheKey);
}

/** Whether the base's names are all still there, with their owners: none of them removed or moved. */
const baseUnchanged = (base: AliasTotals, since: AliasTotals, now: AliasTotals) =>
  base.count + since.count === now.count && base.owners + since.owners === now.owners;

function buildAll(w: IngestWrites, stamp: string): Built {
  const entities = w.allEntityNames();
  const base = w.aliasTotals();
  return { stamp, knowledge: new DatabaseKnowledge(knowledgeBaseOf(entities), null), base, recent: NONE };
}

/**
 * The knowledge base of a database's entities and names, per connection, brought up to date only
 * when names changed: checking costs a pragma while nothing was written, and reading the totals of
 * the names after someone wrote. A name of the base removed or moved (a merge) makes it build
 * everything again; the recent names are read again whenever they changed.
 */
export function knowledgeOf(target: IngestTarget): DatabaseKnowledge {
  const w = writesOf(target);
  const stamp = w.entityNamesStamp();
  const last = built.get(w.cacheKey);
  if (last?.stamp === stamp) return last.knowledge;
  // One snapshot: the totals read are the totals of the names read.
  const next = w.snapshot((): Built => {
    if (!last) return buildAll(w, stamp);
    const since = w.aliasTotals(last.base.top);
    if (!baseUnchanged(last.base, since, w.aliasTotals()) || since.count * 16 > Math.max(last.base.count, 4096)) {
      return buildAll(w, stamp);
    }
    if (since.count === last.recent.count && since.owners === last.recent.owners) return { ...last, stamp };
    const recent = since.count === 0 ? null : knowledgeBaseOf(w.allEntityNames(last.base.top));
    return { ...last, stamp, recent: since, knowledge: new DatabaseKnowledge(last.knowledge.base, recent) };
  });
  built.set(w.cacheKey, next);
  return next.knowledge;
}

/** The stored entity the knowledge finds as the whole of `name`, its spelling folded, if it still exists. */
export function knownEntityNamed(
  target: IngestTarget,
  knowledge: DatabaseKnowledge,
  name: string,
): EntityRow | undefined {
  const known = knowledge.lookup(name);
  return known && writesOf(target).entitiesByIds([Number(known.id)])[0];
}
