import { SpanTree } from './span-tree';

/** One mention as filed: who it is of, and where in that entity's list it stands. */
export interface Filed<E, M> {
  entity: E;
  mention: M;
  /** Its index in the entity's mentions when filed. */
  index: number;
  /** The entity's generation when filed: clearing an entity's mentions starts a new one. */
  generation: number;
}

interface Span {
  start: number;
  end: number;
}

/**
 * Every mention of a table, found by where it starts and where it ends. Mentions are never taken
 * out: a mention that has left its entity is still here, and `isLive` tells it apart.
 */
export class MentionIndex<E, M extends Span> {
  private readonly starts: SpanTree;
  private readonly byStart = new Map<number, Array<Filed<E, M>>>();
  private readonly byEnd = new Map<number, Array<Filed<E, M>>>();

  constructor(
    length: number,
    private readonly isLive: (filed: Filed<E, M>) => boolean,
  ) {
    this.starts = new SpanTree(length);
  }

  add(filed: Filed<E, M>): void {
    const { start, end } = filed.mention;
    this.starts.add(start, end);
    push(this.byStart, start, filed);
    push(this.byEnd, end, filed);
  }

  /** The live mentions starting at `start`. */
  startingAt(start: number): Array<Filed<E, M>> {
    return (this.byStart.get(start) ?? []).filter(this.isLive);
  }

  /** The live mentions ending in [from, to]: for short ranges, as each position is looked at. */
  endingIn(from: number, to: number): Array<Filed<E, M>> {
    const found: Array<Filed<E, M>> = [];
    for (let end = Math.max(0, from); end <= to; end += 1)
      for (const filed of this.byEnd.get(end) ?? []) if (this.isLive(filed)) found.push(filed);
    return found;
  }

  /** The live mentions with m.start ≤ start and m.end ≥ end. */
  covering(start: number, end: number): Array<Filed<E, M>> {
    return this.collect(0, start, end, (m) => m.end >= end);
  }

  /** The live mentions with m.start < end and m.end > start. */
  overlapping(start: number, end: number): Array<Filed<E, M>> {
    return this.collect(0, end - 1, start + 1, (m) => m.end > start);
  }

  /** The live mentions with m.start ≥ start and m.end ≤ end. */
  inside(start: number, end: number): Array<Filed<E, M>> {
    return this.collect(start, end, start, (m) => m.end <= end);
  }

  private collect(lo: number, hi: number, minEnd: number, fits: (m: M) => boolean): Array<Filed<E, M>> {
    const found: Array<Filed<E, M>> = [];
    this.starts.visit(lo, hi, minEnd, (start) => {
      for (const filed of this.byStart.get(start)!) if (fits(filed.mention) && this.isLive(filed)) found.push(filed);
    });
    return found;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
