import type { EntityRecord } from './table';

/** The latest mention before a position among some entities, for one state of the table. */
export interface LatestIndex {
  version: number;
  /** Mentions indexed. */
  size: number;
  before(position: number): { entity: EntityRecord; end: number } | undefined;
}

interface Ending {
  end: number;
  rank: number;
  index: number;
  entity: EntityRecord;
}

/**
 * The mentions of the entities `fits` accepts, sorted by end, then by entity and place in its
 * list: the answer before a position is the first of those with the latest end up to it, found
 * by binary search.
 */
export function latestIndex(
  version: number,
  entities: readonly EntityRecord[],
  fits: (entity: EntityRecord) => boolean,
  rankOf: (entity: EntityRecord) => number,
): LatestIndex {
  const endings: Ending[] = [];
  for (const entity of entities) {
    if (!fits(entity)) continue;
    const rank = rankOf(entity);
    entity.mentions.forEach((m, index) => endings.push({ end: m.end, rank, index, entity }));
  }
  endings.sort((a, b) => a.end - b.end || a.rank - b.rank || a.index - b.index);
  /** The index of the first ending after `position` (or the first at it, with `orAt`). */
  const firstAfter = (position: number, orAt: boolean): number => {
    let lo = 0;
    let hi = endings.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (endings[mid]!.end < position || (!orAt && endings[mid]!.end === position)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return {
    version,
    size: endings.length,
    before(position) {
      const last = firstAfter(position, false) - 1;
      if (last < 0) return undefined;
      const { entity, end } = endings[firstAfter(endings[last]!.end, true)]!;
      return { entity, end };
    },
  };
}
