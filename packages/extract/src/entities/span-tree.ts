/**
 * Spans keyed by where they start, each position holding the furthest end of the spans that start
 * there: a segment tree, so that "the furthest end among spans starting in [lo, hi]" and "every
 * start in [lo, hi] with a span reaching `minEnd`" cost O(log n) per answer, where a scan of every
 * span costs O(spans), and O(spans²) over an article that asks once per name.
 */
export class SpanTree {
  /** Leaves: a power of two above the largest start. */
  private size: number;
  /** Node i covers its children 2i and 2i + 1; the leaves start at `size`. -1: no span there. */
  private ends: Int32Array;

  constructor(length = 0) {
    this.size = leavesFor(length);
    this.ends = new Int32Array(2 * this.size).fill(-1);
  }

  add(start: number, end: number): void {
    if (start >= this.size) this.grow(start);
    // A parent holds the largest end of its children: once one is as large, so are all above it.
    for (let i = start + this.size; i >= 1 && this.ends[i]! < end; i >>= 1) this.ends[i] = end;
  }

  /** The furthest end of the spans starting in [lo, hi], or -1 when none does. */
  maxEnd(lo: number, hi: number): number {
    let best = -1;
    let l = Math.max(0, lo) + this.size;
    let r = Math.min(hi, this.size - 1) + this.size + 1;
    for (; l < r; l >>= 1, r >>= 1) {
      if (l & 1) best = Math.max(best, this.ends[l++]!);
      if (r & 1) best = Math.max(best, this.ends[--r]!);
    }
    return best;
  }

  /** Calls `visit` with each start in [lo, hi], in order, where a span ending at `minEnd` or later starts. */
  visit(lo: number, hi: number, minEnd: number, visit: (start: number) => void): void {
    const last = Math.min(hi, this.size - 1);
    if (lo > last) return;
    const down = (node: number, from: number, width: number): void => {
      if (this.ends[node]! < minEnd || from > last || from + width <= lo) return;
      if (width === 1) return visit(from);
      const half = width >> 1;
      down(2 * node, from, half);
      down(2 * node + 1, from + half, half);
    };
    down(1, 0, this.size);
  }

  private grow(start: number): void {
    const size = leavesFor(start);
    const ends = new Int32Array(2 * size).fill(-1);
    ends.set(this.ends.subarray(this.size), size);
    for (let i = size - 1; i >= 1; i -= 1) ends[i] = Math.max(ends[2 * i]!, ends[2 * i + 1]!);
    this.size = size;
    this.ends = ends;
  }
}

function leavesFor(position: number): number {
  let size = 1;
  while (size <= position) size *= 2;
  return size;
}
