import { hashOf } from './hash';
import { doubled } from './words';

/**
 * A map from strings that looks a key up by its place in a longer text, without cutting it out:
 * a Map would want each word of a document as a string of its own, one allocation per word.
 * Open addressing over a power-of-two table kept at most half full. The keys' characters are copied
 * into one array of code units: a key kept as a slice of a document would keep that whole document
 * alive (V8 slices longer strings by reference).
 */
export class SliceMap<T> {
  /** Per slot, two numbers: the key's hash, and the index of its entry + 1 (0 when the slot is empty). */
  private slots = new Int32Array(2 * 1024);
  /** All keys' code units, one after another. */
  private chars = new Uint16Array(16 * 1024);
  private used = 0;
  /** Per entry: where its key starts in `chars`, and its length. */
  private offsets: number[] = [];
  private lengths: number[] = [];
  private values: T[] = [];

  get size(): number {
    return this.values.length;
  }

  /** The value stored for the key text[start, end), whose hash a reader may have worked out already. */
  get(text: string, start: number, end: number, hash = hashOf(text, start, end)): T | undefined {
    const slots = this.slots;
    const mask = slots.length / 2 - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[2 * slot + 1]! - 1;
      if (entry < 0) return undefined;
      if (slots[2 * slot] === hash && this.keyEquals(entry, text, start, end)) return this.values[entry];
    }
  }

  /** Stores a value for a key not yet in the map. */
  add(key: string, value: T): void {
    if ((this.values.length + 1) * 2 > this.slots.length / 2) this.grow();
    while (this.used + key.length > this.chars.length) this.chars = doubled(this.chars);
    for (let i = 0; i < key.length; i += 1) this.chars[this.used + i] = key.charCodeAt(i);
    this.place(hashOf(key, 0, key.length), this.values.length);
    this.offsets.push(this.used);
    this.lengths.push(key.length);
    this.values.push(value);
    this.used += key.length;
  }

  clear(): void {
    this.slots = new Int32Array(2 * 1024);
    this.chars = new Uint16Array(16 * 1024);
    this.used = 0;
    this.offsets = [];
    this.lengths = [];
    this.values = [];
  }

  private keyEquals(entry: number, text: string, start: number, end: number): boolean {
    if (this.lengths[entry] !== end - start) return false;
    const chars = this.chars;
    const offset = this.offsets[entry]! - start;
    for (let i = start; i < end; i += 1) if (chars[offset + i] !== text.charCodeAt(i)) return false;
    return true;
  }

  private place(hash: number, entry: number): void {
    const mask = this.slots.length / 2 - 1;
    let slot = hash & mask;
    while (this.slots[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
    this.slots[2 * slot] = hash;
    this.slots[2 * slot + 1] = entry + 1;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    for (let i = 0; i < old.length; i += 2) if (old[i + 1] !== 0) this.place(old[i]!, old[i + 1]! - 1);
  }
}
