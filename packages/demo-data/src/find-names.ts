export interface NameHit {
  start: number;
  end: number;
  key: string;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Finds whole-word occurrences of the given names (case-insensitive), preferring the
 * longest name where matches overlap. Good enough for our own short demo reports; the
 * editor's matcher (language server) is the general one.
 */
export function findNames(text: string, names: ReadonlyArray<{ name: string; key: string }>): NameHit[] {
  const hits: NameHit[] = [];
  for (const { name, key } of names) {
    const bare = name.replace(/^the\s+/i, '');
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(bare)}(?![\\p{L}\\p{N}])`, 'giu');
    for (const match of text.matchAll(pattern))
      hits.push({ start: match.index, end: match.index + match[0].length, key });
  }
  hits.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const chosen: NameHit[] = [];
  for (const hit of hits) {
    const last = chosen.at(-1);
    if (last && hit.start < last.end) continue;
    chosen.push(hit);
  }
  return chosen;
}
