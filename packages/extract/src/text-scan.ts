/** Whether a UTF-16 code unit is what `\s` matches in a JavaScript RegExp. */
export function isSpace(code: number): boolean {
  return (
    (code >= 0x09 && code <= 0x0d) ||
    code === 0x20 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * How many pieces `text.slice(a, b).split(/\s+/)` gives, for any a and b, in constant time: one
 * more than the runs of white space in the slice. A count of where runs start, made once.
 */
export class WordCount {
  private readonly runsBefore: Int32Array;
  private readonly space: Uint8Array;

  constructor(text: string) {
    this.space = new Uint8Array(text.length);
    this.runsBefore = new Int32Array(text.length + 1);
    for (let i = 0; i < text.length; i += 1) {
      const space = isSpace(text.charCodeAt(i));
      this.space[i] = space ? 1 : 0;
      this.runsBefore[i + 1] = this.runsBefore[i]! + (space && (i === 0 || !this.space[i - 1]) ? 1 : 0);
    }
  }

  /** Pieces of [a, b): a run that goes on before `a` still counts once. */
  pieces(a: number, b: number): number {
    if (b <= a) return 1;
    const carried = a > 0 && this.space[a] && this.space[a - 1] ? 1 : 0;
    return this.runsBefore[b]! - this.runsBefore[a]! + carried + 1;
  }
}

/** [a, b) without the characters `lead` accepts at its start nor those `tail` accepts at its end. */
export function trimRange(
  text: string,
  a: number,
  b: number,
  lead: (char: string) => boolean,
  tail: (char: string) => boolean,
): [number, number] {
  let start = a;
  while (start < b && lead(text[start]!)) start += 1;
  let end = b;
  while (end > a && tail(text[end - 1]!)) end -= 1;
  return [start, end];
}
