/**
 * Which of many strings a text contains (as `text.includes(s)` for each), in one pass over the
 * text: an Aho–Corasick automaton over UTF-16 code units. Asking `includes` of every mention of
 * every entity for each claim made an article of many names quadratic.
 */
export class Substrings<T> {
  private readonly next: Array<Map<number, number>> = [new Map()];
  private readonly fail: number[] = [0];
  /** The values of the strings that end at each node. */
  private readonly values: T[][] = [[]];
  /** The nearest node down the fail links that has values of its own, or -1. */
  private readonly link: number[] = [-1];

  constructor(entries: Iterable<readonly [string, T]>) {
    for (const [string, value] of entries) {
      let node = 0;
      for (let i = 0; i < string.length; i += 1) {
        const code = string.charCodeAt(i);
        let child = this.next[node]!.get(code);
        if (child === undefined) {
          child = this.next.length;
          this.next.push(new Map());
          this.fail.push(0);
          this.values.push([]);
          this.link.push(-1);
          this.next[node]!.set(code, child);
        }
        node = child;
      }
      this.values[node]!.push(value);
    }
    // Breadth first: a node's fail link is the longest proper suffix of its string in the trie.
    const queue = [...this.next[0]!.values()];
    for (let q = 0; q < queue.length; q += 1) {
      const node = queue[q]!;
      for (const [code, child] of this.next[node]!) {
        this.fail[child] = node === 0 ? 0 : this.step(this.fail[node]!, code);
        const f = this.fail[child]!;
        this.link[child] = this.values[f]!.length > 0 ? f : this.link[f]!;
        queue.push(child);
      }
    }
  }

  /** The values of the strings `text` contains, each once. */
  in(text: string): Set<T> {
    const found = new Set<T>(this.values[0]);
    const seen = new Set<number>();
    let node = 0;
    for (let i = 0; i < text.length; i += 1) {
      node = this.step(node, text.charCodeAt(i));
      // A node reported once has had its whole chain of suffixes reported with it.
      for (
        let at = this.values[node]!.length > 0 ? node : this.link[node]!;
        at > 0 && !seen.has(at);
        at = this.link[at]!
      ) {
        seen.add(at);
        for (const value of this.values[at]!) found.add(value);
      }
    }
    return found;
  }

  private step(from: number, code: number): number {
    let node = from;
    for (;;) {
      const to = this.next[node]!.get(code);
      if (to !== undefined) return to;
      if (node === 0) return 0;
      node = this.fail[node]!;
    }
  }
}
