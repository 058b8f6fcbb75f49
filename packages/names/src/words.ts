/**
 * Whether text[from, to), the gap between two words, may lie inside one name: spaces with at most one
 * line break (a blank line ends a paragraph), or one hyphen. As a regex,
 * /^(?:[ \t\u00a0]*\r?\n?[ \t\u00a0]*|[-‐‑–])$/, here read in place rather than cut out.
 */
export function joins(text: string, from: number, to: number): boolean {
  if (to - from === 1 && isHyphen(text.charCodeAt(from))) return true;
  let i = skipSpaces(text, from, to);
  if (i < to && text.charCodeAt(i) === 13) i += 1;
  if (i < to && text.charCodeAt(i) === 10) i += 1;
  return skipSpaces(text, i, to) === to;
}

function skipSpaces(text: string, i: number, to: number): number {
  for (; i < to; i += 1) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 0xa0) break;
  }
  return i;
}

function isHyphen(c: number): boolean {
  return c === 0x2d || c === 0x2010 || c === 0x2011 || c === 0x2013;
}

/**
 * The words of a text as parallel arrays of numbers: where each starts and ends, and the ids of its
 * folded key and of its possessive stem. Reused from scan to scan, so a scan allocates nothing per word.
 */
export class Words {
  length = 0;
  start = new Int32Array(1024);
  end = new Int32Array(1024);
  key = new Int32Array(1024);
  stem = new Int32Array(1024);

  clear(): void {
    this.length = 0;
  }

  push(start: number, end: number, key: number, stem: number): void {
    if (this.length === this.start.length) this.grow();
    const i = this.length;
    this.start[i] = start;
    this.end[i] = end;
    this.key[i] = key;
    this.stem[i] = stem;
    this.length = i + 1;
  }

  private grow(): void {
    this.start = doubled(this.start);
    this.end = doubled(this.end);
    this.key = doubled(this.key);
    this.stem = doubled(this.stem);
  }
}

/** A copy of `a` with twice the room. */
export function doubled<A extends Int32Array | Uint16Array | Uint8Array>(a: A): A {
  const b = new (a.constructor as new (length: number) => A)(a.length * 2);
  b.set(a);
  return b;
}
