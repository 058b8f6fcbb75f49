import { doubled } from './words';

/** The trie's root. No edge leads to it, so it also stands for "no child"; no name ends there. */
export const ROOT = 0;

/**
 * A trie over word-key ids (from 0 up, as dense as can be), all in numbers: nodes are ids, and every
 * edge (node, key) → child below the root sits in one open-addressing table. A Map per node cost a
 * hashed look-up on a large table per word of text, and a heap of Maps for the garbage collector to walk.
 */
export class NameTrie<T> {
  /** The root's children by key: most keys start some name, so an array beats a hash table there. */
  private firstNodes = new Int32Array(1024);
  /** Per slot, three numbers: node, key, child (child ROOT when the slot is empty). At most half full. */
  private slots = new Int32Array(3 * 1024);
  private edges = 0;
  /** By node: the value of the name that ends there. */
  private readonly values: (T | undefined)[] = [undefined];
  // The edge table is too large for the cache, and most look-ups in it from a scan fail: the node is
  // a name's last word, or the key never follows another. These two small tables answer those first.
  /** By node: 1 when it has a child. */
  private inner: Uint8Array = new Uint8Array(1024);
  /** By key: 1 when some edge below the root is labelled with it. */
  private followers: Uint8Array = new Uint8Array(1024);

  /** The child of `node` by `key`, or ROOT when there is none. */
  child(node: number, key: number): number {
    if (node === ROOT) return key >= 0 && key < this.firstNodes.length ? this.firstNodes[key]! : ROOT;
    if (!isSet(this.inner, node) || !isSet(this.followers, key)) return ROOT;
    const slots = this.slots;
    const mask = slots.length / 3 - 1;
    for (let slot = hash(node, key) & mask; ; slot = (slot + 1) & mask) {
      const child = slots[3 * slot + 2]!;
      if (child === ROOT || (slots[3 * slot] === node && slots[3 * slot + 1] === key)) return child;
    }
  }

  /** The child of `node` by `key`, made if need be. */
  childOrNew(node: number, key: number): number {
    const child = this.child(node, key);
    if (child !== ROOT) return child;
    this.values.push(undefined);
    const made = this.values.length - 1;
    if (node === ROOT) {
      while (key >= this.firstNodes.length) this.firstNodes = doubled(this.firstNodes);
      this.firstNodes[key] = made;
    } else {
      if ((this.edges + 1) * 2 > this.slots.length / 3) this.grow();
      this.place(node, key, made);
      this.edges += 1;
      this.inner = mark(this.inner, node);
      this.followers = mark(this.followers, key);
    }
    return made;
  }

  valueAt(node: number): T | undefined {
    return this.values[node];
  }

  setValue(node: number, value: T): void {
    this.values[node] = value;
  }

  private place(node: number, key: number, child: number): void {
    const mask = this.slots.length / 3 - 1;
    let slot = hash(node, key) & mask;
    while (this.slots[3 * slot + 2] !== ROOT) slot = (slot + 1) & mask;
    this.slots[3 * slot] = node;
    this.slots[3 * slot + 1] = key;
    this.slots[3 * slot + 2] = child;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    for (let i = 0; i < old.length; i += 3) if (old[i + 2] !== ROOT) this.place(old[i]!, old[i + 1]!, old[i + 2]!);
  }
}

function isSet(flags: Uint8Array, i: number): boolean {
  return i >= 0 && i < flags.length && flags[i] === 1;
}

/** Sets flags[i], in a larger copy of flags if need be. */
function mark(flags: Uint8Array, i: number): Uint8Array {
  while (i >= flags.length) flags = doubled(flags);
  flags[i] = 1;
  return flags;
}

function hash(node: number, key: number): number {
  const h = Math.imul(node, 0x9e3779b1) ^ key;
  return Math.imul(h ^ (h >>> 16), 0x85ebca6b) ^ (h >>> 13);
}
