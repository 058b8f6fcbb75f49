import { describe, expect, it } from 'vitest';
import { hashOf } from './hash';
import { SliceMap } from './slice-map';

describe('SliceMap', () => {
  it('finds a key by its place in a longer text, and only that key', () => {
    const map = new SliceMap<number>();
    map.add('Assad', 1);
    map.add('Asad', 2);
    const text = 'Asad, Assad, Assadi, assad';
    expect(map.get(text, 0, 4)).toBe(2);
    expect(map.get(text, 6, 11)).toBe(1);
    expect(map.get(text, 13, 19)).toBeUndefined();
    expect(map.get(text, 21, 26)).toBeUndefined();
    expect(map.get(text, 13, 18)).toBe(1);
  });

  it('tells apart two keys of the same length and hash', () => {
    // Found by searching six-letter words for a 32-bit hash collision.
    const [first, second] = ['yaczfa', 'glbppa'];
    expect(hashOf(first, 0, 6)).toBe(hashOf(second, 0, 6));
    const map = new SliceMap<string>();
    map.add(first, first);
    const text = `${first} ${second}`;
    expect(map.get(text, 7, 13)).toBeUndefined();
    map.add(second, second);
    expect(map.get(text, 0, 6)).toBe(first);
    expect(map.get(text, 7, 13)).toBe(second);
  });

  it('keeps every key as it grows, and forgets them all when cleared', () => {
    const map = new SliceMap<number>();
    const keys = Array.from({ length: 5000 }, (_, i) => `w${i.toString(36)}é`);
    keys.forEach((key, i) => map.add(key, i));
    const text = keys.join(' ');
    const found: Array<number | undefined> = [];
    for (let at = 0, i = 0; i < keys.length; at += keys[i]!.length + 1, i += 1)
      found.push(map.get(text, at, at + keys[i]!.length));
    expect(found).toEqual(keys.map((_, i) => i));
    expect(map.size).toBe(5000);
    map.clear();
    expect(map.size).toBe(0);
    expect(map.get(text, 0, keys[0]!.length)).toBeUndefined();
  });
});
